// The standalone host: serves the plugin's built dist/ the way Grafana does, a shell that provides Grafana's
// runtime in the browser, and the slice of Grafana's HTTP API the plugin uses.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { detailDto, frontendDto, listItemDto, PYROSCOPE_TYPE, sortedByName, type HostDataSource } from './datasources';
import { proxyDataSource, type ProxyLogEntry } from './ds-proxy';
import { indexHtml } from './index-html';
import { PluginSettingsStore, pluginSettingsDto, type PluginJson, type StoredPluginSettings } from './plugin-settings';
import { dsQuery, pyroscopeResource } from './pyroscope-backend';
import { startingResponse } from './starting';
import { fontFile, ICON_DIRS } from './static-assets';
import { appExtensions } from './grafana-api/extensions';
import { parseCookieHeader } from './grafana-api/proxy-rules';
import { deletedSessionCookies, SessionTokens, TOKEN_NEEDS_ROTATION_BODY, UNAUTHORIZED_BODY } from './grafana-api/session-tokens';
import { grafanaCombination, installedVersions } from './grafana-combinations';
import { currentUserDto, hasPermission, loginToken, sessionDigest, signedOutUserDto, USERS, type HostUser } from './users';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface HostOptions {
  port?: number;
  host?: string;
  /** Where plugin settings are persisted (plugin-settings.json). */
  dataDir: string;
  /** The plugin's built dist/ (module.js, plugin.json, chunks). */
  pluginDist?: string;
  /**
   * The Grafana/React combination (grafana-combinations.ts, default 13.0): its shell bundle is served, and its
   * @grafana/runtime version is the Grafana version the host reports.
   */
  grafana?: string;
  datasources: HostDataSource[];
  /** The app's row before anyone saves settings (like provisioning/plugins). Default: enabled, no jsonData. */
  initialSettings?: StoredPluginSettings;
  /** The login used when a browser arrives without a session (default admin). */
  defaultLogin?: string;
  /** The URL browsers use (Grafana's root_url), when it is not http://<host>:<port>, e.g. behind a proxy. */
  publicUrl?: string;
  /** Answer 503 "starting" until ready() is called (the stack behind the host is not up yet). Default: ready. */
  startingUntilReady?: boolean;
  /** Grafana's token_rotation_interval_minutes, in ms (default 10 minutes; the e2e stack sets seconds). */
  tokenRotationIntervalMs?: number;
  /** The sessions' clock (tests move it instead of waiting). */
  now?: () => number;
}

