/**
 * The `linescope_gitlab_session` cookie: the same shape and encryption as `pyroscope_git_session` (base64 of
 * {"token": "<AES-256-GCM sealed JSON>"}, key = SHA-256(secret ":" tenant)), whose sealed JSON also says
 * `"provider": "gitlab"`. A payload without that field (a GitHub session) or with another provider is refused,
 * so the two cookies cannot be swapped.
 */
import {
  decodeStdBase64,
  OAuthToken,
  openText,
  sealText,
  SessionError,
  tokenFromJson,
  tokenToJson,
} from '../../session/token';

export const GITLAB_SESSION_COOKIE = 'linescope_gitlab_session';
export const GITLAB_PROVIDER = 'gitlab';

/** The sealed JSON: oauth2.Token's fields in its order (as the GitHub cookie writes them), then the provider. */
export function gitlabTokenToJson(token: OAuthToken): string {
  return JSON.stringify({ ...JSON.parse(tokenToJson(token)), provider: GITLAB_PROVIDER });
}

export function encryptGitlabToken(token: OAuthToken, key: Buffer): string {
  return sealText(gitlabTokenToJson(token), key);
}

export function decryptGitlabToken(encrypted: string, key: Buffer): OAuthToken {
  const plain = openText(encrypted, key);
  const token = tokenFromJson(plain);
  const provider = (JSON.parse(plain) as Record<string, unknown>).provider;
  if (provider !== GITLAB_PROVIDER) {
    throw new SessionError(
      provider === undefined
        ? 'not a GitLab session (no provider in the token)'
        : `not a GitLab session (provider ${JSON.stringify(provider)})`
    );
  }
  if (token.accessToken === '') {
    throw new SessionError('the GitLab session has no access token');
  }
  return token;
}

/** The cookie value the plugin writes from the `token` response field. */
export function encodeGitlabSessionCookie(encryptedToken: string): string {
  return Buffer.from(JSON.stringify({ token: encryptedToken })).toString('base64');
}

/** Only the new shape: a GitLab session never had Pyroscope's legacy `{"metadata", "expiry"}` form. */
export function decodeGitlabSessionCookie(value: string, key: Buffer): OAuthToken {
  const json = decodeStdBase64(value).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SessionError('the GitLab session cookie is not JSON');
  }
  const token = (parsed as { token?: unknown } | null)?.token;
  if (typeof token !== 'string') {
    throw new SessionError('the GitLab session cookie has no token');
  }
  return decryptGitlabToken(token, key);
}
