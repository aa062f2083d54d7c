/**
 * Azure DevOps Services in the host table: its Git REST source, sign-in through a Microsoft Entra ID app registration
 * (the Azure DevOps resource's `vso.code`, PKCE, refresh), `linescope_azure_devops_session`, and repository URLs on
 * dev.azure.com and on the older `<org>.visualstudio.com`, which is the same organization's dev.azure.com/<org>.
 */
import { azureDevopsConfigured, ServerConfig } from '../../config';
import { recordHostCall } from '../../metrics';
import { HostEntry, sourceOptions } from '../host-entry';
import { RepositoryHost } from '../repository';
import { azureDevopsCookie } from './cookie';
import { AZURE_DEVOPS_SCOPE, AzureDevopsOAuthClient } from './oauth';
import { azureDevopsGoModules, azureDevopsMapping } from './paths';
import { AzureDevopsSource } from './source';

const VISUALSTUDIO_HOST = /^[a-z0-9][a-z0-9-]*\.visualstudio\.com$/;

function repositoryHost(config: ServerConfig): RepositoryHost {
  return {
    kind: 'azure-devops',
    webUrl: config.azureDevopsUrl,
    aliases: config.azureDevopsRepositoryHostAliases,
    byRule: {
      // Only where this server stands for Azure DevOps Services (dev.azure.com, by its URL or an alias).
      serves: (name, names) => names.includes('dev.azure.com') && VISUALSTUDIO_HOST.test(name),
      // `owner` is `<org>/<project>`; a project's name may hold spaces.
      pagePath: (owner, repo) => encodeURI(`${owner}/_git/${repo}`),
    },
  };
}

const entraBase = (config: ServerConfig) =>
  `${config.azureDevopsLoginUrl}/${encodeURIComponent(config.azureDevopsTenantId)}/oauth2/v2.0`;

export const azureDevopsEntry: HostEntry = {
  kind: 'azure-devops',
  name: 'Azure DevOps',
  configured: azureDevopsConfigured,
  repositoryHost,
  createSource: (config, context) =>
    new AzureDevopsSource({ apiUrl: config.azureDevopsUrl, ...sourceOptions(config, context) }),
  mapping: azureDevopsMapping,
  goModules: azureDevopsGoModules,
  login: {
    createOAuth: (config, { metrics, fetch }) =>
      new AzureDevopsOAuthClient({
        loginUrl: config.azureDevopsLoginUrl,
        tenantId: config.azureDevopsTenantId,
        clientId: config.azureDevopsClientId,
        clientSecret: config.azureDevopsClientSecret,
        timeoutMs: config.gitHostTimeoutMs,
        fetch,
        onResponse: (status, seconds) =>
          recordHostCall(metrics, 'azure-devops', {
            method: 'POST',
            route: '/{tenant}/oauth2/v2.0/token',
            status,
            seconds,
          }),
      }),
    cookie: {
      ...azureDevopsCookie,
      invalidMessage: 'invalid Azure DevOps session: connect to Azure DevOps again',
      expiredMessage: 'the Azure DevOps session has expired: refresh it or connect again',
    },
    app: (config) => ({
      clientId: config.azureDevopsClientId,
      callbackUrl: config.githubCallbackUrl,
      authorizeUrl: `${entraBase(config)}/authorize`,
      scope: AZURE_DEVOPS_SCOPE,
      webUrl: config.azureDevopsUrl,
      repositoryHosts: config.azureDevopsRepositoryHostAliases,
      pkce: true,
      // Entra's sign-in page is not below the web URL: the plugin opens the authorize page on this host only.
      loginUrl: config.azureDevopsLoginUrl,
    }),
  },
};
