/** GitLab (gitlab.com or self-managed, maybe below a path) in the host table. */
import { gitlabConfigured, ServerConfig } from '../../config';
import { recordHostCall } from '../../metrics';
import { HostEntry, sourceOptions } from '../host-entry';
import { hostNames, RepositoryHost } from '../repository';
import { decodeGitLabSessionCookie, encryptGitLabToken, GITLAB_SESSION_COOKIE } from './cookie';
import { GitLabOAuthClient } from './oauth';
import { GitLabSource } from './source';
import { gitlabGoModules, gitlabMapping } from './paths';

/** GitLab's OAuth scope: reading repositories through the API. */
export const GITLAB_SCOPE = 'read_api';

function repositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'gitlab', webUrl: config.gitlabUrl, aliases: config.gitlabRepositoryHostAliases };
}

export const gitlabEntry: HostEntry = {
  kind: 'gitlab',
  name: 'GitLab',
  configured: gitlabConfigured,
  repositoryHost,
  createSource: (config, context) =>
    new GitLabSource({ apiUrl: config.gitlabApiUrl, ...sourceOptions(config, context) }),
  mapping: gitlabMapping,
  goModules: gitlabGoModules,
  login: {
    createOAuth: (config, { metrics, fetch }) =>
      new GitLabOAuthClient({
        gitlabUrl: config.gitlabUrl,
        clientId: config.gitlabClientId,
        clientSecret: config.gitlabClientSecret,
        timeoutMs: config.gitHostTimeoutMs,
        fetch,
        onResponse: (status, seconds) =>
          recordHostCall(metrics, 'gitlab', { method: 'POST', route: '/oauth/token', status, seconds }),
      }),
    cookie: {
      name: GITLAB_SESSION_COOKIE,
      seal: encryptGitLabToken,
      open: decodeGitLabSessionCookie,
      invalidMessage: 'invalid GitLab session: connect to GitLab again',
      expiredMessage: 'the GitLab session has expired: refresh it or connect again',
    },
    app: (config) => ({
      clientId: config.gitlabClientId,
      callbackUrl: config.githubCallbackUrl,
      authorizeUrl: `${config.gitlabUrl}/oauth/authorize`,
      scope: GITLAB_SCOPE,
      webUrl: config.gitlabUrl,
      // The aliases only: the web URL's own host comes first.
      repositoryHosts: hostNames(repositoryHost(config)).slice(1),
    }),
  },
};
