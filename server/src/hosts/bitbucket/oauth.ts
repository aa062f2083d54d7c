/**
 * Bitbucket Cloud's OAuth 2.0 token endpoint (`<BITBUCKET_URL>/site/oauth2/access_token`): the authorization-code
 * exchange and the refresh grant, with the consumer's key and secret in HTTP Basic and the grant in a form body
 * (Bitbucket does not read JSON bodies). Access tokens last two hours; refresh tokens rotate with each use. The
 * consumer's scopes are fixed where it is registered (`repository`), so no scope is asked for. PKCE is not
 * documented for Bitbucket Cloud: no verifier is sent.
 */
import { OAuthToken } from '../../session/token';

export interface BitbucketOAuthConfig {
  /** BITBUCKET_URL, e.g. https://bitbucket.org */
  bitbucketUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  onResponse?: (status: number | undefined, seconds: number) => void;
}

export interface BitbucketGrant {
  token: OAuthToken;
  scope: string;
}

/** Bitbucket refused the grant; `final` when the code or refresh token can never work again (connect anew). */
export class BitbucketOAuthError extends Error {
  constructor(
    message: string,
    readonly final: boolean
  ) {
    super(message);
  }
}

export class BitbucketOAuthClient {
  constructor(private readonly config: BitbucketOAuthConfig) {}

  exchangeCode(code: string, redirectUri: string, now = Date.now()): Promise<BitbucketGrant> {
    return this.post(
      { grant_type: 'authorization_code', code, ...(redirectUri ? { redirect_uri: redirectUri } : {}) },
      now
    );
  }

  refresh(refreshToken: string, now = Date.now()): Promise<BitbucketGrant> {
    return this.post({ grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  private async post(grant: Record<string, string>, now: number): Promise<BitbucketGrant> {
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
    const started = performance.now();
    let status: number | undefined;
    let text: string;
    try {
      const response = await (this.config.fetch ?? fetch)(
        `${this.config.bitbucketUrl.replace(/\/+$/, '')}/site/oauth2/access_token`,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams(grant),
          signal: AbortSignal.timeout(this.config.timeoutMs),
        }
      );
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new BitbucketOAuthError(
        (error as Error).name === 'TimeoutError'
          ? `Bitbucket's OAuth endpoint did not answer within ${this.config.timeoutMs} ms`
          : `Bitbucket's OAuth endpoint cannot be reached: ${(error as Error).message}`,
        false
      );
    } finally {
      this.config.onResponse?.(status, (performance.now() - started) / 1000);
    }
    let reply: Record<string, unknown>;
    try {
      reply = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new BitbucketOAuthError(`Bitbucket's OAuth endpoint answered HTTP ${status} without JSON`, false);
    }
    if (typeof reply.error === 'string') {
      // invalid_grant: the code or refresh token is used, expired or revoked; invalid_client: the consumer changed.
      const final = reply.error === 'invalid_grant' || reply.error === 'invalid_client';
      const description = typeof reply.error_description === 'string' ? ` ${reply.error_description}` : '';
      throw new BitbucketOAuthError(`oauth2: ${reply.error}${description}`, final);
    }
    if (status !== 200 || typeof reply.access_token !== 'string' || reply.access_token === '') {
      throw new BitbucketOAuthError(
        `Bitbucket's OAuth endpoint answered HTTP ${status} without an access token`,
        false
      );
    }
    const expiresIn = Number(reply.expires_in);
    // `scopes` before 2026-05-04, `scope` after.
    const scope = typeof reply.scope === 'string' ? reply.scope : typeof reply.scopes === 'string' ? reply.scopes : '';
    return {
      token: {
        accessToken: reply.access_token,
        // Bitbucket writes "bearer"; the header it reads is `Bearer`.
        tokenType: 'Bearer',
        refreshToken: typeof reply.refresh_token === 'string' && reply.refresh_token ? reply.refresh_token : undefined,
        expiry: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
      },
      scope,
    };
  }
}
