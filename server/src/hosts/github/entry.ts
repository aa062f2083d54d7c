/** GitHub (github.com or GitHub Enterprise) in the host table: Pyroscope's session cookie, OAuth app and API. */
import { githubConfigured, ServerConfig } from '../../config';
import { githubRouteLabel, recordHostCall } from '../../metrics';
import { decodeSessionCookie, SESSION_COOKIE } from '../../session/cookie';
import { encryptToken } from '../../session/token';
import { HostEntry } from '../host-entry';
import { hostNames, RepositoryHost } from '../repository';
import { GitHubOAuthClient } from './oauth';
import { GitHubSource } from './source';

function repositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'github', webUrl: config.githubUrl, aliases: config.repositoryHostAliases };
}

export const githubEntry: HostEntry = {
  kind: 'github',
  name: 'GitHub',
  configured: githubConfigured,
  repositoryHost,
  createSource: (config, { metrics, shared, fetch, now }) =>
    new GitHubSource({
      apiUrl: config.githubApiUrl,
      timeoutMs: config.githubTimeoutMs,
      maxFileBytes: config.maxFileBytes,
      cacheBytes: config.cacheBytes,
      refTtlMs: config.refTtlMs,
      accessTtlMs: config.accessTtlMs,
      metrics,
      shared,
      fetch,
      now,
    }),
  createOAuth: (config, { metrics, fetch }) =>
    new GitHubOAuthClient({
      githubUrl: config.githubUrl,
      clientId: config.githubClientId,
      clientSecret: config.githubClientSecret,
      timeoutMs: config.githubTimeoutMs,
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
};
