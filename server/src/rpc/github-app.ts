/** GithubApp: the OAuth client id and where the login popup goes. */
import { Code, ConnectError } from '@connectrpc/connect';
import { hostOfKind } from '../hosts/table';
import { ServiceDeps } from './context';

export function githubApp({ config, hosts }: ServiceDeps) {
  const { entry } = hostOfKind(hosts, 'github');
  if (!entry.configured(config)) {
    throw new ConnectError('GitHub integration is not configured', Code.Unimplemented);
  }
  const app = entry.app(config);
  return {
    clientID: app.clientId,
    callbackURL: app.callbackUrl,
    authorizeURL: app.authorizeUrl,
    // GithubLogin passes the verifier on: the plugin may use PKCE (Pyroscope's server does not say so).
    pkce: true,
  };
}
