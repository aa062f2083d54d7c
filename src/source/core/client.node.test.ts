// The vcs.v1 client and the session over the network, with msw standing in for Grafana's data source proxy.
import { create, toBinary } from '@bufbuild/protobuf';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ResolutionExplanationSchema } from '../../../proto/gen/vcs/v1/vcs_pb';
import { encodeSessionCookieValue } from '../connection/cookieJar';
import { HostSession, REFRESH_MARGIN_MS } from '../connection/hostSession';
import { GITHUB_SESSION, SESSION_COOKIE, SESSION_STORAGE_KEY } from '../providers/github/session';
import { memoryCookieJar, memoryStorage } from '../../test-support/memory';
import { createVcsApi } from './api';
import { classifyVcsError } from './errors';
import { createVcsClient, vcsProxyBaseUrl } from './transport';

const ORIGIN = 'http://grafana.test';
const BASE = `${ORIGIN}${vcsProxyBaseUrl('/grafana', 'vcs-ds')}/vcs.v1.VCSService`;
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
const sessions: HostSession[] = [];
afterEach(() => {
  server.resetHandlers();
  sessions.splice(0).forEach((session) => session.dispose());
});
afterAll(() => server.close());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A browser-like setup: cookies from the jar travel with every request, as `credentials: 'same-origin'` does. */
function setup(options: { tokenExpiresAt?: number; verified?: boolean; connected?: boolean } = {}) {
  const jar = memoryCookieJar();
  const storage = memoryStorage();
  const client = createVcsClient({
    baseUrl: `${ORIGIN}${vcsProxyBaseUrl('/grafana', 'vcs-ds')}`,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (jar.header()) {
        headers.set('cookie', jar.header());
      }
      return fetch(input, { ...init, headers });
    },
  });
  const session = new HostSession('vcs-ds', {
    refresh: () => client.githubRefresh({}),
    jar,
    storage,
    secure: false,
    ...GITHUB_SESSION,
  });
  sessions.push(session);
  if (options.connected !== false) {
    jar.set(SESSION_COOKIE, encodeSessionCookieValue('enc-token-1'), { secure: false });
    storage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({
        dataSourceUid: 'vcs-ds',
        tokenExpiresAt: options.tokenExpiresAt ?? Date.now() + 8 * 3600_000,
        verified: options.verified ?? true,
      })
    );
    session.sync();
  }
  return { jar, storage, session, api: createVcsApi(client, session) };
}

const cookieToken = (request: Request) => {
  const value = /pyroscope_git_session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  return value ? (JSON.parse(atob(value)) as { token: string }).token : undefined;
};

const fileRequest = {
  repositoryURL: 'https://github.com/linescope-demo/shop-go',
  ref: 'main',
  localPath: 'cart/cart.go',
  rootPath: '',
  functionName: 'cart.Total',
  runtimeVersion: '',
};

test('GetFile and GetCommits are both in flight before either answers', async () => {
  const { api } = setup();
  const arrived: string[] = [];
  const bothArrived = deferred();
  const note = (name: string) => {
    arrived.push(name);
    if (arrived.length === 2) {
      bothArrived.resolve();
    }
  };
  const bodies: Record<string, unknown> = {};
  server.use(
    http.post(`${BASE}/GetFile`, async ({ request }) => {
      bodies.file = await request.json();
      note('GetFile');
      await bothArrived.promise;
      return HttpResponse.json({
        content: btoa('package cart\n'),
        URL: 'https://github.com/x/y/blob/main/cart/cart.go',
      });
    }),
    http.post(`${BASE}/GetCommits`, async ({ request }) => {
      bodies.commits = await request.json();
      note('GetCommits');
      await bothArrived.promise;
      return HttpResponse.json({ commits: [{ sha: 'abc1234', message: 'Fix cart', author: { login: 'ana' } }] });
    })
  );
  const [file, commits] = await Promise.all([
    api.getFile(fileRequest),
    api.getCommits({ repositoryUrl: fileRequest.repositoryURL, refs: ['main', 'v1'] }),
  ]);
  expect(arrived.sort()).toEqual(['GetCommits', 'GetFile']);
  expect(atob(file.content)).toBe('package cart\n');
  expect(commits[0].author?.login).toBe('ana');
  // The wire names are Pyroscope's: GetFile's repositoryURL, GetCommits' repositoryUrl; no runtime version, no field.
  expect(bodies.file).toEqual({
    repositoryURL: fileRequest.repositoryURL,
    ref: 'main',
    localPath: 'cart/cart.go',
    functionName: 'cart.Total',
  });
  expect(bodies.commits).toEqual({ repositoryUrl: fileRequest.repositoryURL, refs: ['main', 'v1'] });
});

