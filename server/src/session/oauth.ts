/**
 * GitHub's OAuth token endpoint (`<GITHUB_URL>/login/oauth/access_token`): the authorization-code exchange
 * and the refresh grant. Replies are form-encoded by default; JSON is understood too.
 */
import { OAuthToken } from './token';

export interface OAuthClientConfig {
  githubUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Called after every call to the token endpoint, for metrics. */
  onResponse?: (status: number | undefined, seconds: number) => void;
}

export interface GrantedToken {
  token: OAuthToken;
  /** Unix ms, when GitHub said when the refresh token expires. */
  refreshTokenExpiry?: number;
}

export class OAuthError extends Error {}

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

export class OAuthClient {
  constructor(private readonly config: OAuthClientConfig) {}

  /** `codeVerifier`: PKCE (S256), when the authorize request carried its challenge; GitHub then requires it. */
  async exchangeCode(code: string, now = Date.now(), codeVerifier = ''): Promise<GrantedToken> {
    const values = await this.post({
      grant_type: 'authorization_code',
      code,
      ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
    });
    return parseExchangeReply(values, now);
  }

  async refresh(refreshToken: string, now = Date.now()): Promise<GrantedToken> {
    const values = await this.post({ grant_type: 'refresh_token', refresh_token: refreshToken });
    const error = values.get('error');
    if (error) {
      throw new OAuthError(`oauth2: ${error}`);
    }
    return parseRefreshReply(values, now);
  }

  /** Client credentials go in the form body (never the URL, which may be logged by proxies). */
  private async post(grant: Record<string, string>): Promise<URLSearchParams> {
    const body = new URLSearchParams({
      ...grant,
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    });
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await (this.config.fetch ?? fetch)(new URL('/login/oauth/access_token', this.config.githubUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      status = response.status;
      const text = await response.text();
      if (!response.ok) {
        throw new OAuthError(`oauth2: token endpoint answered HTTP ${response.status}`);
      }
      return replyValues(text, response.headers.get('content-type') ?? '');
    } finally {
      this.config.onResponse?.(status, (performance.now() - started) / 1000);
    }
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
