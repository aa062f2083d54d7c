/** GithubApp: the OAuth client id and where the login popup goes. */
import { Code, ConnectError } from '@connectrpc/connect';
import { githubConfigured } from '../config';
import { ServiceDeps } from './context';

export function githubApp({ config }: ServiceDeps) {
  if (!githubConfigured(config)) {
    throw new ConnectError('GitHub integration is not configured', Code.Unimplemented);
  }
  return {
    clientID: config.githubClientId,
    callbackURL: config.githubCallbackUrl,
    authorizeURL: `${config.githubUrl}/login/oauth/authorize`,
    // GithubLogin passes the verifier on: the plugin may use PKCE (Pyroscope's server does not say so).
    pkce: true,
  };
}