test("GetFile carries the labels' runtime version as runtime_version (Linescope's field 100)", async () => {
  const { api } = setup();
  let body: unknown;
  server.use(
    http.post(`${BASE}/GetFile`, async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ content: btoa('module.exports = {};\n') });
    })
  );
  await api.getFile({ ...fileRequest, localPath: 'node:fs', runtimeVersion: 'v20.20.2' });
  expect(body).toMatchObject({ localPath: 'node:fs', runtimeVersion: 'v20.20.2' });
});

test("Grafana's plain-text 400 for a failed data source authentication ends the session", async () => {
  const { api, session, jar } = setup({ verified: true });
  server.use(
    http.post(
      `${BASE}/GetFile`,
      () =>
        new HttpResponse('Authentication to data source failed', {
          status: 400,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        })
    )
  );
  const error = await api.getFile(fileRequest).catch((e: unknown) => e);
  expect(classifyVcsError(error).kind).toBe('unauthenticated');
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(session.getState()).toMatchObject({ connected: false, problem: { kind: 'rejected' } });
});

test('another plain-text 400 stays an ordinary error and keeps the session', async () => {
  const { api, session } = setup();
  server.use(http.post(`${BASE}/GetFile`, () => new HttpResponse('UID is invalid', { status: 400 })));
  const error = await api.getFile(fileRequest).catch((e: unknown) => e);
  expect(classifyVcsError(error).kind).toBe('other');
  expect(session.getState().connected).toBe(true);
});

test("a 401 that reaches the browser is Grafana's own: it never ends the GitHub session", async () => {
  const { api, session, jar } = setup({ verified: true });
  server.use(
    http.post(`${BASE}/GetCommits`, () =>
      HttpResponse.json(
        { message: 'Unauthorized', messageId: 'session.token.rotate', statusCode: 401 },
        { status: 401 }
      )
    )
  );
  // No BackendSrv here: the rotation fails, which is Grafana's signed-out state.
  await expect(api.getCommits({ repositoryUrl: fileRequest.repositoryURL, refs: ['main'] })).rejects.toThrow(
    'Your Grafana session has ended'
  );
  expect(session.getState()).toMatchObject({ connected: true, problem: undefined });
  expect(jar.get(SESSION_COOKIE)).toBeDefined();
});

test('a brand-new session refused at once points at keepCookies', async () => {
  const { api, session } = setup({ verified: false });
  // What the proxy does without keepCookies: the cookie never arrives, the server says 401, Grafana says 400.
  server.use(
    http.post(`${BASE}/GetCommits`, () => new HttpResponse('Authentication to data source failed', { status: 400 }))
  );
  await expect(api.getCommits({ repositoryUrl: fileRequest.repositoryURL, refs: ['main'] })).rejects.toThrow();
  expect(session.getState().problem).toEqual({ kind: 'cookie-not-forwarded' });
});

test('a session that went through once is marked verified', async () => {
  const { api, session, storage } = setup({ verified: false });
  server.use(http.post(`${BASE}/GetCommits`, () => HttpResponse.json({ commits: [] })));
  await api.getCommits({ repositoryUrl: fileRequest.repositoryURL, refs: ['main'] });
  expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!).verified).toBe(true);
  server.use(
    http.post(`${BASE}/GetCommits`, () => new HttpResponse('Authentication to data source failed', { status: 400 }))
  );
  await expect(api.getCommits({ repositoryUrl: fileRequest.repositoryURL, refs: ['main'] })).rejects.toThrow();
  expect(session.getState().problem).toEqual({ kind: 'rejected' });
});

test("GetFile's not_found carries the server's explanation of what was tried", async () => {
  const { api } = setup();
  const explanation = create(ResolutionExplanationSchema, {
    language: 'go',
    configFound: false,
    attempts: [
      {
        rule: 'relative',
        repositoryUrl: fileRequest.repositoryURL,
        ref: 'main',
        path: 'cart/cart.go',
        outcome: 'not_found',
      },
    ],
  });
  const value = btoa(String.fromCharCode(...toBinary(ResolutionExplanationSchema, explanation))).replace(/=+$/, '');
  server.use(
    http.post(`${BASE}/GetFile`, () =>
      HttpResponse.json(
        { code: 'not_found', message: 'file not found', details: [{ type: 'vcs.v1.ResolutionExplanation', value }] },
        { status: 404 }
      )
    )
  );
  const failure = classifyVcsError(await api.getFile(fileRequest).catch((e: unknown) => e));
  expect(failure.kind).toBe('not-found');
  expect(failure.kind === 'not-found' && failure.explanation?.attempts[0]).toMatchObject({
    rule: 'relative',
    path: 'cart/cart.go',
    outcome: 'not_found',
  });
});

