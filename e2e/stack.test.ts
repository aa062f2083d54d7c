/**
 * The standalone stack as `npm start` builds it (with a source server URL given, so that no build is needed): it
 * starts again on the same data folder, its GitHub double serves the standard-library stand-ins and sends the
 * authorize page's browser to the host's callback.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startSourceServer, startStack, type Stack } from './stack';

describe('startStack', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linescope-stack-'));
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () => startStack({ port: 0, dataDir, sourceServerUrl: 'http://127.0.0.1:9' });

  it('answers only "starting" (503) until its data source is there, and serves it from the moment it resolves', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    let resolved = false;
    const starting = startStack({ port, dataDir, sourceServerUrl: 'http://127.0.0.1:9' }).then((s) => {
      resolved = true;
      return s;
    });
    const seen = new Set<string>();
    // What a quick user's browser gets while the stack starts: nothing listening yet, or 503, never an app
    // without its data source.
    while (!resolved) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/frontend/settings`).then(
        (r) => `${r.status}`,
        () => 'refused'
      );
      seen.add(answer);
      await new Promise((r) => setTimeout(r, 20));
    }
    stack = await starting;
    // A 401 would mean the host served (this request has no Grafana session) before the stack was up.
    expect([...seen].filter((a) => a !== 'refused' && a !== '503')).toEqual([]);
    expect(seen.has('503')).toBe(true);
    const login = await fetch(`${stack.url}/login/as/admin`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const datasources = await (await fetch(`${stack.url}/api/datasources`, { headers: { cookie } })).json();
    expect(datasources.map((d: { name: string }) => d.name)).toEqual(['Pyroscope']);
  }, 60_000);

  it('starts twice on the same data folder (the sample repositories are rebuilt)', async () => {
    stack = await start();
    const first = await (await fetch(`${stack.githubUrl}/repos/linescope-demo/shop-go/commits/HEAD`)).json();
    await stack.close();
    stack = await start();
    const second = await (await fetch(`${stack.githubUrl}/repos/linescope-demo/shop-go/commits/HEAD`)).json();
    expect(second.sha).toBe(first.sha);
  }, 60_000);

  it("serves golang/go, python/cpython, ruby/ruby and nodejs/node made of this machine's toolchain files, and says which", async () => {
    stack = await start();
    expect(stack.standInNotes).toEqual([
      expect.stringMatching(/^golang\/go at go1\.19, go1\.19\.8: \d+ files from \/usr\/lib\/go-1\.19\/src$/),
      expect.stringMatching(/^python\/cpython at branch 3\.11: \d+ files? from \/usr\/lib\/python3\.11$/),
      expect.stringMatching(/^openjdk\/jdk17u/),
      expect.stringMatching(/^ruby\/ruby at branch ruby_3_1: \d+ files? from \/usr\/lib\/ruby\/3\.1\.0$/),
      expect.stringMatching(/^nodejs\/node at v20\.20\.2: \d+ files from the library built into Node v20\.20\.2$/),
    ]);
    const proc = await fetch(`${stack.githubUrl}/repos/golang/go/contents/src/runtime/proc.go?ref=go1.19.8`, {
      headers: { accept: 'application/vnd.github.raw' },
    });
    expect(proc.status).toBe(200);
    expect(await proc.text()).toContain('package runtime');
    const encoder = await fetch(`${stack.githubUrl}/repos/python/cpython/contents/Lib/json/encoder.py?ref=3.11`);
    expect(encoder.status).toBe(200);
    const raw = { headers: { accept: 'application/vnd.github.raw' } };
    const set = await fetch(`${stack.githubUrl}/repos/ruby/ruby/contents/lib/set.rb?ref=ruby_3_1`, raw);
    expect(await set.text()).toContain('class Set');
    const hash = await fetch(`${stack.githubUrl}/repos/nodejs/node/contents/lib/internal/crypto/hash.js?ref=v20.20.2`, raw);
    expect(await hash.text()).toContain('function Hash(');
  }, 60_000);

  it("sends the double's Authorize button to the host's callback page", async () => {
    stack = await start();
    const res = await fetch(`${stack.githubUrl}/login/oauth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: stack.github!.clientId, state: 's1' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${stack.url}/a/linescope-app/github/callback`);
    expect(location.searchParams.get('state')).toBe('s1');
  }, 60_000);

  it("serves the sample repositories on the GitLab double too, and sends its Authorize button to the same callback", async () => {
    stack = await start();
    const goMod = await fetch(`${stack.gitlab!.apiUrl}/projects/linescope-demo%2Fshop-go/repository/files/go.mod/raw?ref=v1.0.0`);
    expect(await goMod.text()).toMatch(/^module /m);
    const callback = `${stack.url}/a/linescope-app/github/callback`;
    const res = await fetch(`${stack.gitlabUrl}/oauth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: stack.gitlab!.clientId, redirect_uri: callback, response_type: 'code', state: 's2', authorize: '1' }),
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get('state')).toBe('s2');
    const elsewhere = await fetch(`${stack.gitlabUrl}/oauth/authorize?client_id=${stack.gitlab!.clientId}&response_type=code&redirect_uri=http://evil.test/`);
    expect(elsewhere.status).toBe(400);
  }, 60_000);

  it('serves the sample repositories on the Bitbucket double too, whose consumer sends its grant to the same callback', async () => {
    stack = await start();
    const goMod = await fetch(`${stack.bitbucket!.apiUrl}/repositories/linescope-demo/shop-go/src/v1.0.0/go.mod`);
    expect(await goMod.text()).toMatch(/^module /m);
    const callback = `${stack.url}/a/linescope-app/github/callback`;
    const res = await fetch(`${stack.bitbucketUrl}/site/oauth2/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: stack.bitbucket!.clientId, redirect_uri: callback, response_type: 'code', state: 's3', grant: '1' }),
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get('state')).toBe('s3');
    const elsewhere = await fetch(`${stack.bitbucketUrl}/site/oauth2/authorize?client_id=${stack.bitbucket!.clientId}&response_type=code&redirect_uri=http://evil.test/`);
    expect(elsewhere.status).toBe(400);
  }, 60_000);

  it('serves the sample repositories on the Azure DevOps double in one project, whose Entra app sends its grant to the same callback', async () => {
    stack = await start();
    const azure = stack.azureDevops!;
    expect(stack.azureDevopsUrl).toBe(azure.url);
    const item = new URL(`${azure.url}/linescope-demo/shop/_apis/git/repositories/shop-go/items`);
    item.search = new URLSearchParams({
      path: '/go.mod',
      'versionDescriptor.version': 'v1.0.0',
      'versionDescriptor.versionType': 'tag',
      'api-version': '7.1',
    }).toString();
    const goMod = await fetch(item, { headers: { accept: 'application/octet-stream' } });
    expect(await goMod.text()).toMatch(/^module /m);
    const callback = `${stack.url}/a/linescope-app/github/callback`;
    const authorize = `${azure.loginUrl}/${azure.tenant}/oauth2/v2.0/authorize`;
    const scope = '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access';
    const res = await fetch(authorize, {
      method: 'POST',
      body: new URLSearchParams({ client_id: azure.clientId, redirect_uri: callback, response_type: 'code', scope, state: 's4', accept: '1' }),
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get('state')).toBe('s4');
    expect(location.searchParams.get('code')).toBeTruthy();
    const elsewhere = await fetch(`${authorize}?${new URLSearchParams({ client_id: azure.clientId, response_type: 'code', scope, redirect_uri: 'http://evil.test/' })}`);
    expect(elsewhere.status).toBe(400);
  }, 60_000);

  it('says why the source server stopped at start (its configuration problems), not only its exit code', async () => {
    const main = path.join(dataDir, 'refusing-server.js');
    writeFileSync(
      main,
      'process.stderr.write(\'linescope-server: invalid configuration:\\n  - LOG_LEVEL="loud" must be one of …\\n\'); process.exit(2);'
    );
    await expect(startSourceServer({}, () => undefined, main)).rejects.toThrow(
      'the source server exited with code 2:\nlinescope-server: invalid configuration:\n  - LOG_LEVEL="loud" must be one of …'
    );
  });
});
