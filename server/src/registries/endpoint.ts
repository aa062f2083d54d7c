/**
 * A registry's configured URL split into where to ask and how to authenticate: credentials written in the URL
 * (`https://user:password@host/…`) go out as an Authorization header only to that origin and are kept out of
 * every URL the server prints, logs or answers with.
 */
export interface RegistryEndpoint {
  /** The base URL without credentials and without a trailing slash. */
  base: string;
  /** The base's origin: only requests to it carry `authorization`. */
  origin: string;
  authorization?: string;
}

export type CredentialStyle =
  /** user:password → Basic (Go proxies, RubyGems, PyPI, Maven repositories). */
  | 'basic'
  /** As npm's own `_authToken`: `:token@` (no user) → Bearer; user:password → Basic. */
  | 'npm';

/** Throws an Error (never naming the credentials) when the URL is not http(s). */
export function parseEndpoint(raw: string, style: CredentialStyle): RegistryEndpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a URL: ${raw.replace(/\/\/[^/?#]*@/, '//[redacted]@')}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`not an http(s) URL: ${url.protocol}`);
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  url.hash = '';
  const base = url.toString().replace(/\/+$/, '');
  const endpoint: RegistryEndpoint = { base, origin: url.origin };
  if (style === 'npm' && user === '' && password !== '') {
    endpoint.authorization = `Bearer ${password}`;
  } else if (user !== '' || password !== '') {
    endpoint.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  return endpoint;
}
