/** The Bitbucket Cloud double speaks Bitbucket's REST 2.0 and OAuth 2.0 shapes: checked here over plain HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from '../git-fixtures';
import { BitbucketDouble, startBitbucketDouble } from './double';

describe('Bitbucket double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-bitbucket-double-'));
  const app = createFixtureRepo(root, 'acme/app', [
    {
      files: Object.fromEntries([
        ['README.md', '# app\n'],
        ['src/main.go', 'package main\n'],
        ...Array.from({ length: 12 }, (_, i) => [`pkg/file${String(i).padStart(2, '0')}.go`, `package pkg // ${i}\n`]),
      ]),
      tags: ['v1.0.0'],
    },
    { files: { 'src/main.go': 'package main // v2\n' }, branch: 'feature/x', message: 'Second commit\n\nWith a body.' },
  ]);
  let clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  let double: BitbucketDouble;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    double = await startBitbucketDouble({
      repositories: [
        { fullName: 'acme/app', dir: app.dir },
        { fullName: 'acme/secret', dir: app.dir, isPrivate: true, members: ['alice'] },
      ],
      limitPerHour: 50,
      now: () => clock,
    });
    alice = double.issueToken('alice').accessToken;
    bob = double.issueToken('bob').accessToken;
  });
  afterAll(async () => {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => double.clearRateLimit());

  const get = (path: string, token?: string) =>
    fetch(`${double.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const errorOf = async (response: Response) =>
    ((await response.json()) as { type: string; error: { message: string } }).error.message;

  it('serves a repository with its main branch and web link', async () => {
    const response = await get('/repositories/acme/app', alice);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: 'repository',
      full_name: 'acme/app',
      is_private: false,
      mainbranch: { type: 'branch', name: 'main' },
      links: { html: { href: `${double.url}/acme/app` } },
    });
  });

  it('serves a file raw at a commit, as an attachment typed by its extension, with an ETag', async () => {
    const response = await get(`/repositories/acme/app/src/${app.commits.commit1}/src/main.go`, alice);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/x-go');
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await response.text()).toBe('package main // v2\n');
    const meta = await (await get(`/repositories/acme/app/src/${app.commits.commit0}/src/main.go?format=meta`)).json();
    expect(meta).toMatchObject({
      type: 'commit_file',
      path: 'src/main.go',
      size: 13,
      commit: { hash: app.commits.commit0 },
    });
  });

  it('pages directory listings (pagelen 10 by default) and needs the root slash', async () => {
    const first = (await (await get(`/repositories/acme/app/src/${app.commits.commit0}/pkg/`)).json()) as {
      values: Array<{ type: string; path: string }>;
      next?: string;
    };
    expect(first.values).toHaveLength(10);
    expect(first.values[0]).toMatchObject({ type: 'commit_file', path: 'pkg/file00.go' });
    const second = (await (await fetch(first.next as string)).json()) as { values: unknown[]; next?: string };
    expect(second.values).toHaveLength(2);
    expect(second.next).toBeUndefined();
    const rootListing = (await (await get(`/repositories/acme/app/src/${app.commits.commit0}/`)).json()) as {
      values: Array<{ type: string; path: string }>;
    };
    expect(rootListing.values).toContainEqual(expect.objectContaining({ type: 'commit_directory', path: 'pkg' }));
    expect((await get(`/repositories/acme/app/src/${app.commits.commit0}`)).status).toBe(404);
  });

  it('answers 404 in Bitbucket error bodies for a missing path, commit, branch, tag or repository', async () => {
    const missingFile = await get(`/repositories/acme/app/src/${app.commits.commit0}/nope.go`);
    expect(missingFile.status).toBe(404);
    expect(await errorOf(missingFile)).toBe('No such file or directory: nope.go');
    expect((await get(`/repositories/acme/app/commit/${'0'.repeat(40)}`)).status).toBe(404);
    expect((await get('/repositories/acme/app/refs/branches/nope')).status).toBe(404);
    expect((await get('/repositories/acme/app/refs/tags/v9')).status).toBe(404);
    const repo = await get('/repositories/acme/none');
    expect(repo.status).toBe(404);
    expect(await errorOf(repo)).toMatch(/You may not have access to this repository/);
  });

  it('resolves branches (slashes included) and tags to their target commits', async () => {
    const branch = await (await get('/repositories/acme/app/refs/branches/feature/x')).json();
    expect(branch).toMatchObject({ type: 'branch', name: 'feature/x', target: { hash: app.commits.commit1 } });
    const tag = await (await get('/repositories/acme/app/refs/tags/v1.0.0')).json();
    expect(tag).toMatchObject({ type: 'tag', name: 'v1.0.0', target: { hash: app.commits.commit0 } });
  });

  it('serves a commit with its message, author, parents and web link', async () => {
    const commit = await (await get(`/repositories/acme/app/commit/${app.commits.commit1}`)).json();
    expect(commit).toMatchObject({
      type: 'commit',
      hash: app.commits.commit1,
      message: 'Second commit\n\nWith a body.\n',
      parents: [{ hash: app.commits.commit0 }],
      links: { html: { href: `${double.url}/acme/app/commits/${app.commits.commit1}` } },
    });
    expect(commit.author.raw).toMatch(/<.+@.+>$/);
  });

  it('lists commits as git log include ^exclude, iterator-paged', async () => {
    const page = (await (
      await get(`/repositories/acme/app/commits?include=${app.commits.commit1}&exclude=${app.commits.commit0}`)
    ).json()) as { values: Array<{ hash: string }>; next?: string; size?: number };
    expect(page.values.map((c) => c.hash)).toEqual([app.commits.commit1]);
    expect(page.next).toBeUndefined();
    expect(page.size).toBeUndefined();
    const paged = (await (await get(`/repositories/acme/app/commits/${app.commits.commit1}?pagelen=1`)).json()) as {
      values: Array<{ hash: string }>;
      next: string;
    };
    expect(paged.values.map((c) => c.hash)).toEqual([app.commits.commit1]);
    const next = (await (await fetch(paged.next)).json()) as { values: Array<{ hash: string }> };
    expect(next.values.map((c) => c.hash)).toEqual([app.commits.commit0]);
  });

  it('keeps private repositories to their members: 403 to others, signed in or not', async () => {
    expect((await get('/repositories/acme/secret/refs/branches/main', alice)).status).toBe(200);
    expect((await get('/repositories/acme/secret/refs/branches/main', bob)).status).toBe(403);
    expect((await get('/repositories/acme/secret/refs/branches/main')).status).toBe(403);
  });

  it('refuses unknown, expired and query-string tokens, and tokens without the repository scope', async () => {
    expect((await get('/repositories/acme/app', 'nope')).status).toBe(401);
    const short = double.issueToken('carol', 60).accessToken;
    clock += 61_000;
    const expired = await get('/repositories/acme/app', short);
    expect(expired.status).toBe(401);
    expect(await errorOf(expired)).toMatch(/^Access token expired/);
    expect((await fetch(`${double.apiUrl}/repositories/acme/app?access_token=${alice}`)).status).toBe(400);
    const scoped = await startBitbucketDouble({
      repositories: [{ fullName: 'acme/app', dir: app.dir }],
      scopes: ['account'],
    });
    try {
      const response = await fetch(`${scoped.apiUrl}/repositories/acme/app`, {
        headers: { authorization: `Bearer ${scoped.issueToken('dave').accessToken}` },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { detail: { required: ['repository'] } } });
    } finally {
      await scoped.stop();
    }
  });

  it('answers 429 past the hourly limit, without Retry-After, until the hour rolls on', async () => {
    const erin = double.issueToken('erin').accessToken;
    for (let i = 0; i < 50; i++) {
      expect((await get('/repositories/acme/app', erin)).status).toBe(200);
    }
    const limited = await get('/repositories/acme/app', erin);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await errorOf(limited)).toBe('Rate limit for this resource has been exceeded');
    expect((await get('/repositories/acme/app', alice)).status).toBe(200);
    clock += 3_600_001;
    expect((await get('/repositories/acme/app', double.issueToken('erin').accessToken)).status).toBe(200);
  });

  describe('OAuth 2.0 consumer', () => {
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const token = (body: Record<string, string>, auth = basic(double.clientId, double.clientSecret)) =>
      fetch(`${double.url}/site/oauth2/access_token`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      });

    it('grants access on the authorize page and redirects back with the code and state', async () => {
      const query = new URLSearchParams({ client_id: double.clientId, response_type: 'code', state: 's1' });
      query.set('redirect_uri', 'http://localhost/cb');
      const page = await fetch(`${double.url}/site/oauth2/authorize?${query}`);
      expect(await page.text()).toContain('Grant access');
      query.set('grant', '1');
      const granted = await fetch(`${double.url}/site/oauth2/authorize`, {
        method: 'POST',
        body: query,
        redirect: 'manual',
      });
      expect(granted.status).toBe(302);
      const back = new URL(granted.headers.get('location') as string);
      expect(back.searchParams.get('state')).toBe('s1');
      const exchanged = await token({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code') as string,
        redirect_uri: 'http://localhost/cb',
      });
      expect(exchanged.status).toBe(200);
      const grant = (await exchanged.json()) as Record<string, unknown>;
      expect(grant).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'repository' });
      expect((await get('/repositories/acme/app', grant.access_token as string)).status).toBe(200);
    });

    it('uses a code once, rotates refresh tokens, and refuses a wrong client or a JSON body', async () => {
      const code = double.issueCode('alice');
      const first = (await (await token({ grant_type: 'authorization_code', code })).json()) as Record<string, string>;
      expect((await token({ grant_type: 'authorization_code', code })).status).toBe(400);
      const refreshed = (await (
        await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
      ).json()) as Record<string, string>;
      expect(refreshed.refresh_token).not.toBe(first.refresh_token);
      const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
      expect(
        (await token({ grant_type: 'authorization_code', code: double.issueCode('a') }, basic('x', 'y'))).status
      ).toBe(401);
      const asJson = await fetch(`${double.url}/site/oauth2/access_token`, {
        method: 'POST',
        headers: { authorization: basic(double.clientId, double.clientSecret), 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshed.refresh_token }),
      });
      expect(await asJson.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Unsupported grant type: None',
      });
    });
  });

  it('serves the src, annotate and commits web pages the links point at', async () => {
    expect((await fetch(`${double.url}/acme/app/src/${app.commits.commit0}/src/main.go`)).status).toBe(200);
    expect((await fetch(`${double.url}/acme/app/annotate/main/src/main.go`)).status).toBe(200);
    expect((await fetch(`${double.url}/acme/app/commits/${app.commits.commit1}`)).status).toBe(200);
    expect((await fetch(`${double.url}/acme/secret/src/main/README.md`)).status).toBe(404);
  });
});
