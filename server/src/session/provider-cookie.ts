/**
 * A Git host's own session cookie (`linescope_<host>_session`), in the shape and encryption of
 * `pyroscope_git_session` (base64 of {"token": "<AES-256-GCM sealed JSON>"}, key = SHA-256(secret ":" tenant)),
 * whose sealed JSON also names the provider. A payload without that field (a GitHub session) or with another
 * provider is refused, so no two hosts' cookies can be swapped.
 */
import { decodeStdBase64, OAuthToken, openText, sealText, SessionError, tokenFromJson, tokenToJson } from './token';

export interface ProviderCookie {
  name: string;
  seal(token: OAuthToken, key: Buffer): string;
  /** The token of a cookie value; throws SessionError when it is not this provider's session. */
  open(value: string, key: Buffer): OAuthToken;
}

/** `provider` is the host's kind ("gitlab"), `hostName` its name in messages ("GitLab"). */
export function providerCookie(name: string, provider: string, hostName: string): ProviderCookie {
  const seal = (token: OAuthToken, key: Buffer) =>
    sealText(JSON.stringify({ ...JSON.parse(tokenToJson(token)), provider }), key);
  const unseal = (sealed: string, key: Buffer): OAuthToken => {
    const plain = openText(sealed, key);
    const token = tokenFromJson(plain);
    const said = (JSON.parse(plain) as Record<string, unknown>).provider;
    if (said !== provider) {
      throw new SessionError(
        said === undefined
          ? `not a ${hostName} session (no provider in the token)`
          : `not a ${hostName} session (provider ${JSON.stringify(said)})`
      );
    }
    if (token.accessToken === '') {
      throw new SessionError(`the ${hostName} session has no access token`);
    }
    return token;
  };
  return {
    name,
    seal,
    open(value, key) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decodeStdBase64(value).toString('utf8'));
      } catch {
        throw new SessionError(`the ${hostName} session cookie is not JSON`);
      }
      const sealed = (parsed as { token?: unknown } | null)?.token;
      if (typeof sealed !== 'string') {
        throw new SessionError(`the ${hostName} session cookie has no token`);
      }
      return unseal(sealed, key);
    },
  };
}
