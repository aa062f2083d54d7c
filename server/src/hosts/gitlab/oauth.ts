/**
 * GitLab's OAuth token endpoint (`<GITLAB_URL>/oauth/token`, below a self-managed instance's path prefix too):
 * the authorization-code exchange (with PKCE when the plugin used it) and the refresh grant. GitLab's access
 * tokens last two hours; a refresh token works once, and the answer carries the next one.
 */
import { GrantedToken, HostOAuthClient, OAuthError, postGrant, TokenEndpoint } from '../../session/oauth';

export interface GitLabOAuthConfig extends Omit<TokenEndpoint, 'url'> {
  /** GITLAB_URL, e.g. https://gitlab.com or https://example.com/gitlab. */
  gitlabUrl: string;
}

export class GitLabOAuthClient implements HostOAuthClient {
  constructor(private readonly config: GitLabOAuthConfig) {}

  exchangeCode(code: string, redirectUri: string, codeVerifier = '', now = Date.now()): Promise<GrantedToken> {
    return this.post(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
      },
      now
    );
  }

  refresh(refreshToken: string, redirectUri: string, now = Date.now()): Promise<GrantedToken> {
    return this.post(
      {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        ...(redirectUri ? { redirect_uri: redirectUri } : {}),
      },
      now
    );
  }

  private async post(grant: Record<string, string>, now: number): Promise<GrantedToken> {
    let status: number;
    let text: string;
    try {
      ({ status, text } = await postGrant(
        { ...this.config, url: `${this.config.gitlabUrl.replace(/\/+$/, '')}/oauth/token` },
        grant
      ));
    } catch (error) {
      const name = (error as Error).name;
      throw new OAuthError(
        name === 'TimeoutError'
          ? `GitLab's OAuth endpoint did not answer within ${this.config.timeoutMs} ms`
          : `GitLab's OAuth endpoint cannot be reached: ${(error as Error).message}${causeOf(error)}`,
        false
      );
    }
    let reply: Record<string, unknown>;
    try {
      reply = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new OAuthError(`GitLab's OAuth endpoint answered HTTP ${status} without JSON`, false);
    }
    if (typeof reply.error === 'string') {
      // invalid_grant: the code or refresh token is used, expired or revoked; invalid_client: the app changed.
      const final = reply.error === 'invalid_grant' || reply.error === 'invalid_client';
      throw new OAuthError(
        `oauth2: ${reply.error}${reply.error_description ? ` ${reply.error_description}` : ''}`,
        final
      );
    }
    if (status !== 200 || typeof reply.access_token !== 'string' || reply.access_token === '') {
      throw new OAuthError(`GitLab's OAuth endpoint answered HTTP ${status} without an access token`, false);
    }
    const expiresIn = Number(reply.expires_in);
    return {
      token: {
        accessToken: reply.access_token,
        tokenType: typeof reply.token_type === 'string' ? reply.token_type : 'Bearer',
        refreshToken: typeof reply.refresh_token === 'string' && reply.refresh_token ? reply.refresh_token : undefined,
        // Our clock, not GitLab's created_at: the expiry is compared with our clock.
        expiry: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
      },
    };
  }
}

/** Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, …). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? ` (${cause.code})` : '';
}
