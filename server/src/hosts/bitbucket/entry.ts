/** Bitbucket Cloud in the host table. */
import { bitbucketConfigured, ServerConfig } from '../../config';
import { recordHostCall } from '../../metrics';
import { HostEntry, sourceOptions } from '../host-entry';
import { RepositoryHost } from '../repository';
import { bitbucketCookie } from './cookie';
import { BitbucketOAuthClient } from './oauth';
import { BitbucketSource } from './source';
import { bitbucketGoModules, bitbucketMapping } from './paths';

function repositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'bitbucket', webUrl: config.bitbucketUrl, aliases: config.bitbucketRepositoryHostAliases };
}

export const bitbucketEntry: HostEntry = {
  kind: 'bitbucket',
  name: 'Bitbucket',
  configured: bitbucketConfigured,
  repositoryHost,
  createSource: (config, context) =>
    new BitbucketSource({ apiUrl: config.bitbucketApiUrl, ...sourceOptions(config, context) }),
  mapping: bitbucketMapping,
  goModules: bitbucketGoModules,
  login: {
    createOAuth: (config, { metrics, fetch }) =>
      new BitbucketOAuthClient({
        bitbucketUrl: config.bitbucketUrl,
        clientId: config.bitbucketClientId,
        clientSecret: config.bitbucketClientSecret,
        timeoutMs: config.gitHostTimeoutMs,
        fetch,
        onResponse: (status, seconds) =>
          recordHostCall(metrics, 'bitbucket', { method: 'POST', route: '/site/oauth2/access_token', status, seconds }),
      }),
    cookie: {
      ...bitbucketCookie,
      invalidMessage: 'invalid Bitbucket session: connect to Bitbucket again',
      expiredMessage: 'the Bitbucket session has expired: refresh it or connect again',
    },
    app: (config) => ({
      clientId: config.bitbucketClientId,
      callbackUrl: config.githubCallbackUrl,
      authorizeUrl: `${config.bitbucketUrl}/site/oauth2/authorize`,
      // Fixed on the consumer (`repository`): the authorize request names none.
      scope: '',
      webUrl: config.bitbucketUrl,
      repositoryHosts: config.bitbucketRepositoryHostAliases,
    }),
  },
};
