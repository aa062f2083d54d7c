/** GitHub (github.com or GitHub Enterprise) in the host table: Pyroscope's session cookie, OAuth app and API. */
import { githubConfigured, ServerConfig } from '../../config';
import { githubRouteLabel, recordHostCall } from '../../metrics';
import { decodeSessionCookie, SESSION_COOKIE } from '../../session/cookie';
import { encryptToken } from '../../session/token';
import { HostEntry, sourceOptions } from '../host-entry';
import { hostNames, RepositoryHost } from '../repository';
import { GitHubOAuthClient } from './oauth';
import { GitHubSource } from './source';
import { githubMapping } from './paths';

function repositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'github', webUrl: config.githubUrl, aliases: config.repositoryHostAliases };
}

export const githubEntry: HostEntry = {
  kind: 'github',
  name: 'GitHub',
  configured: githubConfigured,
  repositoryHost,
  createSource: (config, context) =>
    new GitHubSource({ apiUrl: config.githubApiUrl, ...sourceOptions(config, context) }),
  mapping: githubMapping,
  login: {
    createOAuth: (config, { metrics, fetch }) =>
      new GitHubOAuthClient({
        githubUrl: config.githubUrl,
        clientId: config.githubClientId,
        clientSecret: config.githubClientSecret,
        timeoutMs: config.gitHostTimeoutMs,
        fetch,
        // The token endpoint is counted with the API calls of its host.
        onResponse: (status, seconds) =>
          recordHostCall(metrics, 'github', {
            method: 'POST',
            route: githubRouteLabel('/login/oauth/access_token'),
            status,
            seconds,
          }),
      }),
    // Pyroscope's cookie and wording (vcs.v1 stays wire-compatible with it).
    cookie: {
      name: SESSION_COOKIE,
      seal: encryptToken,
      open: decodeSessionCookie,
      invalidMessage: 'invalid token',
      expiredMessage: 'token is expired',
    },
    app: (config) => ({
      clientId: config.githubClientId,
      callbackUrl: config.githubCallbackUrl,
      authorizeUrl: `${config.githubUrl}/login/oauth/authorize`,
      scope: '',
      webUrl: config.githubUrl,
      repositoryHosts: hostNames(repositoryHost(config)).slice(1),
    }),
  },
};
