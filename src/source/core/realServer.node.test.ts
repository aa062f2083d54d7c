// The plugin's vcs.v1 client code against the real source server and the GitHub double, over HTTP, through a
// Grafana-style data source proxy (keepCookies filtering, upstream 401 → plain-text 400).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFixtureRepo } from '../../../e2e/git-fixtures';
import { proxyDataSource } from '../../../e2e/host/ds-proxy';
import type { HostDataSource } from '../../../e2e/host/datasources';
import { startStack, tempDir, type Stack } from '../../../server/test/helpers';
import { HostSession } from '../connection/hostSession';
import { authorizeUrl } from '../providers/github/login';
import { GITHUB_SESSION, SESSION_COOKIE } from '../providers/github/session';
import { pkcePair } from './pkce';
import { memoryCookieJar, memoryStorage } from '../../test-support/memory';
import { createVcsApi } from './api';
import { classifyVcsError } from './errors';
import { createVcsClient, vcsProxyBaseUrl } from './transport';
import { decodeContent } from './content';

const tmp = tempDir('plugin-client');
const repo = createFixtureRepo(tmp.dir, 'linescope-demo/shop-go', [
  {
    files: {
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'cart/cart.go': 'package cart\n\nfunc Total() int {\n\treturn 1\n}\n',
    },
    message: 'First cart',
    tags: ['v1'],
  },
  { files: { 'cart/cart.go': 'package cart\n\nfunc Total() int {\n\treturn 2\n}\n' }, message: 'Cart returns two' },
]);
/** Node's library as nodejs/node tags it: the place a `node:` frame is read from at the labels' runtime version. */
const node = createFixtureRepo(tmp.dir, 'nodejs/node', [
  { files: { 'lib/fs.js': "'use strict';\n// Node's fs\n" }, message: 'Node v20.20.2', tags: ['v20.20.2'] },
]);
const REPO_URL = 'https://github.com/linescope-demo/shop-go';
const CALLBACK = 'http://grafana.test/a/linescope-app/github/callback';

let stack: Stack;
let proxy: http.Server;
let proxyUrl: string;
const dataSource: HostDataSource = {
  id: 1,
  uid: 'vcs',
  name: 'vcs',
  type: 'grafana-pyroscope-datasource',
  url: '',
  jsonData: {},
};

beforeAll(async () => {
  stack = await startStack([
    { fullName: repo.fullName, dir: repo.dir },
    { fullName: node.fullName, dir: node.dir },
  ]);
  dataSource.url = stack.url;
  proxy = http.createServer((req, res) =>
    proxyDataSource(
      req,
      res,
      (uid) => (uid === 'vcs' ? dataSource : undefined),
      '13.0.2',
      () => {}
    )
  );
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await stack.stop();
  tmp.remove();
});

function browser() {
  const jar = memoryCookieJar();
  const client = createVcsClient({
    baseUrl: `${proxyUrl}${vcsProxyBaseUrl('', 'vcs')}`,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (jar.header()) {
        headers.set('cookie', jar.header());
      }
      return fetch(input, { ...init, headers });
    },
  });
  const session = new HostSession('vcs', {
    refresh: () => client.githubRefresh({}),
    jar,
    storage: memoryStorage(),
    secure: false,
    ...GITHUB_SESSION,
  });
  return { jar, session, client, api: createVcsApi(client, session) };
}

