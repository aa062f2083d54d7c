// The host's Grafana API slice over real HTTP: settings (roles, persistence), the data source proxy rules and
// /api/ds/query against the querier double.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../pyroscope-double/profile-store';
import { startPyroscopeDouble } from '../pyroscope-double/server';
import { cpuProfile } from '../pyroscope-double/test-profiles';
import type { HostDataSource } from './datasources';
import { startHost, type RunningHost } from './server';

const pluginDist = path.join(os.tmpdir(), `linescope-host-test-plugin-${process.pid}`);

let host: RunningHost;
let upstream: http.Server;
let upstreamUrl: string;
let lastUpstream: http.IncomingHttpHeaders = {};
let dataDir: string;
let closeQuerier: () => Promise<void>;
let clock = Date.now();

async function login(as: string): Promise<string> {
  const res = await fetch(`${host.url}/login/as/${as}`, { redirect: 'manual' });
  return sessionCookieOf(res)!;
}

/** The grafana_session cookie a response sets (`name=value`). */
function sessionCookieOf(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith('grafana_session='))?.split(';')[0];
}

beforeAll(async () => {
  await fs.mkdir(pluginDist, { recursive: true });
  await fs.writeFile(
    path.join(pluginDist, 'plugin.json'),
    JSON.stringify({ id: 'linescope-app', type: 'app', name: 'Linescope', info: { version: '1.2.3', logos: { small: 'img/logo.svg' } }, includes: [{ type: 'page', name: 'Home', path: '/a/linescope-app/home', defaultNav: true }], extensions: { addedLinks: [{ targets: ['grafana/explore/toolbar/action'], title: 'Open', description: 'Opens it' }] } })
  );
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linescope-host-test-'));
  upstream = http.createServer((req, res) => {
    lastUpstream = req.headers;
    if (req.url?.startsWith('/unauth')) {
      res.writeHead(401, { 'www-authenticate': 'Basic', 'content-type': 'application/json' }).end('{"code":"unauthenticated"}');
      return;
    }
    res.writeHead(200, { 'set-cookie': 'x=y', 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const querier = await startPyroscopeDouble({
    series: ingest(cpuProfile([['main;a;b', 30], ['main;a', 10], ['main;c', 60]]), { service_name: 'svc' }, 'test'),
  });
  closeQuerier = querier.close;
  const datasources: HostDataSource[] = [
    { id: 1, uid: 'up', name: 'Upstream', type: 'grafana-pyroscope-datasource', url: upstreamUrl, jsonData: { keepCookies: ['pyroscope_git_session'] } },
    { id: 2, uid: 'pyro', name: 'Pyro', type: 'grafana-pyroscope-datasource', url: querier.url, isDefault: true, jsonData: {} },
  ];
  host = await startHost({ dataDir, pluginDist, datasources, tokenRotationIntervalMs: 60_000, now: () => clock });
});

afterAll(async () => {
  await host.close();
  await closeQuerier();
  upstream.close();
});

describe('plugin settings', () => {
  it('needs a signed-in user, lets an admin save and persists, refuses a viewer', async () => {
    expect((await fetch(`${host.url}/api/plugins/linescope-app/settings`)).status).toBe(401);
    const admin = await login('admin');
    const viewer = await login('viewer');
    const get = async (cookie: string) => (await fetch(`${host.url}/api/plugins/linescope-app/settings`, { headers: { cookie } })).json();
    const before = await get(admin);
    expect(before).toMatchObject({ id: 'linescope-app', type: 'app', enabled: true, module: 'public/plugins/linescope-app/module.js', defaultNavUrl: '/a/linescope-app/home' });
    expect(before.jsonData).toBeUndefined();
    expect(before.info.logos.small).toBe('public/plugins/linescope-app/img/logo.svg');

    const post = (cookie: string, body: unknown) =>
      fetch(`${host.url}/api/plugins/linescope-app/settings`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const denied = await post(viewer, { enabled: true, jsonData: { enableFunctionDetails: false } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).title).toBe('Access denied');

    const ok = await post(admin, { enabled: true, pinned: true, jsonData: { enableFunctionDetails: false }, secureJsonData: { k: 'secret' } });
    expect(await ok.json()).toEqual({ message: 'Plugin settings updated' });
    const after = await get(viewer);
    expect(after.jsonData).toEqual({ enableFunctionDetails: false });
    expect(after.secureJsonFields).toEqual({ k: true });
    expect(JSON.stringify(after)).not.toContain('secret');
    const file = JSON.parse(await fs.readFile(path.join(dataDir, 'plugin-settings.json'), 'utf8'));
    expect(file.jsonData).toEqual({ enableFunctionDetails: false });

    // A body without `enabled` disables the app; bad JSON is a 400.
    await post(admin, { jsonData: { enableFunctionDetails: true } });
    expect((await get(admin)).enabled).toBe(false);
    const bad = await fetch(`${host.url}/api/plugins/linescope-app/settings`, { method: 'POST', headers: { cookie: admin }, body: '{' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${host.url}/api/plugins/nope/settings`, { headers: { cookie: admin } })).status).toBe(404);
  });

  it('refuses plugins:write to a Grafana server admin who is not an org admin', async () => {
    const serverAdmin = await login('serveradmin');
    const user = await (await fetch(`${host.url}/api/user`, { headers: { cookie: serverAdmin } })).json();
    expect(user).toMatchObject({ isGrafanaAdmin: true, orgRole: 'Viewer', permissions: { 'datasources:query': true } });
    expect(user.permissions['plugins:write']).toBeUndefined();
    const res = await fetch(`${host.url}/api/plugins/linescope-app/settings`, { method: 'POST', headers: { cookie: serverAdmin, 'content-type': 'application/json' }, body: '{"enabled":true}' });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/Permissions needed: plugins:write/);
  });
});

describe('boot data', () => {
  it("lists each app's extensions from its plugin.json, every list present", async () => {
    const page = await (await fetch(`${host.url}/a/linescope-app/home`)).text();
    const boot = JSON.parse(/window\.grafanaBootData = (.*);<\/script>/.exec(page)![1]);
    expect(boot.settings.apps['linescope-app'].extensions).toEqual({
      addedLinks: [{ targets: ['grafana/explore/toolbar/action'], title: 'Open', description: 'Opens it' }],
      addedComponents: [],
      exposedComponents: [],
      extensionPoints: [],
      addedFunctions: [],
    });
  });
});

describe("Grafana's session", () => {
  const minutes = (n: number) => n * 60_000;

  it("needs rotating after the interval: API calls get Grafana's 401 until the rotate endpoint gives a new token", async () => {
    const first = await login('viewer');
    expect((await fetch(`${host.url}/api/user`, { headers: { cookie: first } })).status).toBe(200);
    clock += minutes(1);
    const refused = await fetch(`${host.url}/api/user`, { headers: { cookie: first } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ message: 'Unauthorized', messageId: 'session.token.rotate', statusCode: 401 });

    const rotated = await fetch(`${host.url}/api/user/auth-tokens/rotate`, { method: 'POST', headers: { cookie: first } });
    expect(rotated.status).toBe(200);
    const second = sessionCookieOf(rotated)!;
    expect(second).not.toBe(first);
    const expiry = rotated.headers.getSetCookie().find((c) => c.startsWith('grafana_session_expiry='))!;
    expect(expiry).not.toMatch(/HttpOnly/);
    expect(Number(/=(\d+)/.exec(expiry)![1])).toBe(Math.floor((clock + minutes(1)) / 1000));
    expect((await fetch(`${host.url}/api/user`, { headers: { cookie: second } })).status).toBe(200);
    // A request that left with the old token during the rotation still passes, for a while.
    expect((await fetch(`${host.url}/api/user`, { headers: { cookie: first } })).status).toBe(200);
    clock += 61_000;
    expect((await fetch(`${host.url}/api/user`, { headers: { cookie: first } })).status).toBe(401);
    expect(host.sessions.rotations.at(-1)).toMatchObject({ login: 'viewer', via: 'api' });
    // The proxy log names the session by its first token, across rotations.
    expect(host.sessions.firstTokenOf(second.split('=')[1])).toBe(first.split('=')[1]);
  });

  it('a page load with a token due for rotation goes through the rotate page and back', async () => {
    const cookie = await login('viewer');
    clock += minutes(1);
    const page = await fetch(`${host.url}/a/linescope-app/home?x=1`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/user/auth-tokens/rotate?redirectTo=%2Fa%2Flinescope-app%2Fhome%3Fx%3D1');
    const back = await fetch(`${host.url}${page.headers.get('location')}`, { headers: { cookie }, redirect: 'manual' });
    expect(back.headers.get('location')).toBe('/a/linescope-app/home?x=1');
    expect((await fetch(`${host.url}/api/user`, { headers: { cookie: sessionCookieOf(back)! } })).status).toBe(200);
  });

  it('a revoked session is signed out: 401 everywhere, the rotation refused, pages go to the login page', async () => {
    const cookie = await login('admin');
    await fetch(`${host.url}/__host/sessions/revoke`, { method: 'POST' });
    expect(await (await fetch(`${host.url}/api/user`, { headers: { cookie } })).json()).toEqual({ message: 'Unauthorized' });
    const rotate = await fetch(`${host.url}/api/user/auth-tokens/rotate`, { method: 'POST', headers: { cookie } });
    expect(rotate.status).toBe(401);
    expect(rotate.headers.getSetCookie().some((c) => c.startsWith('grafana_session=;') && /Max-Age=0/.test(c))).toBe(true);
    const page = await fetch(`${host.url}/a/linescope-app/home`, { headers: { cookie }, redirect: 'manual' });
    expect(page.headers.get('location')).toBe('/login');
    const loginPage = await (await fetch(`${host.url}/login`, { headers: { cookie } })).text();
    expect(loginPage).toContain('"isSignedIn":false');
    // That browser is sent to the login page until it signs in again.
    const marker = rotate.headers.getSetCookie().find((c) => c.startsWith('linescope_host_signed_out=1'))!.split(';')[0];
    const later = await fetch(`${host.url}/a/linescope-app/home`, { headers: { cookie: marker }, redirect: 'manual' });
    expect(later.headers.get('location')).toBe('/login');
    const again = await fetch(`${host.url}/login/as/admin?redirect=${encodeURIComponent('/a/linescope-app/home')}`, { headers: { cookie: marker }, redirect: 'manual' });
    expect(again.headers.get('location')).toBe('/a/linescope-app/home');
    expect(again.headers.getSetCookie()).toContain('linescope_host_signed_out=; Path=/; Max-Age=0; SameSite=Lax');
    // A browser that never signed in still opens straight into the app as the default user.
    const fresh = await fetch(`${host.url}/a/linescope-app/home`, { redirect: 'manual' });
    expect(fresh.status).toBe(200);
    expect(sessionCookieOf(fresh)).toBeDefined();
  });
});

describe('/api/datasources', () => {
  it("lists the data sources by name and details one by uid, in Grafana's shapes, to admins", async () => {
    const admin = await login('admin');
    const list = await (await fetch(`${host.url}/api/datasources`, { headers: { cookie: admin } })).json();
    expect(list.map((d: { uid: string }) => d.uid)).toEqual(['pyro', 'up']);
    expect(list[1]).toEqual({
      id: 1,
      uid: 'up',
      orgId: 1,
      name: 'Upstream',
      type: 'grafana-pyroscope-datasource',
      typeName: 'Grafana Pyroscope',
      typeLogoUrl: 'public/plugins/grafana-pyroscope-datasource/img/grafana_pyroscope_icon.svg',
      access: 'proxy',
      url: upstreamUrl,
      user: '',
      database: '',
      basicAuth: false,
      isDefault: false,
      jsonData: { keepCookies: ['pyroscope_git_session'] },
      readOnly: true,
    });
    const detail = await (await fetch(`${host.url}/api/datasources/uid/pyro`, { headers: { cookie: admin } })).json();
    expect(detail).toEqual({
      id: 2,
      uid: 'pyro',
      orgId: 1,
      name: 'Pyro',
      type: 'grafana-pyroscope-datasource',
      typeLogoUrl: 'public/plugins/grafana-pyroscope-datasource/img/grafana_pyroscope_icon.svg',
      access: 'proxy',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      user: '',
      database: '',
      basicAuth: false,
      basicAuthUser: '',
      withCredentials: false,
      isDefault: true,
      jsonData: {},
      secureJsonFields: {},
      version: 1,
      readOnly: true,
    });
    expect((await fetch(`${host.url}/api/datasources/uid/nope`, { headers: { cookie: admin } })).status).toBe(404);
    const viewer = await login('viewer');
    expect((await fetch(`${host.url}/api/datasources`, { headers: { cookie: viewer } })).status).toBe(403);
  });
});

describe('data source proxy', () => {
  it('forwards only keepCookies, drops Set-Cookie, adds the sandbox CSP', async () => {
    const admin = await login('admin');
    const res = await fetch(`${host.url}/api/datasources/proxy/uid/up/vcs.v1.VCSService/GetFile?q=1`, {
      method: 'POST',
      headers: { cookie: `${admin}; pyroscope_git_session=abc; other=1`, origin: 'http://x' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: '/vcs.v1.VCSService/GetFile?q=1' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(lastUpstream.cookie).toBe('pyroscope_git_session=abc');
    expect(lastUpstream.origin).toBeUndefined();
    expect(host.proxyLog.at(-1)).toMatchObject({ path: '/vcs.v1.VCSService/GetFile?q=1', cookie: 'pyroscope_git_session=abc', status: 200 });
  });

  it('needs datasources:query: a user without an org role is refused', async () => {
    const noRole = await login('norole');
    const res = await fetch(`${host.url}/api/datasources/proxy/uid/up/x`, { headers: { cookie: noRole } });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/Permissions needed: datasources:query/);
  });

  it('sends the last of several cookies with one name', async () => {
    const viewer = await login('viewer');
    await fetch(`${host.url}/api/datasources/proxy/uid/up/x`, { headers: { cookie: `pyroscope_git_session=stale; ${viewer}; pyroscope_git_session=fresh` } });
    expect(lastUpstream.cookie).toBe('pyroscope_git_session=fresh');
  });

  it("turns an upstream 401 into Grafana's plain-text 400 and reports unknown or invalid data sources", async () => {
    const admin = await login('viewer');
    const res = await fetch(`${host.url}/api/datasources/proxy/uid/up/unauth`, { headers: { cookie: admin } });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Authentication to data source failed');
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect((await fetch(`${host.url}/api/datasources/proxy/uid/nope/x`, { headers: { cookie: admin } })).status).toBe(404);
    expect((await fetch(`${host.url}/api/datasources/proxy/uid/b%20ad/x`, { headers: { cookie: admin } })).status).toBe(400);
  });
});

describe('/api/ds/query', () => {
  it('returns the nested-set flame graph frame from the querier, and errors per refId with HTTP 400', async () => {
    const admin = await login('admin');
    const query = (q: Record<string, unknown>) =>
      fetch(`${host.url}/api/ds/query?ds_type=grafana-pyroscope-datasource`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'now-1h', to: 'now', queries: [{ refId: 'A', datasource: { uid: 'pyro', type: 'grafana-pyroscope-datasource' }, queryType: 'profile', ...q }] }),
      });
    const res = await query({ profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', labelSelector: '{service_name="svc"}' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.A.status).toBe(200);
    expect(body.results.A.frames[0].data.values).toEqual([[0, 1, 2, 3, 2], [100, 100, 40, 30, 60], [0, 0, 10, 30, 60], [0, 1, 2, 3, 4]]);

    const bad = await query({ profileTypeId: 'nope', labelSelector: '{}' });
    expect(bad.status).toBe(400);
    const err = (await bad.json()).results.A;
    expect(err).toMatchObject({ status: 500, errorSource: 'downstream' });
    expect(err.error).toMatch(/^received error from client while getting profile: invalid_argument: profile-type selection must be/);

    // Linescope only asks for flame graphs; a time-series query gets an error naming what is supported.
    for (const queryType of ['metrics', 'both']) {
      const series = await (await query({ queryType, profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', labelSelector: '{}' })).json();
      expect(series.results.A).toMatchObject({
        status: 501,
        error: `this standalone host answers queryType "profile" only; "${queryType}" needs the time series (SelectSeries), which it does not implement`,
      });
    }
  });
});