export interface RunningHost {
  url: string;
  /** From now on the host serves (see HostOptions.startingUntilReady). */
  ready(): void;
  proxyLog: ProxyLogEntry[];
  sessions: SessionTokens;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

async function serveFile(res: http.ServerResponse, root: string | string[], rel: string): Promise<void> {
  const roots = typeof root === 'string' ? [root] : root;
  const files = roots.map((r) => path.resolve(r, '.' + path.posix.normalize('/' + rel)));
  if (files.some((file, i) => !file.startsWith(path.resolve(roots[i])))) {
    res.writeHead(403).end();
    return;
  }
  const file = (await Promise.all(files.map((f) => fs.access(f).then(() => f, () => undefined)))).find(Boolean) ?? files[0];
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...extra }).end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) {
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Not Grafana's: set when the host signs a browser out, so that its next page load shows the login page instead of
 * signing the default user in again (the host's convenience for browsers that never signed in).
 */
const SIGNED_OUT_MARKER = 'linescope_host_signed_out';
const signedOut = () => [...deletedSessionCookies(), `${SIGNED_OUT_MARKER}=1; Path=/; SameSite=Lax`];

const ACCESS_DENIED = (action: string) => ({
  accessErrorId: `ACE${Math.floor(Math.random() * 1e10)}`,
  message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
  title: 'Access denied',
});

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const pluginDist = opts.pluginDist ?? path.join(REPO_ROOT, 'dist');
  const combination = grafanaCombination(opts.grafana);
  const shellDist = combination.shellDist;
  const grafanaVersion = installedVersions(combination).grafana;
  const sessions = new SessionTokens(opts.tokenRotationIntervalMs, opts.now);
  const proxyLog: ProxyLogEntry[] = [];
  const store = new PluginSettingsStore(path.join(opts.dataDir, 'plugin-settings.json'), opts.initialSettings ?? { enabled: true, pinned: true });
  const readPlugin = async (): Promise<PluginJson> => JSON.parse(await fs.readFile(path.join(pluginDist, 'plugin.json'), 'utf8'));
  const findDs = (uid: string | undefined) => (uid ? opts.datasources.find((d) => d.uid === uid) : opts.datasources.find((d) => d.isDefault) ?? opts.datasources[0]);
  let appUrl = '';

  const frontendSettings = async () => {
    const plugin = await readPlugin();
    const def = opts.datasources.find((d) => d.isDefault) ?? opts.datasources[0];
    return {
      appUrl,
      appSubUrl: '',
      buildInfo: { version: grafanaVersion, versionString: `Grafana v${grafanaVersion} (Linescope standalone host)`, buildstamp: 0, commit: 'linescope-host', commitShort: 'host', env: 'production', edition: 'Open Source', latestVersion: '', hasUpdate: false, hideVersion: false },
      defaultDatasource: def?.name ?? '',
      datasources: Object.fromEntries(opts.datasources.map((d) => [d.name, frontendDto(d)])),
      apps: {
        [plugin.id]: { id: plugin.id, path: `public/plugins/${plugin.id}/module.js`, version: plugin.info.version, preload: false, angular: { detected: false }, loadingStrategy: 'fetch', extensions: appExtensions(plugin), dependencies: plugin.dependencies ?? {} },
      },
      featureToggles: {},
      licenseInfo: { stateInfo: '', licenseUrl: '' },
      namespace: 'default',
      pluginsCDNBaseURL: '',
      rbacEnabled: true,
      liveEnabled: false,
      unifiedAlertingEnabled: false,
      windowTitlePrefix: 'Grafana - ',
    };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const p = url.pathname;
    const token = loginToken(req.headers.cookie);
    const session = sessions.lookup(token);
    const user = session.state === 'valid' ? USERS[session.login] : undefined;

    if (p.startsWith('/public/')) {
      const pluginPrefix = '/public/plugins/linescope-app/';
      if (p.startsWith(pluginPrefix)) {
        return serveFile(res, pluginDist, decodeURIComponent(p.slice(pluginPrefix.length)));
      }
      const icons = /^\/public\/(build\/)?img\/icons\/(.*)$/.exec(p);
      if (icons) {
        return serveFile(res, ICON_DIRS, decodeURIComponent(icons[2]));
      }
      const font = p.startsWith('/public/fonts/') ? fontFile(p.slice('/public/fonts/'.length)) : undefined;
      if (font) {
        return serveFile(res, font.root, font.file);
      }
      // Grafana's core Pyroscope plugin logo is not on npm; the fire icon stands in for it.
      if (p.startsWith('/public/plugins/grafana-pyroscope-datasource/img/')) {
        return serveFile(res, ICON_DIRS, 'unicons/fire.svg');
      }
      if (p.startsWith('/public/host/')) {
        return serveFile(res, shellDist, decodeURIComponent(p.slice('/public/host/'.length)));
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }

    // For tests and troubleshooting: what the data source proxy sent upstream (method, path, Cookie, status).
    if (p === '/__host/proxy-log') {
      return sendJson(res, 200, proxyLog);
    }

    // For tests: every rotation so far, and signing every browser out.
    if (p === '/__host/sessions') {
      return sendJson(res, 200, { rotationIntervalMs: sessions.rotationIntervalMs, rotations: sessions.rotations });
    }
    if (p === '/__host/sessions/revoke' && req.method === 'POST') {
      sessions.revokeAll();
      return sendJson(res, 200, { message: 'All sessions revoked' });
    }

    // Sign in as one of the host's users (Grafana's login form, reduced to a link).
    const login = /^\/login\/as\/([a-z]+)$/.exec(p);
    if (login && USERS[login[1]]) {
      // As Grafana's login, back to where the browser was sent away from (the redirect_to cookie) unless told.
      const redirectTo = parseCookieHeader(req.headers.cookie).find(([n]) => n === 'redirect_to')?.[1];
      const redirect = url.searchParams.get('redirect') ?? (redirectTo ? decodeURIComponent(redirectTo) : '/');
      const cookies = [...sessions.cookies(sessions.create(login[1])), `${SIGNED_OUT_MARKER}=; Path=/; Max-Age=0; SameSite=Lax`, 'redirect_to=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'];
      res.writeHead(302, { location: redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/', 'set-cookie': cookies }).end();
      return;
    }

    // The frontend's rotation (contextSrv's scheduled job, BackendSrv after a 401): no sign-in required, the
    // cookie's token is the credential; a token that is no session any more signs the browser out.
    if (p === '/api/user/auth-tokens/rotate' && req.method === 'POST') {
      const next = sessions.rotate(token, 'api');
      if (!next) {
        return sendJson(res, 401, UNAUTHORIZED_BODY, { 'set-cookie': signedOut() });
      }
      return sendJson(res, 200, {}, { 'set-cookie': sessions.cookies(next) });
    }
    // A page load with a token due for rotation goes through the rotate page and back (RotateUserAuthTokenRedirect).
    if (p === '/user/auth-tokens/rotate') {
      const next = sessions.rotate(token, 'page');
      const redirectTo = url.searchParams.get('redirectTo') ?? '/';
      const location = next && redirectTo.startsWith('/') && !redirectTo.startsWith('//') ? redirectTo : next ? '/' : '/login';
      res.writeHead(302, { location, 'set-cookie': next ? sessions.cookies(next) : signedOut() }).end();
      return;
    }

    if (p.startsWith('/api/')) {
      if (session.state === 'needs-rotation') {
        return sendJson(res, 401, TOKEN_NEEDS_ROTATION_BODY);
      }
      if (!user) {
        return sendJson(res, 401, UNAUTHORIZED_BODY);
      }
      return api(req, res, url, user);
    }

    // Every other path is a Grafana page: index.html with boot data.
    const headers: Record<string, string | string[]> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (session.state === 'needs-rotation') {
      res.writeHead(302, { location: `/user/auth-tokens/rotate?redirectTo=${encodeURIComponent(req.url ?? '/')}` }).end();
      return;
    }
    let pageUser = user;
    if (session.state === 'invalid' && p !== '/login') {
      // A session that ended (revoked, expired): Grafana's signed-out state, its login page.
      res.writeHead(302, { location: '/login', 'set-cookie': [...signedOut(), `redirect_to=${encodeURIComponent(req.url ?? '/')}; Path=/; HttpOnly; SameSite=Lax`] }).end();
      return;
    }
    const wasSignedOut = (req.headers.cookie ?? '').split(';').some((c) => c.trim() === `${SIGNED_OUT_MARKER}=1`);
    if (!pageUser && p !== '/login' && wasSignedOut) {
      res.writeHead(302, { location: '/login', 'set-cookie': `redirect_to=${encodeURIComponent(req.url ?? '/')}; Path=/; HttpOnly; SameSite=Lax` }).end();
      return;
    }
    if (!pageUser && p !== '/login') {
      // A browser that never signed in: the default user, so that `npm start` opens straight into the app.
      const loginName = opts.defaultLogin ?? 'admin';
      pageUser = USERS[loginName];
      const created = sessions.create(loginName);
      headers['set-cookie'] = sessions.cookies(created);
    }
    const bootData = { user: pageUser ? currentUserDto(pageUser) : signedOutUserDto(), settings: await frontendSettings(), navTree: [], assets: { light: '', dark: '' } };
    res.writeHead(200, headers).end(indexHtml(bootData, pageUser ? 'Linescope - Grafana' : 'Grafana'));
  };

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, user: HostUser) => {
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const cookie = req.headers.cookie;
    if (p.startsWith('/api/datasources/proxy/')) {
      // authorize(ac.EvalPermission(datasources.ActionQuery)) on the route (pkg/api/api.go).
      if (!hasPermission(user, 'datasources:query')) {
        return sendJson(res, 403, ACCESS_DENIED('datasources:query'));
      }
      const session = sessionDigest(sessions.firstTokenOf(loginToken(cookie)));
      return proxyDataSource(req, res, (uid) => opts.datasources.find((d) => d.uid === uid), grafanaVersion, (e) => {
        proxyLog.push({ session, ...e });
        if (proxyLog.length > 5000) {
          proxyLog.shift();
        }
      });
    }
    if (p === '/api/user' && method === 'GET') {
      return sendJson(res, 200, currentUserDto(user));
    }
    if ((p === '/api/frontend/settings' || p === '/api/frontend/settings/') && method === 'GET') {
      return sendJson(res, 200, await frontendSettings());
    }
    if (p === '/api/health') {
      return sendJson(res, 200, { commit: 'linescope-host', database: 'ok', version: grafanaVersion });
    }
    if (p === '/api/login/ping') {
      return sendJson(res, 200, { message: 'Logged in' });
    }
    const settings = /^\/api\/plugins\/([^/]+)\/settings$/.exec(p);
    if (settings) {
      const plugin = await readPlugin();
      if (settings[1] !== plugin.id) {
        return sendJson(res, 404, { message: 'Plugin not found, no installed plugin with that id' });
      }
      if (method === 'GET') {
        return sendJson(res, 200, pluginSettingsDto(plugin, await store.read(), ''));
      }
      if (method === 'POST') {
        if (!hasPermission(user, 'plugins:write')) {
          return sendJson(res, 403, ACCESS_DENIED('plugins:write'));
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(await readBody(req));
          if (!body || typeof body !== 'object' || Array.isArray(body)) {
            throw new Error('not an object');
          }
        } catch {
          return sendJson(res, 400, { message: 'bad request data' });
        }
        try {
          await store.update(body);
        } catch {
          return sendJson(res, 500, { message: 'Failed to update plugin setting' });
        }
        return sendJson(res, 200, { message: 'Plugin settings updated' });
      }
    }
    if (p === '/api/datasources' && method === 'GET') {
      if (!hasPermission(user, 'datasources:read')) {
        return sendJson(res, 403, ACCESS_DENIED('datasources:read'));
      }
      return sendJson(res, 200, sortedByName(opts.datasources).map(listItemDto));
    }
    const byUid = /^\/api\/datasources\/uid\/([^/]+)$/.exec(p);
    if (byUid && method === 'GET') {
      const ds = opts.datasources.find((d) => d.uid === decodeURIComponent(byUid[1]));
      if (!ds) {
        return sendJson(res, 404, { message: 'Data source not found' });
      }
      if (!hasPermission(user, 'datasources:read')) {
        return sendJson(res, 403, ACCESS_DENIED('datasources:read'));
      }
      return sendJson(res, 200, detailDto(ds));
    }
    const resource = /^\/api\/datasources\/uid\/([^/]+)\/resources\/(.+)$/.exec(p);
    if (resource && method === 'GET') {
      const ds = opts.datasources.find((d) => d.uid === decodeURIComponent(resource[1]));
      if (!ds) {
        return sendJson(res, 404, { message: 'Data source not found' });
      }
      const r = await pyroscopeResource(ds, resource[2], url.searchParams, cookie);
      return sendJson(res, r.status, r.body);
    }
    if (p === '/api/ds/query' && method === 'POST') {
      if (!hasPermission(user, 'datasources:query')) {
        return sendJson(res, 403, ACCESS_DENIED('datasources:query'));
      }
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return sendJson(res, 400, { message: 'bad request data' });
      }
      const r = await dsQuery(body, (uid) => {
        const ds = findDs(uid);
        return ds?.type === PYROSCOPE_TYPE ? ds : undefined;
      }, cookie);
      return sendJson(res, r.status, r.body);
    }
    return sendJson(res, 404, { message: 'Not found' });
  };

  let ready = !opts.startingUntilReady;
  const server = http.createServer((req, res) => {
    if (!ready) {
      const starting = startingResponse(new URL(req.url ?? '/', 'http://host').pathname);
      res.writeHead(starting.status, starting.headers).end(starting.body);
      return;
    }
    handle(req, res).catch((e) => {
      console.error('host: request failed', req.method, req.url, e);
      if (!res.headersSent) {
        sendJson(res, 500, { message: 'Internal Server Error' });
      } else {
        res.destroy();
      }
    });
  });
  // Grafana's Go server keeps idle connections open; Node's 5 s default closes sockets a client is about to reuse
  // (ECONNRESET on a test's next request).
  server.keepAliveTimeout = 120_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Listening on all interfaces: browsers on this machine still reach it on the loopback address.
  const url = (opts.publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '');
  appUrl = `${url}/`;
  return {
    url,
    proxyLog,
    ready: () => {
      ready = true;
    },
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
