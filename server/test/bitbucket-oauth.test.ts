/** Bitbucket's OAuth 2.0 consumer token endpoint, against the double: code exchange, rotating refresh, refusals. */
import { BitbucketDouble, startBitbucketDouble } from '../../e2e/bitbucket-double';
import { BitbucketOAuthClient } from '../src/hosts/bitbucket/oauth';
import { OAuthError } from '../src/session/oauth';
import { failure } from './helpers';

describe('Bitbucket OAuth client', () => {
  let double: BitbucketDouble;
  const now = Date.UTC(2026, 11, 2, 5, 0, 0);

  beforeAll(async () => {
    double = await startBitbucketDouble({ repositories: [], callbackUrl: 'http://grafana.local/a/linescope-app/' });
  });
  afterAll(() => double.stop());

  const client = (secret = double.clientSecret) =>
    new BitbucketOAuthClient({
      bitbucketUrl: double.url,
      clientId: double.clientId,
      clientSecret: secret,
      timeoutMs: 5000,
    });
  const redirect = 'http://grafana.local/a/linescope-app/callback';

  it('exchanges a code for a two-hour Bearer token with a refresh token and the consumer scope', async () => {
    const grant = await client().exchangeCode(double.issueCode('alice', redirect), redirect, '', now);
    expect(grant).toEqual({
      token: {
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        refreshToken: expect.any(String),
        expiry: now + 7200 * 1000,
      },
      scope: 'repository',
    });
    // The credentials went in Basic, the grant in a form body, nothing in the URL.
    const call = double.requests.find((r) => r.path.startsWith('/site/oauth2/access_token'));
    expect(call?.path).toBe('/site/oauth2/access_token');
  });

  it('refreshes with the rotating refresh token; the used one is final', async () => {
    const first = await client().exchangeCode(double.issueCode('alice'), '', '', now);
    const second = await client().refresh(first.token.refreshToken as string, '', now);
    expect(second.token.refreshToken).not.toBe(first.token.refreshToken);
    const reused = await failure(client().refresh(first.token.refreshToken as string, '', now));
    expect(reused).toBeInstanceOf(OAuthError);
    expect(reused).toMatchObject({ final: true, message: 'oauth2: invalid_grant Invalid refresh_token' });
  });

  it('says a wrong consumer secret is final and an unreachable endpoint is not', async () => {
    expect(await failure(client('wrong').exchangeCode(double.issueCode('alice'), '', '', now))).toMatchObject({
      final: true,
      message: expect.stringMatching(/^oauth2: invalid_client/),
    });
    const away = new BitbucketOAuthClient({
      bitbucketUrl: 'http://127.0.0.1:1',
      clientId: 'x',
      clientSecret: 's3cret-value',
      timeoutMs: 2000,
    });
    const error = await failure(away.refresh('r', '', now));
    expect(error).toMatchObject({ final: false, message: expect.stringMatching(/cannot be reached/) });
    expect((error as Error).message).not.toContain('s3cret-value');
  });

  it('reads the granted scope from `scope`, or from `scopes` as Bitbucket answered before May 2026', async () => {
    const answering = (body: Record<string, unknown>) =>
      new BitbucketOAuthClient({
        bitbucketUrl: 'https://bitbucket.example',
        clientId: 'id',
        clientSecret: 'secret',
        timeoutMs: 2000,
        fetch: async () => new Response(JSON.stringify({ access_token: 'a', expires_in: 7200, ...body })),
      });
    for (const [body, scope] of [
      [{ scope: 'repository' }, 'repository'],
      [{ scopes: 'repository' }, 'repository'],
      [{ scope: 'repository', scopes: 'account' }, 'repository'],
      [{}, ''],
    ] as const) {
      expect((await answering(body).refresh('r', '', now)).scope).toBe(scope);
    }
  });
});
