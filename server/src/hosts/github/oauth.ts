/**
 * GitHub's OAuth token endpoint (`<GITHUB_URL>/login/oauth/access_token`): the authorization-code exchange
 * and the refresh grant. Replies are form-encoded by default; JSON is understood too.
 */
import { GrantedToken, HostOAuthClient, OAuthError, postGrant, TokenEndpoint } from '../../session/oauth';

export interface GitHubOAuthConfig extends Omit<TokenEndpoint, 'url'> {
  githubUrl: string;
}

/** Reads a required, non-empty value; with repeated keys the first wins (as Go's url.Values.Get). */
export function requiredValue(values: URLSearchParams, key: string): string {
  const value = values.get(key);
  if (value === null || value === '') {
    throw new OAuthError(`missing key: ${key}`);
  }
  return value;
}

/** A positive number of seconds, with Go's strconv.Atoi wording for bad numbers. */
export function durationValue(values: URLSearchParams, key: string): number {
  const raw = requiredValue(values, key);
  if (!/^[+-]?\d+$/.test(raw)) {
    throw new OAuthError(`failed to parse ${key}: strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  const seconds = Number(raw);
  if (seconds < 1) {
    throw new OAuthError('cannot use scalar less than 1');
  }
  return seconds;
}

/**
 * The refresh reply. Unlike Pyroscope, an empty or missing `scope` is accepted: GitHub sends `scope=` for
 * GitHub App user tokens, which makes every Pyroscope refresh fail.
 */
export function parseRefreshReply(values: URLSearchParams, now: number): GrantedToken {
  const accessToken = requiredValue(values, 'access_token');
  const expiresIn = durationValue(values, 'expires_in');
  const refreshToken = requiredValue(values, 'refresh_token');
  const refreshExpiresIn = durationValue(values, 'refresh_token_expires_in');
  const tokenType = requiredValue(values, 'token_type');
  return {
    token: { accessToken, tokenType, refreshToken, expiry: now + expiresIn * 1000 },
    refreshTokenExpiry: now + refreshExpiresIn * 1000,
  };
}

/** The code-exchange reply: an `error` key or an empty access token is a failure; expiry only if sent. */
function parseExchangeReply(values: URLSearchParams, now: number): GrantedToken {
  const error = values.get('error');
  if (error) {
    throw new OAuthError(
      `oauth2: ${error}${values.get('error_description') ? ` ${values.get('error_description')}` : ''}`
    );
  }
  const accessToken = requiredValue(values, 'access_token');
  const expiresIn = Number(values.get('expires_in') ?? '0');
  const refreshExpiresIn = Number(values.get('refresh_token_expires_in') ?? '0');
  return {
    token: {
      accessToken,
      tokenType: values.get('token_type') || undefined,
      refreshToken: values.get('refresh_token') || undefined,
      expiry: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
    },
    refreshTokenExpiry:
      Number.isFinite(refreshExpiresIn) && refreshExpiresIn > 0 ? now + refreshExpiresIn * 1000 : undefined,
  };
}

export class GitHubOAuthClient implements HostOAuthClient {
  constructor(private readonly config: GitHubOAuthConfig) {}

  /** GitHub takes the redirect URI registered for the app: the one given is not sent. */
  async exchangeCode(code: string, _redirectUri: string, codeVerifier = '', now = Date.now()): Promise<GrantedToken> {
    const values = await this.post({
      grant_type: 'authorization_code',
      code,
      ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
    });
    return parseExchangeReply(values, now);
  }

  async refresh(refreshToken: string, _redirectUri: string, now = Date.now()): Promise<GrantedToken> {
    const values = await this.post({ grant_type: 'refresh_token', refresh_token: refreshToken });
    const error = values.get('error');
    if (error) {
      // GitHub's verdict that the refresh token (or the app) is bad ends the session.
      throw new OAuthError(`oauth2: ${error}`, /bad_refresh_token|incorrect_client/.test(error));
    }
    return parseRefreshReply(values, now);
  }

  private async post(grant: Record<string, string>): Promise<URLSearchParams> {
    const reply = await postGrant(
      { ...this.config, url: new URL('/login/oauth/access_token', this.config.githubUrl) },
      grant
    );
    if (!reply.ok) {
      throw new OAuthError(`oauth2: token endpoint answered HTTP ${reply.status}`);
    }
    return replyValues(reply.text, reply.contentType);
  }
}

/** Normalises a JSON or form reply into form values (numbers as decimal strings). */
function replyValues(text: string, contentType: string): URLSearchParams {
  if (contentType.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new OAuthError('oauth2: cannot parse json reply');
    }
    const values = new URLSearchParams();
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value === 'string' || typeof value === 'number') {
          values.append(key, String(value));
        }
      }
    }
    return values;
  }
  return new URLSearchParams(text);
}
