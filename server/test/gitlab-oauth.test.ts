/** GitLab's OAuth endpoint through the server's OAuth client, against the GitLab double over HTTP. */
import { createHash } from 'node:crypto';
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { GitLabOAuthClient } from '../src/hosts/gitlab/oauth';
import { OAuthError } from '../src/session/oauth';

const REDIRECT = 'http://grafana.local/a/linescope-app/github/callback';

describe('GitLab OAuth client', () => {
  let double: GitLabDouble;
  beforeAll(async () => {
    double = await startGitLabDouble({ projects: [], pathPrefix: '/gitlab', redirectUris: [REDIRECT] });
  });
  afterAll(() => double.stop());
  afterEach(() => double.setLatency(0));

  const client = (overrides: { clientSecret?: string; timeoutMs?: number } = {}) =>
    new GitLabOAuthClient({
      gitlabUrl: double.url,
      clientId: double.clientId,
      clientSecret: overrides.clientSecret ?? double.clientSecret,
      timeoutMs: overrides.timeoutMs ?? 5000,
    });
  /** A code as GitLab's authorize page hands it out after the user clicked Authorize. */
  const authorize = async (extra: Record<string, string> = {}) => {
    const response = await fetch(`${double.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        client_id: double.clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'read_api',
        username: 'alice',
        authorize: '1',
        ...extra,
      }),
    });
    return new URL(response.headers.get('location') as string).searchParams.get('code') as string;
  };

  it('exchanges a code for a two-hour Bearer token with a refresh token', async () => {
    const now = Date.UTC(2026, 11, 2, 5, 0, 0);
    const grant = await client().exchangeCode(await authorize(), REDIRECT, '', now);
    expect(grant).toEqual({
      token: {
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        refreshToken: expect.any(String),
        expiry: now + 7_200_000,
      },
    });
    const user = await fetch(`${double.apiUrl}/user`, {
      headers: { authorization: `Bearer ${grant.token.accessToken}` },
    });
    expect(((await user.json()) as { username: string }).username).toBe('alice');
  });

  it('sends the PKCE verifier', async () => {
    const verifier = 'pkce-verifier-0123456789-0123456789-0123456789';
    const code = await authorize({
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect((await client().exchangeCode(code, REDIRECT, verifier)).token.accessToken).not.toBe('');
  });

  it('refreshes once; the used refresh token is refused for good', async () => {
    const first = await client().exchangeCode(await authorize(), REDIRECT);
    const second = await client().refresh(first.token.refreshToken as string, REDIRECT);
    expect(second.token.refreshToken).not.toBe(first.token.refreshToken);
    const error = await client()
      .refresh(first.token.refreshToken as string, REDIRECT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ final: true, message: expect.stringMatching(/^oauth2: invalid_grant /) });
  });

  it('says so when the application credentials are wrong, a code is reused, or GitLab is too slow', async () => {
    await expect(client({ clientSecret: 'wrong' }).exchangeCode(await authorize(), REDIRECT)).rejects.toMatchObject({
      final: true,
      message: expect.stringMatching(/^oauth2: invalid_client/),
    });
    const code = await authorize();
    await client().exchangeCode(code, REDIRECT);
    await expect(client().exchangeCode(code, REDIRECT)).rejects.toMatchObject({ final: true });
    double.setLatency(500);
    await expect(client({ timeoutMs: 100 }).exchangeCode('x', REDIRECT)).rejects.toMatchObject({
      final: false,
      message: "GitLab's OAuth endpoint did not answer within 100 ms",
    });
  });
});
