import { create } from '@bufbuild/protobuf';
import { HostAppResponseSchema } from '../../../proto/gen/linescope/v1/host_session_pb';
import { sessionServiceAuthorizeUrl } from './sessionServiceLogin';

const entra = { kind: 'azure-devops' as const, name: 'Azure DevOps' };
const app = (fields: Partial<{ authorizeUrl: string; webUrl: string; loginUrl: string; scope: string }>) =>
  create(HostAppResponseSchema, { clientId: 'app-id', ...fields });
const build = (fields: Parameters<typeof app>[0], challenge: string | undefined = 'challenge') =>
  sessionServiceAuthorizeUrl(entra, app(fields), 'azure-devops.s', 'https://grafana.example.com/cb', challenge);

describe("a HostSessionService host's authorize page", () => {
  it('on its sign-in URL when it has one (Entra for Azure DevOps), with the scope and the PKCE challenge', () => {
    const url = new URL(
      build({
        authorizeUrl: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize',
        loginUrl: 'https://login.microsoftonline.com',
        webUrl: 'https://dev.azure.com',
        scope: '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access',
      })
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-id',
      redirect_uri: 'https://grafana.example.com/cb',
      response_type: 'code',
      state: 'azure-devops.s',
      scope: '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
    });
  });

  it('without scope or challenge when the host fixes its scopes and takes no PKCE (Bitbucket)', () => {
    const url = new URL(
      sessionServiceAuthorizeUrl(
        { kind: 'bitbucket', name: 'Bitbucket' },
        app({ authorizeUrl: 'https://bitbucket.org/site/oauth2/authorize', webUrl: 'https://bitbucket.org' }),
        'bitbucket.s',
        'https://grafana.example.com/cb',
        undefined
      )
    );
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'redirect_uri', 'response_type', 'state']);
  });

  it.each([
    ['javascript:alert(1)//https://login.microsoftonline.com/t/oauth2/v2.0/authorize'],
    ['https://evil.example/t/oauth2/v2.0/authorize'],
    ['https://login.microsoftonline.com.evil.example/t/oauth2/v2.0/authorize'],
    // The web URL's host is not the sign-in host when a sign-in URL is named.
    ['https://dev.azure.com/t/oauth2/v2.0/authorize'],
    ['http://login.microsoftonline.com/t/oauth2/v2.0/authorize'],
    ['not a url'],
  ])('refuses a page off the sign-in host the server names: %j', (authorizeUrl) => {
    expect(() =>
      build({ authorizeUrl, loginUrl: 'https://login.microsoftonline.com', webUrl: 'https://dev.azure.com' })
    ).toThrow(/Azure DevOps authorize page/);
  });
});
