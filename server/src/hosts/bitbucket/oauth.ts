/**
 * Bitbucket Cloud's OAuth 2.0 token endpoint (`<BITBUCKET_URL>/site/oauth2/access_token`): the authorization-code
 * exchange and the refresh grant, with the consumer's key and secret in HTTP Basic and the grant in a form body
 * (Bitbucket does not read JSON bodies). Access tokens last two hours; refresh tokens rotate with each use. The
 * consumer's scopes are fixed where it is registered (`repository`), so no scope is asked for. PKCE is not
 * documented for Bitbucket Cloud: no verifier is sent.
 */
import { postTokenRequest, TokenGrant } from '../token-endpoint';

export interface BitbucketOAuthConfig {
  /** BITBUCKET_URL, e.g. https://bitbucket.org */
  bitbucketUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  onResponse?: (status: number | undefined, seconds: number) => void;
}

export class BitbucketOAuthClient {
  constructor(private readonly config: BitbucketOAuthConfig) {}

  /** Bitbucket documents no PKCE for Cloud: the verifier is not sent. */
  exchangeCode(code: string, redirectUri: string, _codeVerifier = '', now = Date.now()): Promise<TokenGrant> {
    return this.post(
      { grant_type: 'authorization_code', code, ...(redirectUri ? { redirect_uri: redirectUri } : {}) },
      now
    );
  }

  /** The redirect URI is not part of Bitbucket's refresh grant. */
  refresh(refreshToken: string, _redirectUri = '', now = Date.now()): Promise<TokenGrant> {
    return this.post({ grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  private post(form: Record<string, string>, now: number): Promise<TokenGrant> {
    const { bitbucketUrl, clientId, clientSecret, ...rest } = this.config;
    return postTokenRequest({
      ...rest,
      host: 'Bitbucket',
      url: `${bitbucketUrl.replace(/\/+$/, '')}/site/oauth2/access_token`,
      form,
      basic: { clientId, clientSecret },
      // Bitbucket answered `scopes` before 2026-05-04, `scope` after.
      scopeFields: ['scope', 'scopes'],
      now,
    });
  }
}
