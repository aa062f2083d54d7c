/**
 * Microsoft Entra ID's v2 token endpoint for Azure DevOps (`<AZURE_DEVOPS_LOGIN_URL>/<tenant>/oauth2/v2.0/token`):
 * the authorization-code exchange (with the plugin's PKCE verifier) and the refresh grant, asking for the Azure
 * DevOps resource's `vso.code` scope (read code, commits and refs; nothing more) and `offline_access` (without it
 * Entra gives no refresh token). Each refresh answers a new refresh token. Azure DevOps' own OAuth takes no new
 * registrations since April 2025 and is retired in 2026.
 */
import { postTokenRequest, TokenGrant } from '../token-endpoint';

/** Azure DevOps' resource id in Entra, and the one scope Linescope asks of it. */
export const AZURE_DEVOPS_SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access';

export interface AzureDevopsOAuthConfig {
  /** AZURE_DEVOPS_LOGIN_URL, e.g. https://login.microsoftonline.com */
  loginUrl: string;
  /** AZURE_DEVOPS_TENANT_ID: a tenant id, `organizations` or `common`. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  onResponse?: (status: number | undefined, seconds: number) => void;
}

export class AzureDevopsOAuthClient {
  constructor(private readonly config: AzureDevopsOAuthConfig) {}

  exchangeCode(code: string, redirectUri: string, codeVerifier = '', now = Date.now()): Promise<TokenGrant> {
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

  /** Entra's refresh grant names no redirect URI. */
  refresh(refreshToken: string, _redirectUri = '', now = Date.now()): Promise<TokenGrant> {
    return this.post({ grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  /** The client secret goes in the form body, never in the URL. */
  private post(grant: Record<string, string>, now: number): Promise<TokenGrant> {
    const { loginUrl, tenantId, clientId, clientSecret, ...rest } = this.config;
    return postTokenRequest({
      ...rest,
      host: 'Microsoft Entra ID',
      url: `${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      form: { ...grant, client_id: clientId, client_secret: clientSecret, scope: AZURE_DEVOPS_SCOPE },
      now,
    });
  }
}
