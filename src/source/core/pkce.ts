// One-time values of the popup logins: the OAuth state and PKCE (RFC 7636, S256) pairs, as base64url text.

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes: a login's one-time state. */
export function randomState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** PKCE (RFC 7636): a random verifier and its S256 challenge, BASE64URL(SHA-256(verifier)). */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomState();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}
