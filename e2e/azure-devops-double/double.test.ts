/** The Azure DevOps double speaks Azure DevOps' Git REST 7.1 and Entra ID v2 shapes: checked here over HTTP. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from '../git-fixtures';
import { AzureDevopsDouble, startAzureDevopsDouble } from './double';
import { AZURE_DEVOPS_RESOURCE } from './entra';

describe('Azure DevOps double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-azure-double-'));
  const app = createFixtureRepo(root, 'contoso/app', [
    { files: { 'README.md': '# app\n', 'src/main.go': 'package main\n' }, tags: ['v1.0.0'] },
    { files: { 'src/main.go': 'package main // v2\n' }, branch: 'feature/x', message: 'Second commit' },
  ]);
  let clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  let double: AzureDevopsDouble;
  let alice: string;
  let bob: string;
  const base = () => `${double.url}/contoso/Shop%20Floor/_apis/git/repositories`;

  beforeAll(async () => {
    double = await startAzureDevopsDouble({
      repositories: [
        { organization: 'contoso', project: 'Shop Floor', name: 'app', dir: app.dir },
        {
          organization: 'contoso',
          project: 'Shop Floor',
          name: 'secret',
          dir: app.dir,
          visibility: 'private',
          members: ['alice'],
        },
      ],
      now: () => clock,
    });
    alice = double.issueToken('alice').accessToken;
    bob = double.issueToken('bob').accessToken;
  });
  afterAll(async () => {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => double.clearThrottle());

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${base()}${path}`, {
      headers: {
        'x-tfs-fedauthredirect': 'Suppress',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    });
  const typeKey = async (response: Response) => ((await response.json()) as { typeKey: string }).typeKey;

  it('requires an api-version, in the query or the Accept header, at most 7.1', async () => {
    const none = await get('/app');
    expect(none.status).toBe(400);
    expect(await typeKey(none)).toBe('VssVersionNotSpecifiedException');
    expect((await get('/app', undefined, { accept: 'application/json;api-version=7.1' })).status).toBe(200);
    expect((await get('/app?api-version=7.1-preview.1')).status).toBe(200);
    expect((await get('/app?api-version=9.0')).status).toBe(400);
  });

  it('serves the repository with its default branch and web URL', async () => {
    expect(await (await get('/app?api-version=7.1', alice)).json()).toMatchObject({
      name: 'app',
      project: { name: 'Shop Floor', visibility: 'public' },
      defaultBranch: 'refs/heads/main',
      webUrl: `${double.url}/contoso/Shop%20Floor/_git/app`,
    });
  });

  it('serves an item as bytes or JSON at a branch, a tag or a commit', async () => {
    const q = (extra: Record<string, string>) =>
      `/app/items?${new URLSearchParams({ path: '/src/main.go', 'api-version': '7.1', ...extra })}`;
    const bytes = await get(
      q({ 'versionDescriptor.version': 'feature/x', 'versionDescriptor.versionType': 'branch' }),
      alice,
      {
        accept: 'application/octet-stream',
      }
    );
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect(await bytes.text()).toBe('package main // v2\n');
    const meta = await (
      await get(
        q({ 'versionDescriptor.version': 'v1.0.0', 'versionDescriptor.versionType': 'tag', includeContent: 'true' })
      )
    ).json();
    expect(meta).toMatchObject({
      gitObjectType: 'blob',
      commitId: app.commits.commit0,
      path: '/src/main.go',
      content: 'package main\n',
    });
    const folder = await (
      await get(`/app/items?path=/src&api-version=7.1`, undefined, { accept: 'application/octet-stream' })
    ).json();
    expect(folder).toMatchObject({ isFolder: true, gitObjectType: 'tree' });
  });

  it('answers 404 with the server exception for a missing item, version, commit or repository', async () => {
    const item = await get(`/app/items?path=/nope.go&api-version=7.1`);
    expect(item.status).toBe(404);
    expect(await typeKey(item)).toBe('GitItemNotFoundException');
    const version = await get(`/app/items?path=/README.md&versionDescriptor.version=nope&api-version=7.1`);
    expect(await typeKey(version)).toBe('GitUnresolvableToCommitException');
    expect((await get(`/app/commits/${'0'.repeat(40)}?api-version=7.1`)).status).toBe(404);
    const repo = await get('/nope?api-version=7.1');
    expect(repo.status).toBe(404);
    expect(await typeKey(repo)).toBe('GitRepositoryNotFoundException');
  });

  it('hides a private repository as missing from others, signed in or not', async () => {
    expect((await get('/secret?api-version=7.1', alice)).status).toBe(200);
    expect(await typeKey(await get('/secret?api-version=7.1', bob))).toBe('GitRepositoryNotFoundException');
    expect((await get('/secret?api-version=7.1')).status).toBe(404);
  });

  it('lists refs by prefix, peels tags, and pages with the x-ms-continuationtoken header', async () => {
    const heads = (await (await get('/app/refs?filter=heads/&api-version=7.1')).json()) as {
      value: Array<{ name: string }>;
    };
    expect(heads.value.map((r) => r.name)).toEqual(['refs/heads/feature/x', 'refs/heads/main']);
    const first = await get('/app/refs?filter=heads/&$top=1&api-version=7.1');
    const token = first.headers.get('x-ms-continuationtoken') as string;
    expect(token).toBeTruthy();
    const second = await get(`/app/refs?filter=heads/&$top=1&continuationToken=${token}&api-version=7.1`);
    expect(((await second.json()) as { value: Array<{ name: string }> }).value.map((r) => r.name)).toEqual([
      'refs/heads/main',
    ]);
    expect(second.headers.get('x-ms-continuationtoken')).toBeNull();
    const tags = (await (await get('/app/refs?filter=tags/v1.0.0&peelTags=true&api-version=7.1')).json()) as {
      value: Array<{ name: string; objectId: string }>;
    };
    expect(tags.value).toEqual([expect.objectContaining({ name: 'refs/tags/v1.0.0' })]);
  });

  it('serves a commit and the newest commit of a version', async () => {
    const commit = await (await get(`/app/commits/${app.commits.commit1}?api-version=7.1`)).json();
    expect(commit).toMatchObject({
      commitId: app.commits.commit1,
      comment: 'Second commit',
      parents: [app.commits.commit0],
      _links: { web: { href: `${double.url}/contoso/Shop%20Floor/_git/app/commit/${app.commits.commit1}` } },
    });
    const list = await (
      await get('/app/commits?searchCriteria.itemVersion.version=main&searchCriteria.$top=1&api-version=7.1')
    ).json();
    expect(list).toMatchObject({ count: 1, value: [{ commitId: app.commits.commit1 }] });
  });

  it('answers a bad token with 401 when told to suppress the sign-in redirect, else the 203 sign-in page', async () => {
    expect((await get('/app?api-version=7.1', 'nope')).status).toBe(401);
    const page = await fetch(`${base()}/app?api-version=7.1`, { headers: { authorization: 'Bearer nope' } });
    expect(page.status).toBe(203);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const short = double.issueToken('carol', 60).accessToken;
    clock += 61_000;
    expect((await get('/app?api-version=7.1', short)).status).toBe(401);
  });

  it('throttles with 429 TF400733, Retry-After and X-RateLimit-*', async () => {
    double.forceThrottle(12, 1);
    const limited = await get('/app?api-version=7.1', alice);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('12');
    expect(limited.headers.get('x-ratelimit-resource')).toBe('Core');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBe(Math.floor(clock / 1000) + 12);
    expect(((await limited.json()) as { message: string }).message).toMatch(/^TF400733/);
    expect((await get('/app?api-version=7.1', alice)).status).toBe(200);
  });

  describe('Entra ID v2', () => {
    const scope = `${AZURE_DEVOPS_RESOURCE}/vso.code offline_access`;
    const token = (body: Record<string, string>) =>
      fetch(`${double.loginUrl}/${double.tenant}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: double.clientId, client_secret: double.clientSecret, ...body }),
      });

    it('signs in with PKCE S256 and answers a refresh token only with offline_access', async () => {
      const verifier = 'v'.repeat(50);
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const params = new URLSearchParams({
        client_id: double.clientId,
        response_type: 'code',
        redirect_uri: 'http://localhost/cb',
        scope,
        state: 's1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        accept: '1',
      });
      const granted = await fetch(`${double.loginUrl}/${double.tenant}/oauth2/v2.0/authorize`, {
        method: 'POST',
        body: params,
        redirect: 'manual',
      });
      const back = new URL(granted.headers.get('location') as string);
      expect(back.searchParams.get('state')).toBe('s1');
      const code = back.searchParams.get('code') as string;
      const wrong = await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://localhost/cb',
        code_verifier: 'x'.repeat(50),
      });
      expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
      const again = double.issueCode('alice', 'http://localhost/cb');
      const ok = (await (
        await token({ grant_type: 'authorization_code', code: again, redirect_uri: 'http://localhost/cb' })
      ).json()) as Record<string, string>;
      expect(ok).toMatchObject({
        token_type: 'Bearer',
        scope: `${AZURE_DEVOPS_RESOURCE}/vso.code`,
        refresh_token: expect.any(String),
      });
      const refreshed = (await (
        await token({ grant_type: 'refresh_token', refresh_token: ok.refresh_token })
      ).json()) as Record<string, string>;
      expect(refreshed.refresh_token).not.toBe(ok.refresh_token);
      expect((await get('/app?api-version=7.1', refreshed.access_token)).status).toBe(200);
      // Without offline_access: an access token only.
      const online = await fetch(`${double.loginUrl}/${double.tenant}/oauth2/v2.0/authorize`, {
        method: 'POST',
        body: new URLSearchParams({ ...Object.fromEntries(params), scope: `${AZURE_DEVOPS_RESOURCE}/vso.code` }),
        redirect: 'manual',
      });
      const onlineCode = new URL(online.headers.get('location') as string).searchParams.get('code') as string;
      const onlineGrant = (await (
        await token({
          grant_type: 'authorization_code',
          code: onlineCode,
          redirect_uri: 'http://localhost/cb',
          code_verifier: verifier,
        })
      ).json()) as Record<string, string>;
      expect(onlineGrant.access_token).toEqual(expect.any(String));
      expect(onlineGrant.refresh_token).toBeUndefined();
    });

    it('refuses a wrong secret, an unknown tenant and a request without the Azure DevOps scope', async () => {
      const bad = await fetch(`${double.loginUrl}/${double.tenant}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: double.clientId,
          client_secret: 'nope',
          grant_type: 'refresh_token',
          refresh_token: 'r',
        }),
      });
      expect(bad.status).toBe(401);
      expect(await bad.json()).toMatchObject({
        error: 'invalid_client',
        trace_id: expect.any(String),
        correlation_id: expect.any(String),
      });
      expect((await fetch(`${double.loginUrl}/other/oauth2/v2.0/authorize`)).status).toBe(400);
      const noScope = await fetch(
        `${double.loginUrl}/${double.tenant}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: double.clientId, response_type: 'code', redirect_uri: 'http://localhost/cb', scope: 'openid' })}`,
        { redirect: 'manual' }
      );
      expect(new URL(noScope.headers.get('location') as string).searchParams.get('error')).toBe('invalid_scope');
    });
  });

  it('serves the _git file, blame and commit pages the links point at', async () => {
    const web = `${double.url}/contoso/Shop%20Floor/_git/app`;
    expect((await fetch(`${web}?path=/src/main.go&version=GBmain&_a=contents`)).status).toBe(200);
    expect((await fetch(`${web}?path=/src/main.go&version=GTv1.0.0&_a=blame`)).status).toBe(200);
    expect((await fetch(`${web}?path=/src/main.go&version=GC${app.commits.commit0}`)).status).toBe(200);
    expect((await fetch(`${web}/commit/${app.commits.commit1}`)).status).toBe(200);
    expect((await fetch(`${double.url}/contoso/Shop%20Floor/_git/secret?path=/README.md&version=GBmain`)).status).toBe(
      404
    );
  });
});