/** What the user does in the popup: open the authorize URL the plugin built, click Authorize, land on the callback. */
async function authorizeInPopup(url: string): Promise<URL> {
  const page = await (await fetch(url)).text();
  expect(page).toContain('>Authorize</button>');
  const form = new URLSearchParams(
    [...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [
      m[1],
      m[2].replace(/&amp;/g, '&'),
    ])
  );
  const answer = await fetch(new URL('/login/oauth/authorize', url), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  return new URL(answer.headers.get('location')!);
}

async function login(b: ReturnType<typeof browser>) {
  const app = await b.api.githubApp();
  const { verifier, challenge } = await pkcePair();
  const back = await authorizeInPopup(authorizeUrl(app, 'state-xyz', CALLBACK, challenge));
  b.session.store(await b.api.githubLogin(back.searchParams.get('code')!, verifier));
  return { app, back };
}

afterEach(() => {
  dataSource.jsonData = {};
});

test('connect, then GetFile and GetCommits through the proxy with the cookie the plugin wrote', async () => {
  dataSource.jsonData = { keepCookies: [SESSION_COOKIE] };
  const b = browser();
  const { app, back } = await login(b);
  expect(app.authorizeURL).toBe(`${stack.double.url}/login/oauth/authorize`);
  expect(app.pkce).toBe(true);
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  expect(back.searchParams.get('state')).toBe('state-xyz');
  expect(b.session.getState()).toMatchObject({ connected: true });
  expect(JSON.parse(atob(b.jar.get(SESSION_COOKIE)!))).toEqual({ token: expect.any(String) });

  const [file, commits] = await Promise.all([
    b.api.getFile({
      repositoryURL: REPO_URL,
      ref: repo.commits.v1,
      localPath: 'cart/cart.go',
      rootPath: '',
      functionName: 'cart.Total',
      runtimeVersion: '',
    }),
    b.api.getCommits({ repositoryUrl: REPO_URL, refs: [repo.commits.v1, repo.commits.commit1] }),
  ]);
  expect(decodeContent(file.content)).toContain('return 1');
  expect(file.URL).toContain('/linescope-demo/shop-go/blob/');
  expect(commits.map((c) => c.message)).toEqual(['First cart', 'Cart returns two']);
  expect(commits[0].sha).toBe(repo.commits.v1);
  b.session.dispose();
});

test('PKCE end to end: a code is exchanged only with the verifier of the challenge the popup sent', async () => {
  const b = browser();
  const app = await b.api.githubApp();
  const { challenge } = await pkcePair();
  const back = await authorizeInPopup(authorizeUrl(app, 'state-pkce', CALLBACK, challenge));
  const other = await pkcePair();
  // GitHub refused the exchange: the server's 401 (Grafana's proxy words it its own way).
  await expect(b.api.githubLogin(back.searchParams.get('code')!, other.verifier)).rejects.toThrow(
    /^\[unauthenticated\]/
  );
  expect(b.session.getState()).toMatchObject({ connected: false });
});

test('a file that cannot be found comes back with what the server tried', async () => {
  dataSource.jsonData = { keepCookies: [SESSION_COOKIE] };
  const b = browser();
  await login(b);
  const error = await b.api
    .getFile({
      repositoryURL: REPO_URL,
      ref: 'main',
      localPath: 'nowhere/missing.go',
      rootPath: '',
      functionName: 'nowhere.Missing',
      runtimeVersion: '',
    })
    .catch((e: unknown) => e);
  const failure = classifyVcsError(error);
  expect(failure.kind).toBe('not-found');
  expect(failure.kind === 'not-found' && failure.explanation?.attempts.length).toBeGreaterThan(0);
  expect(failure.kind === 'not-found' && failure.explanation?.attempts.some((a) => a.path.includes('missing.go'))).toBe(
    true
  );
  b.session.dispose();
});

test("a node: frame is read from nodejs/node at the labels' runtime version; without one the server says so", async () => {
  dataSource.jsonData = { keepCookies: [SESSION_COOKIE] };
  const b = browser();
  await login(b);
  const request = {
    repositoryURL: REPO_URL,
    ref: 'main',
    localPath: 'node:fs',
    rootPath: '',
    functionName: 'readFileSync',
  };
  const file = await b.api.getFile({ ...request, runtimeVersion: '20.20.2' });
  expect(decodeContent(file.content)).toContain("Node's fs");
  expect(file.resolvedPath).toBe('lib/fs.js');
  expect(file.resolvedRef).toBe('v20.20.2');

  const failure = classifyVcsError(await b.api.getFile({ ...request, runtimeVersion: '' }).catch((e: unknown) => e));
  expect(failure.kind === 'not-found' && failure.explanation?.attempts.map((a) => a.outcome)).toContainEqual(
    expect.stringContaining('label the service with service_runtime_version')
  );
  b.session.dispose();
});

test('GithubRefresh through the proxy renews the cookie, and the new token works', async () => {
  dataSource.jsonData = { keepCookies: [SESSION_COOKIE] };
  const b = browser();
  await login(b);
  const before = b.jar.get(SESSION_COOKIE);
  expect(await b.session.refresh()).toBe(true);
  expect(b.jar.get(SESSION_COOKIE)).not.toBe(before);
  const commits = await b.api.getCommits({ repositoryUrl: REPO_URL, refs: ['main'] });
  expect(commits).toHaveLength(1);
  b.session.dispose();
});

test('without keepCookies the proxy drops the cookie: the plugin says so instead of looping on Connect', async () => {
  const b = browser();
  await login(b);
  const error = await b.api.getCommits({ repositoryUrl: REPO_URL, refs: ['main'] }).catch((e: unknown) => e);
  expect(classifyVcsError(error).kind).toBe('unauthenticated');
  expect(b.session.getState()).toMatchObject({ connected: false, problem: { kind: 'cookie-not-forwarded' } });
  b.session.dispose();
});

test('a revoked token after it worked ends the session and offers to connect again', async () => {
  dataSource.jsonData = { keepCookies: [SESSION_COOKIE] };
  const b = browser();
  await login(b);
  await b.api.getCommits({ repositoryUrl: REPO_URL, refs: ['main'] });
  // The server's key changes (a restart with a new session secret looks the same): the cookie no longer decrypts.
  b.jar.set(SESSION_COOKIE, btoa(JSON.stringify({ token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })), { secure: false });
  const error = await b.api.getCommits({ repositoryUrl: REPO_URL, refs: ['main'] }).catch((e: unknown) => e);
  expect(classifyVcsError(error).kind).toBe('unauthenticated');
  expect(b.session.getState()).toMatchObject({ connected: false, problem: { kind: 'rejected' } });
  b.session.dispose();
});
