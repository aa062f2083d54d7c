/** Bitbucket Cloud in the host table. */
import { bitbucketConfigured, ServerConfig } from '../../config';
import { recordHostCall } from '../../metrics';
import { HostEntry } from '../host-entry';
import { RepositoryHost } from '../repository';
import { bitbucketCookie } from './cookie';
import { BitbucketOAuthClient } from './oauth';
import { BitbucketSource } from './source';

function repositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'bitbucket', webUrl: config.bitbucketUrl, aliases: config.bitbucketRepositoryHostAliases };
}

export const bitbucketEntry: HostEntry = {
  kind: 'bitbucket',
  name: 'Bitbucket',
  configured: bitbucketConfigured,
  repositoryHost,
  createSource: (config, { metrics, shared, fetch, now }) =>
    new BitbucketSource({
      apiUrl: config.bitbucketApiUrl,
      timeoutMs: config.githubTimeoutMs,
      maxFileBytes: config.maxFileBytes,
      cacheBytes: config.cacheBytes,
      refTtlMs: config.refTtlMs,
      accessTtlMs: config.accessTtlMs,
      metrics,
      fetch,
      now,
      shared,
    }),
  createOAuth: (config, { metrics, fetch }) =>
    new BitbucketOAuthClient({
      bitbucketUrl: config.bitbucketUrl,
      clientId: config.bitbucketClientId,
      clientSecret: config.bitbucketClientSecret,
      timeoutMs: config.githubTimeoutMs,
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
};
