// Grafana's own 401 on a vcs.v1 call: rotate Grafana's session once, send the call again, and never end the Git
// session for it. msw stands in for Grafana (its 401, its rotate endpoint) and for the data source proxy behind it.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { BackendSrv, BackendSrvRequest } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { encodeSessionCookieValue } from '../connection/cookieJar';
import { HostSession } from '../connection/hostSession';
import { GITHUB_SESSION, SESSION_COOKIE, SESSION_STORAGE_KEY } from '../providers/github/session';
import { memoryCookieJar, memoryStorage } from '../../test-support/memory';
import { createVcsApi } from './api';
import { classifyVcsError } from './errors';
import { createVcsClient, vcsProxyBaseUrl } from './transport';
import {
  GRAFANA_ROTATE_URL,
  GrafanaSignedOutError,
  grafanaSessionFetch,
  isGrafanaSignedOut,
  backendSrvRotation,
  sharedRotation,
} from './grafanaSession';

const ORIGIN = 'http://grafana.test';
const BASE = `${ORIGIN}${vcsProxyBaseUrl('', 'pyro')}/vcs.v1.VCSService`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
const sessions: HostSession[] = [];
afterEach(() => {
  server.resetHandlers();
  sessions.splice(0).forEach((session) => session.dispose());
});
afterAll(() => server.close());

/** Grafana's answer to an API request whose session token is due for rotation (errutil's public JSON). */
const needsRotation = () =>
  HttpResponse.json({ message: 'Unauthorized', messageId: 'session.token.rotate', statusCode: 401 }, { status: 401 });

const request = { repositoryUrl: 'https://github.com/linescope-demo/shop-go', refs: ['main'] };

/** A browser with a Grafana session (token `g1`, rotated to `g2`) and a verified GitHub session. */
function setup(rotate: (grafanaToken: { value: string }) => Promise<void>) {
  const grafana = { value: 'g1' };
  const jar = memoryCookieJar();
  jar.set(SESSION_COOKIE, encodeSessionCookieValue('enc-token'), { secure: false });
  const storage = memoryStorage();
  storage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({ dataSourceUid: 'pyro', tokenExpiresAt: Date.now() + 8 * 3600_000, verified: true })
  );
  const rotations: number[] = [];
  const client = createVcsClient({
    baseUrl: `${ORIGIN}${vcsProxyBaseUrl('', 'pyro')}`,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', `grafana_session=${grafana.value}; ${jar.header()}`);
      return fetch(input, { ...init, headers });
    },
    rotateGrafanaSession: sharedRotation(async () => {
      rotations.push(Date.now());
      await rotate(grafana);
    }),
  });
  const session = new HostSession('pyro', {
    refresh: () => client.githubRefresh({}),
    jar,
    storage,
    secure: false,
    ...GITHUB_SESSION,
  });
  session.sync();
  sessions.push(session);
  return { api: createVcsApi(client, session), session, jar, rotations, grafana };
}

/** GetCommits behind a Grafana that accepts only the current token. */
function grafanaAccepting(token: string) {
  server.use(
    http.post(`${BASE}/GetCommits`, ({ request }) =>
      (request.headers.get('cookie') ?? '').includes(`grafana_session=${token}`)
        ? HttpResponse.json({ commits: [{ sha: 'abc1234', message: 'Fix cart' }] })
        : needsRotation()
    )
  );
}

test('a token due for rotation is rotated once and the call succeeds; the GitHub session stays', async () => {
  grafanaAccepting('g2');
  const { api, session, jar, rotations } = setup(async (t) => void (t.value = 'g2'));
  const commits = await api.getCommits(request);
  expect(commits.map((c) => c.sha)).toEqual(['abc1234']);
  expect(rotations).toHaveLength(1);
  expect(session.getState()).toMatchObject({ connected: true });
  expect(jar.get(SESSION_COOKIE)).toBeDefined();
});

test('calls that get the 401 together share one rotation', async () => {
  grafanaAccepting('g2');
  let finish!: () => void;
  const { api, rotations } = setup(
    (t) =>
      new Promise<void>((resolve) => {
        finish = () => {
          t.value = 'g2';
          resolve();
        };
      })
  );
  const both = Promise.all([api.getCommits(request), api.getCommits(request)]);
  await new Promise((r) => setTimeout(r, 50));
  finish();
  expect((await both).map((c) => c.length)).toEqual([1, 1]);
  expect(rotations).toHaveLength(1);
});

test("a refused rotation is Grafana's signed-out state, not a GitHub problem", async () => {
  grafanaAccepting('never');
  const { api, session, jar } = setup(() => Promise.reject({ status: 401, data: { message: 'Unauthorized' } }));
  const error = await api.getCommits(request).catch((e: unknown) => e);
  expect(isGrafanaSignedOut(error)).toBe(true);
  expect(classifyVcsError(error)).toMatchObject({
    kind: 'other',
    message: expect.stringMatching(/sign in to Grafana/),
  });
  expect(session.getState()).toMatchObject({ connected: true, problem: undefined });
  expect(jar.get(SESSION_COOKIE)).toBeDefined();
});

test('a second 401 after a rotation that went through is not retried again', async () => {
  let calls = 0;
  server.use(
    http.post(`${BASE}/GetCommits`, () => {
      calls++;
      return needsRotation();
    })
  );
  const { api, rotations, session } = setup(async () => undefined);
  await expect(api.getCommits(request)).rejects.toBeInstanceOf(GrafanaSignedOutError);
  expect(calls).toBe(2);
  expect(rotations).toHaveLength(1);
  expect(session.getState().connected).toBe(true);
});

test("the proxy's 400 for the server's 401 still ends the GitHub session, and rotates nothing", async () => {
  server.use(
    http.post(`${BASE}/GetCommits`, () => new HttpResponse('Authentication to data source failed', { status: 400 }))
  );
  const { api, session, rotations } = setup(async () => undefined);
  const error = await api.getCommits(request).catch((e: unknown) => e);
  expect(classifyVcsError(error).kind).toBe('unauthenticated');
  expect(rotations).toHaveLength(0);
  expect(session.getState()).toMatchObject({ connected: false, problem: { kind: 'rejected' } });
});

test('other answers pass through untouched, and a call cancelled during the rotation is not sent again', async () => {
  const sent: string[] = [];
  const base: typeof fetch = async (input) => {
    sent.push(String(input));
    return new Response('{}', { status: sent.length === 1 ? 401 : 200 });
  };
  const ok = await grafanaSessionFetch(
    async () => new Response('x', { status: 404 }),
    async () => undefined
  )('u');
  expect(ok.status).toBe(404);
  const controller = new AbortController();
  const rotation = grafanaSessionFetch(base, async () => controller.abort(new Error('inputs changed')));
  await expect(rotation('u', { signal: controller.signal })).rejects.toThrow('inputs changed');
  expect(sent).toEqual(['u']);
});

test("the default rotation is BackendSrv's POST to the rotate endpoint, without an alert", async () => {
  const requests: BackendSrvRequest[] = [];
  let refuse = false;
  const rotate = backendSrvRotation(
    () =>
      ({
        fetch: (options: BackendSrvRequest) => {
          requests.push(options);
          return refuse ? throwError(() => ({ status: 401 })) : of({ status: 200, ok: true, data: {} });
        },
      }) as unknown as BackendSrv
  );
  await rotate();
  expect(requests[0]).toMatchObject({ url: GRAFANA_ROTATE_URL, method: 'POST', showErrorAlert: false });
  refuse = true;
  await expect(rotate()).rejects.toMatchObject({ status: 401 });
  expect(requests).toHaveLength(2);
});