test('one GithubRefresh serves every caller when the token is about to expire', async () => {
  const { api, jar, session } = setup({ tokenExpiresAt: Date.now() + REFRESH_MARGIN_MS - 1000 });
  let refreshes = 0;
  const tokensSeen: Array<string | undefined> = [];
  const newExpiry = Date.now() + 8 * 3600_000;
  server.use(
    http.post(`${BASE}/GithubRefresh`, async ({ request }) => {
      refreshes++;
      expect(await request.json()).toEqual({});
      expect(cookieToken(request)).toBe('enc-token-1');
      return HttpResponse.json({
        token: 'enc-token-2',
        tokenExpiresAt: String(newExpiry),
        refreshTokenExpiresAt: String(newExpiry * 2),
      });
    }),
    http.post(`${BASE}/GetFile`, ({ request }) => {
      tokensSeen.push(cookieToken(request));
      return HttpResponse.json({ content: '' });
    })
  );
  await Promise.all(Array.from({ length: 5 }, () => api.getFile(fileRequest)));
  expect(refreshes).toBe(1);
  expect(tokensSeen).toEqual(Array(5).fill('enc-token-2'));
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'enc-token-2' });
  expect(session.getState()).toMatchObject({ connected: true, tokenExpiresAt: newExpiry });
});

test("Pyroscope's refresh (old expiry in tokenExpiresAt, new one in the legacy cookie) does not loop", async () => {
  const oldExpiry = Date.now() + 60_000;
  const { api, session } = setup({ tokenExpiresAt: oldExpiry });
  const newExpiry = Date.now() + 8 * 3600_000;
  const legacy = btoa(JSON.stringify({ metadata: 'enc-token-2', expiry: newExpiry }));
  let refreshes = 0;
  server.use(
    http.post(`${BASE}/GithubRefresh`, () => {
      refreshes++;
      return HttpResponse.json({
        cookie: `pyroscope_git_session=${legacy}; Expires=Tue, 13 Apr 2027 10:00:00 GMT; Secure; SameSite=Lax`,
        token: 'enc-token-2',
        tokenExpiresAt: String(oldExpiry),
        refreshTokenExpiresAt: String(newExpiry * 2),
      });
    }),
    http.post(`${BASE}/GetFile`, () => HttpResponse.json({ content: '' }))
  );
  await api.getFile(fileRequest);
  await api.getFile(fileRequest);
  expect(refreshes).toBe(1);
  expect(session.getState().tokenExpiresAt).toBe(newExpiry);
});

test('a refused refresh ends the session as expired', async () => {
  const { api, session } = setup({ tokenExpiresAt: Date.now() + 1000 });
  server.use(
    http.post(`${BASE}/GithubRefresh`, () =>
      HttpResponse.json({ code: 'internal', message: 'failed to refresh token' }, { status: 500 })
    ),
    http.post(`${BASE}/GetFile`, () => new HttpResponse('Authentication to data source failed', { status: 400 }))
  );
  await expect(api.getFile(fileRequest)).rejects.toThrow();
  expect(session.getState()).toMatchObject({ connected: false, problem: { kind: 'expired' } });
});

test('a GithubLogin answer without expiries (a token that never expires) gives a session that is never refreshed', async () => {
  const { api, session, jar } = setup({ connected: false });
  let refreshes = 0;
  server.use(
    // GitHub OAuth tokens without expiry: the server leaves both expiry fields out of the JSON.
    http.post(`${BASE}/GithubLogin`, () => HttpResponse.json({ token: 'enc-forever' })),
    http.post(`${BASE}/GithubRefresh`, () => {
      refreshes++;
      return HttpResponse.json({ token: 'enc-other' });
    }),
    http.post(`${BASE}/GetFile`, ({ request }) => HttpResponse.json({ content: btoa(cookieToken(request) ?? '') }))
  );
  const login = await api.githubLogin('code-1');
  expect(login.tokenExpiresAt).toBe(BigInt(0));
  session.store(login);
  expect(session.getState()).toMatchObject({ connected: true, tokenExpiresAt: undefined });
  for (let i = 0; i < 3; i++) {
    expect(atob((await api.getFile(fileRequest)).content)).toBe('enc-forever');
  }
  expect(refreshes).toBe(0);
  expect(session.getState()).toMatchObject({ connected: true, refreshing: false, problem: undefined });
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'enc-forever' });
});
