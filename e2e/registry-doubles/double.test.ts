import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { unpackTar } from 'modern-tar';
import { startRegistryDouble, type RegistryDouble } from '.';
import { makeTestCertificates } from '../double-server/certificates';
import {
  recordedGems,
  recordedGoModules,
  recordedMavenArtifacts,
  recordedNpmPackages,
  recordedPythonReleases,
} from './recorded';

describe('the registry double', () => {
  let double: RegistryDouble;
  beforeAll(async () => {
    double = await startRegistryDouble({
      goModules: [
        { module: 'github.com/BurntSushi/toml', version: 'v1.3.2', files: { 'decode.go': 'package toml' } },
        { module: 'example.org/gone', version: 'v1.0.0', files: {}, gone: true },
      ],
      npmPackages: [{ name: '@scope/b', version: '1.2.0', files: { 'index.js': 'x' } }],
      pythonReleases: [{ name: 'PyYAML', version: '6.0.1', files: { 'yaml/__init__.py': '' } }],
      gems: [{ name: 'rack', version: '3.0.8', files: { 'lib/rack.rb': '' } }],
      mavenArtifacts: [{ groupId: 'org.example', artifactId: 'nosources', version: '1.0' }],
    });
  });
  afterAll(() => double.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${double.url}${path}`, { headers, redirect: 'manual' });

  it('speaks GOPROXY: escaped paths, zips under module@version/, 404 and 410 misses in plain text', async () => {
    const zip = await get('/goproxy/github.com/!burnt!sushi/toml/@v/v1.3.2.zip');
    expect(zip.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toEqual([
      'github.com/BurntSushi/toml@v1.3.2/decode.go',
    ]);
    expect(await (await get('/goproxy/github.com/!burnt!sushi/toml/@v/list')).text()).toBe('v1.3.2\n');
    expect(await (await get('/goproxy/github.com/!burnt!sushi/toml/@v/v1.3.2.info')).json()).toMatchObject({
      Version: 'v1.3.2',
    });
    const unescaped = await get('/goproxy/github.com/BurntSushi/toml/@v/v1.3.2.zip');
    expect(unescaped.status).toBe(404);
    const gone = await get('/goproxy/example.org/gone/@v/v1.0.0.zip');
    expect([gone.status, gone.headers.get('content-type')]).toEqual([410, 'text/plain; charset=utf-8']);
  });

  it('speaks npm: scoped documents, the abbreviated form on request, 404 as JSON', async () => {
    const abbreviated = await get('/npm/@scope%2fb', { accept: 'application/vnd.npm.install-v1+json' });
    expect(abbreviated.headers.get('content-type')).toBe('application/vnd.npm.install-v1+json');
    const document = (await abbreviated.json()) as { versions: Record<string, { dist: { tarball: string } }> };
    expect(document.versions['1.2.0'].dist.tarball).toBe(`${double.npmUrl}/@scope/b/-/b-1.2.0.tgz`);
    expect((await get('/npm/@scope/b/-/b-1.2.0.tgz')).status).toBe(200);
    const missing = await get('/npm/absent');
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'Not found' }]);
  });

  it('speaks PyPI, RubyGems and Maven: redirects and misses as documented', async () => {
    const spelled = await get('/pypi/pypi/PyYAML/6.0.1/json');
    expect([spelled.status, spelled.headers.get('location')]).toEqual([301, '/pypi/pypi/pyyaml/6.0.1/json']);
    const gem = await get('/rubygems/gems/rack-3.0.8.gem');
    expect([gem.status, gem.headers.get('location')]).toEqual([302, '/rubygems/downloads/rack-3.0.8.gem']);
    const jar = await get('/maven/org/example/nosources/1.0/nosources-1.0-sources.jar');
    expect([jar.status, await jar.text()]).toEqual([404, '']);
  });

  it('serves the recorded sample dependencies with their licenses', () => {
    const modules = recordedGoModules();
    expect(modules.map((m) => `${m.module}@${m.version}`).sort()).toEqual([
      'github.com/grafana/pyroscope-go/godeltaprof@v0.1.12',
      'github.com/grafana/pyroscope-go@v1.5.0',
      'github.com/klauspost/compress@v1.20.2',
      'golang.org/x/text@v0.21.0',
    ]);
    const packages = recordedNpmPackages();
    // The private @linescope-demo/canonical-json is on no registry, so nothing is recorded for it.
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual(['@noble/hashes@1.8.0']);
    for (const files of [...modules, ...packages].map((m) => m.files)) {
      expect(Object.keys(files)).toContain('LICENSE');
    }
  });

  it('serves a recorded scoped npm package: its document, and a tarball with the recorded bytes under package/', async () => {
    const [noble] = recordedNpmPackages();
    const recorded = await startRegistryDouble({ npmPackages: [noble] });
    try {
      const document = (await (await fetch(`${recorded.npmUrl}/@noble%2fhashes/1.8.0`)).json()) as {
        dist: { tarball: string };
      };
      const tarball = gunzipSync(Buffer.from(await (await fetch(document.dist.tarball)).arrayBuffer()));
      expect(tarball.includes(Buffer.from('package/sha2.js'))).toBe(true);
      expect(tarball.includes(Buffer.from(noble.files['sha2.js']))).toBe(true);
      expect((await fetch(`${recorded.npmUrl}/@linescope-demo%2fcanonical-json/1.0.0`)).status).toBe(404);
    } finally {
      await recorded.close();
    }
  });

  it('serves https with a test certificate for 127.0.0.1, trusted only with its CA', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linescope-registry-tls-'));
    const { key, cert, caFile } = makeTestCertificates(dir, ['IP:127.0.0.1']);
    const secure = await startRegistryDouble({ npmPackages: recordedNpmPackages(), tls: { key, cert } });
    const get = (ca?: Buffer) =>
      new Promise<number>((resolve, reject) => {
        https
          .get(`${secure.npmUrl}/@noble%2fhashes/1.8.0`, { ca }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
    try {
      expect(secure.npmUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/npm$/);
      expect(await get(readFileSync(caFile))).toBe(200);
      await expect(get()).rejects.toThrow(/self-signed|certificate/);
    } finally {
      await secure.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(recordedPythonReleases().map((r) => [r.name, r.version, Object.keys(r.files).sort()])).toEqual([
      ['sortedcontainers', '2.4.0', ['sortedcontainers-2.4.0.dist-info/LICENSE', 'sortedcontainers/sortedlist.py']],
    ]);
    expect(
      recordedMavenArtifacts().map((a) => [a.groupId, a.artifactId, a.version, Object.keys(a.sources!).sort()])
    ).toEqual([
      [
        'org.apache.commons',
        'commons-lang3',
        '3.14.0',
        [
          'META-INF/LICENSE.txt',
          'org/apache/commons/lang3/CharSequenceUtils.java',
          'org/apache/commons/lang3/StringUtils.java',
        ],
      ],
    ]);
    // Taken from the installed gem (rubygems.org is out of reach where the samples are recorded; see record-packages.ts).
    expect(recordedGems().map((g) => [g.name, g.version, Object.keys(g.files)])).toEqual([
      ['webrick', '1.8.1', ['lib/webrick/httputils.rb']],
    ]);
  });

  it('serves the recorded wheel, sources jar and gem as their registries lay them out', async () => {
    const recorded = await startRegistryDouble({
      pythonReleases: recordedPythonReleases(),
      mavenArtifacts: recordedMavenArtifacts(),
      gems: recordedGems(),
    });
    try {
      const release = (await (await fetch(`${recorded.pypiUrl}/sortedcontainers/2.4.0/json`)).json()) as {
        urls: Array<{ filename: string; url: string }>;
      };
      expect(release.urls.map((u) => u.filename)).toEqual(['sortedcontainers-2.4.0-py3-none-any.whl']);
      const wheel = unzipSync(new Uint8Array(await (await fetch(release.urls[0].url)).arrayBuffer()));
      expect(new TextDecoder().decode(wheel['sortedcontainers/sortedlist.py'])).toContain('class SortedKeyList(');

      const jar = await fetch(
        `${recorded.mavenUrl}/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0-sources.jar`
      );
      const sources = unzipSync(new Uint8Array(await jar.arrayBuffer()));
      expect(new TextDecoder().decode(sources['org/apache/commons/lang3/StringUtils.java'])).toContain(
        'public static int indexOfIgnoreCase(final CharSequence str, final CharSequence searchStr'
      );

      const gem = await fetch(`${recorded.rubygemsUrl}/gems/webrick-1.8.1.gem`);
      const outer = await unpackTar(new Uint8Array(await gem.arrayBuffer()));
      expect(outer.map((e) => e.header.name)).toEqual(['metadata.gz', 'data.tar.gz']);
      const data = await unpackTar(gunzipSync(outer[1].data!));
      expect(new TextDecoder().decode(data.find((e) => e.header.name === 'lib/webrick/httputils.rb')!.data)).toContain(
        'def parse_query(str)'
      );
    } finally {
      await recorded.close();
    }
  });
});
