/**
 * What every host's OAuth client shares: the grant it answers, the refusal it throws, the interface the session
 * RPCs use, and the POST to a token endpoint (client credentials in the form body, never in the URL, which proxies
 * may log; every call timed for the host's metrics). Each host's client (hosts/<host>/oauth.ts) reads its own replies.
 */
import { OAuthToken } from './token';

export interface GrantedToken {
  token: OAuthToken;
  /** Unix ms, when the host said when the refresh token expires. */
  refreshTokenExpiry?: number;
}

/** The host refused or failed a grant; `final` when the code or refresh token can never work again (connect anew). */
export class OAuthError extends Error {
  constructor(
    message: string,
    readonly final = false
  ) {
    super(message);
  }
}

/** A host's OAuth client, as the login and refresh RPCs use it. */
export interface HostOAuthClient {
  /** `codeVerifier`: PKCE (S256), when the authorize request carried its challenge. */
  exchangeCode(code: string, redirectUri: string, codeVerifier?: string, now?: number): Promise<GrantedToken>;
  refresh(refreshToken: string, redirectUri: string, now?: number): Promise<GrantedToken>;
}

export interface TokenEndpoint {
  url: string | URL;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Called after every call to the token endpoint, for metrics. */
  onResponse?: (status: number | undefined, seconds: number) => void;
}

export interface TokenReply {
  status: number;
  ok: boolean;
  text: string;
  contentType: string;
}

/** Posts a grant; a failure to reach the endpoint is thrown as fetch threw it (each host words it its own way). */
export async function postGrant(endpoint: TokenEndpoint, grant: Record<string, string>): Promise<TokenReply> {
  const body = new URLSearchParams({ ...grant, client_id: endpoint.clientId, client_secret: endpoint.clientSecret });
  const started = performance.now();
  let status: number | undefined;
  try {
    const response = await (endpoint.fetch ?? fetch)(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
    status = response.status;
    const text = await response.text();
    return { status, ok: response.ok, text, contentType: response.headers.get('content-type') ?? '' };
  } finally {
    endpoint.onResponse?.(status, (performance.now() - started) / 1000);
  }
}
