// The Grafana/React combinations the host runs the plugin on are coherent installs, and plugin.json claims exactly them.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { GRAFANA_COMBINATIONS, grafanaCombination, installedVersions, packageDir } from './grafana-combinations';
import { startHost } from './server';

const REPO_ROOT = path.resolve(__dirname, '../..');
const pluginJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'src/plugin.json'), 'utf8'));

const peerDependencies = (dir: string, name: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(packageDir(dir, name), 'package.json'), 'utf8')).peerDependencies ?? {};

describe('the combinations', () => {
  it('are Grafana 13.0 on React 18 and Grafana 13.2 on React 19', () => {
    const seen = GRAFANA_COMBINATIONS.map((c) => {
      const v = installedVersions(c);
      return `${c.line}: Grafana ${semver.major(v.grafana)}.${semver.minor(v.grafana)}, React ${semver.major(v.react)}`;
    });
    expect(seen).toEqual(['13.0: Grafana 13.0, React 18', '13.2: Grafana 13.2, React 19']);
  });

  it.each(GRAFANA_COMBINATIONS.map((c) => [c.line, c]))(
    '%s has one version of its Grafana packages and the React they ask for',
    (_, c) => {
      const v = installedVersions(c);
      for (const name of ['@grafana/ui', '@grafana/data', '@grafana/runtime', '@grafana/i18n']) {
        const version = JSON.parse(
          readFileSync(path.join(packageDir(c.packagesDir, name), 'package.json'), 'utf8')
        ).version;
        expect(`${name}@${version}`).toBe(`${name}@${v.grafana}`);
        const peers = peerDependencies(c.packagesDir, name);
        if (peers.react) {
          expect(`${name} wants react ${peers.react}: ${semver.satisfies(v.react, peers.react)}`).toBe(
            `${name} wants react ${peers.react}: true`
          );
        }
      }
      expect(v.reactDom).toBe(v.react);
    }
  );

  it('refuses a line it does not have, naming the ones it has', () => {
    expect(() => grafanaCombination('12.4')).toThrow(
      'No Grafana combination "12.4" in the standalone host (known: 13.0, 13.2)'
    );
    expect(grafanaCombination(undefined).line).toBe('13.0');
  });

  it('says which package is missing rather than resolving a wrong one', () => {
    expect(() => packageDir(path.join(REPO_ROOT, 'e2e/host/grafana-13.2'), '@linescope/not-a-package')).toThrow(
      '@linescope/not-a-package is not installed for e2e/host/grafana-13.2: run `npm install`'
    );
  });
});

describe("plugin.json's grafanaDependency", () => {
  const range: string = pluginJson.dependencies.grafanaDependency;
  const lines = GRAFANA_COMBINATIONS.map((c) => semver.coerce(c.line)!).sort(semver.compare);
  const oldest = lines[0];
  const newest = lines[lines.length - 1];

  it('admits every tested Grafana version and every patch release of the tested minors', () => {
    for (const c of GRAFANA_COMBINATIONS) {
      const installed = installedVersions(c).grafana;
      expect(`${installed}: ${semver.satisfies(installed, range)}`).toBe(`${installed}: true`);
      expect(semver.satisfies(`${c.line}.0`, range)).toBe(true);
      expect(semver.satisfies(`${c.line}.99`, range)).toBe(true);
    }
  });

  it('claims nothing older than the oldest tested minor nor newer than the newest', () => {
    expect(semver.minVersion(range)?.version).toBe(`${oldest.major}.${oldest.minor}.0`);
    const nextMinor = `${newest.major}.${newest.minor + 1}.0`;
    expect(`${nextMinor}: ${semver.satisfies(nextMinor, range)}`).toBe(`${nextMinor}: false`);
    expect(semver.satisfies(`${newest.major + 1}.0.0`, range)).toBe(false);
  });
});

describe('the host on a combination', () => {
  it.each(GRAFANA_COMBINATIONS.map((c) => [c.line, c]))(
    '%s tells the browser the Grafana version it runs on',
    async (line, c) => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linescope-host-combination-'));
      const pluginDist = path.join(dataDir, 'dist');
      await fs.mkdir(pluginDist);
      await fs.writeFile(
        path.join(pluginDist, 'plugin.json'),
        JSON.stringify({ id: 'linescope-app', type: 'app', name: 'Linescope', info: { version: '1.2.3' } })
      );
      const host = await startHost({ port: 0, dataDir, pluginDist, datasources: [], grafana: line });
      try {
        const login = await fetch(`${host.url}/login/as/admin`, { redirect: 'manual' });
        const cookie = login.headers
          .getSetCookie()
          .find((v) => v.startsWith('grafana_session='))!
          .split(';')[0];
        const settings = await (await fetch(`${host.url}/api/frontend/settings`, { headers: { cookie } })).json();
        expect(settings.buildInfo.version).toBe(installedVersions(c).grafana);
      } finally {
        await host.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    }
  );
});
