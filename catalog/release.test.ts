import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipEntries } from './archive';
import { changelogVersion, writePluginArchive } from './release';

const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));

describe('one version everywhere', () => {
  const version = json('package.json').version as string;

  it('package.json, the workspaces, CHANGELOG.md and the server image agree', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    // Every workspace (package.json's "workspaces": server and each folder of packages/).
    const workspaces = ['server', ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}`)];
    expect(workspaces.length).toBeGreaterThan(3);
    for (const path of workspaces.map((w) => `${w}/package.json`)) {
      expect({ path, version: json(path).version }).toEqual({ path, version });
    }
    expect(changelogVersion(read('CHANGELOG.md'))).toBe(version);
    // The image deployments pull is the release's (the release workflow tags it with package.json's version).
    expect(read('deploy/kubernetes/kustomization.yaml')).toMatch(
      new RegExp(`newTag: ${version.replace(/\./g, '\\.')}\\b`)
    );
  });

  it("plugin.json takes package.json's version at build time", () => {
    expect(json('src/plugin.json').info.version).toBe('%VERSION%');
  });

  it('the release workflow checks the tag against package.json and tags the image with the same version', () => {
    const workflow = read('.github/workflows/release.yml');
    expect(workflow).toContain('npm pkg get version');
    expect(workflow).toMatch(/linescope-server:\$\{\{ *needs\.plugin\.outputs\.version *\}\}/);
  });

  it('engines name the same oldest Node in every package', () => {
    const engines = [
      'package.json',
      'server/package.json',
      'packages/linescope-labels/package.json',
      'packages/repository-url/package.json',
    ].map((path) => json(path).engines?.node);
    expect(new Set(engines)).toEqual(new Set([json('package.json').engines.node]));
  });
});

describe('changelogVersion', () => {
  it('skips Unreleased and reads the first version heading', () => {
    expect(changelogVersion('# Changelog\n\n## Unreleased\n\n- x\n\n## 0.3.0 (unreleased)\n\n## 0.2.0\n')).toBe(
      '0.3.0'
    );
    expect(changelogVersion('## v1.2.3-rc.1\n')).toBe('1.2.3-rc.1');
    expect(changelogVersion('## Unreleased\n')).toBeUndefined();
  });
});

describe('the release archive', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'linescope-package-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds dist/ under one <id>/ folder, named <id>-<version>.zip, with matching checksums', () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'img'), { recursive: true });
    writeFileSync(join(dist, 'plugin.json'), JSON.stringify({ id: 'linescope-app', info: { version: '1.2.3' } }));
    writeFileSync(join(dist, 'module.js'), 'define([],function(){})');
    writeFileSync(join(dist, 'img', 'logo.svg'), '<svg/>');
    const written = writePluginArchive(dist, 'linescope-app', join(dir, 'out'));
    expect(written.zipPath).toBe(join(dir, 'out', 'linescope-app-1.2.3.zip'));
    const zip = readFileSync(written.zipPath);
    expect([...unzipEntries(zip).keys()].sort()).toEqual([
      'linescope-app/img/logo.svg',
      'linescope-app/module.js',
      'linescope-app/plugin.json',
    ]);
    expect(readFileSync(`${written.zipPath}.sha1`, 'utf8')).toBe(
      `${createHash('sha1').update(zip).digest('hex')}  linescope-app-1.2.3.zip\n`
    );
    expect(readFileSync(`${written.zipPath}.sha256`, 'utf8')).toBe(
      `${createHash('sha256').update(zip).digest('hex')}  linescope-app-1.2.3.zip\n`
    );
  });

  it('refuses an unbuilt plugin.json (its %VERSION% placeholder)', () => {
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'plugin.json'), JSON.stringify({ id: 'linescope-app', info: { version: '%VERSION%' } }));
    expect(() => writePluginArchive(dist, 'linescope-app', join(dir, 'out'))).toThrow(/build the plugin first/);
  });
});
