import { npmFrameOf } from '../../src/registries/npm/frame';
import { npmVersion } from '../../src/registries/npm/version';
import { versionFromPackageLock } from '../../src/registries/locks/package-lock';
import { versionFromPnpmLock } from '../../src/registries/locks/pnpm-lock';
import { versionFromYarnLock } from '../../src/registries/locks/yarn-lock';

describe('npm frames', () => {
  it('reads plain, scoped and nested installs', () => {
    expect(npmFrameOf('/app/node_modules/express/lib/router/index.js')).toEqual({
      name: 'express',
      version: undefined,
      lockKey: 'node_modules/express',
      path: 'lib/router/index.js',
    });
    expect(npmFrameOf('/app/node_modules/a/node_modules/@scope/b/dist/x.js')).toEqual({
      name: '@scope/b',
      version: undefined,
      lockKey: 'node_modules/a/node_modules/@scope/b',
      path: 'dist/x.js',
    });
    expect(npmFrameOf('file:///srv/app/node_modules/ms/index.js')?.lockKey).toBe('node_modules/ms');
  });

  it('takes the version from pnpm and Yarn PnP paths', () => {
    expect(
      npmFrameOf(
        '/app/node_modules/.pnpm/@babel+core@7.23.9_supports-color@8.1.1/node_modules/@babel/core/lib/index.js'
      )
    ).toMatchObject({
      name: '@babel/core',
      version: '7.23.9',
      path: 'lib/index.js',
    });
    expect(
      npmFrameOf('/app/node_modules/.pnpm/react-dom@18.2.0(react@18.2.0)/node_modules/react-dom/index.js')?.version
    ).toBe('18.2.0');
    expect(
      npmFrameOf('/app/.yarn/cache/lodash-npm-4.17.21-6382451519-eb835a2e51.zip/node_modules/lodash/lodash.js')
    ).toMatchObject({
      name: 'lodash',
      version: '4.17.21',
    });
  });

  it('leaves application files, bare package folders and climbing paths alone', () => {
    expect(npmFrameOf('/app/src/server.js')).toBeUndefined();
    expect(npmFrameOf('/app/node_modules/express')).toBeUndefined();
    expect(npmFrameOf('/app/node_modules/@scope/')).toBeUndefined();
    expect(npmFrameOf('/app/node_modules/x/../../etc/passwd')).toBeUndefined();
  });
});

const v3 = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { name: 'app' },
    'node_modules/ms': { version: '2.1.3' },
    'node_modules/a/node_modules/ms': { version: '2.0.0' },
    'node_modules/alias': { name: 'real-pkg', version: '1.0.0' },
    'node_modules/shared': { resolved: 'packages/shared', link: true },
  },
});

describe('package-lock.json', () => {
  it('reads v2/v3 install paths, nested installs, aliases and links', () => {
    expect(versionFromPackageLock(v3, 'node_modules/ms', 'ms')).toEqual({ name: 'ms', version: '2.1.3' });
    expect(versionFromPackageLock(v3, 'node_modules/a/node_modules/ms', 'ms')).toEqual({
      name: 'ms',
      version: '2.0.0',
    });
    expect(versionFromPackageLock(v3, 'node_modules/alias', 'alias')).toEqual({ name: 'real-pkg', version: '1.0.0' });
    expect(versionFromPackageLock(v3, 'node_modules/shared', 'shared')).toEqual({
      problem: 'installs node_modules/shared as a link (a workspace), not from the registry',
    });
    expect(versionFromPackageLock(v3, 'node_modules/absent', 'absent')).toBeUndefined();
  });

  it('matches a workspace frame against the root lock', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { 'apps/web/node_modules/ms': { version: '2.1.1' } } });
    expect(versionFromPackageLock(lock, 'node_modules/ms', 'ms')).toEqual({ name: 'ms', version: '2.1.1' });
  });

  it('reads v1 nested dependencies', () => {
    const v1 = JSON.stringify({
      lockfileVersion: 1,
      dependencies: { a: { version: '1.0.0', dependencies: { ms: { version: '2.0.0' } } }, ms: { version: '2.1.3' } },
    });
    expect(versionFromPackageLock(v1, 'node_modules/a/node_modules/ms', 'ms')).toEqual({
      name: 'ms',
      version: '2.0.0',
    });
    expect(versionFromPackageLock(v1, 'node_modules/ms', 'ms')).toEqual({ name: 'ms', version: '2.1.3' });
  });

  it('explains a lock that is not JSON', () => {
    expect(versionFromPackageLock('{ not json', 'node_modules/ms', 'ms')).toMatchObject({
      problem: expect.stringContaining('is not JSON'),
    });
  });
});

describe('yarn.lock', () => {
  it('reads Yarn v1', () => {
    const lock = `# yarn lockfile v1\n\n\nms@^2.1.1, ms@^2.1.3:\n  version "2.1.3"\n  resolved "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"\n\n"@scope/b@^1.0.0":\n  version "1.2.0"\n`;
    expect(versionFromYarnLock(lock, 'ms')).toEqual({ name: 'ms', version: '2.1.3' });
    expect(versionFromYarnLock(lock, '@scope/b')).toEqual({ name: '@scope/b', version: '1.2.0' });
    expect(versionFromYarnLock(lock, 'absent')).toBeUndefined();
  });

  it('reads Berry, skipping workspaces and following npm aliases', () => {
    const lock = `__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"ms@npm:^2.1.3":\n  version: 2.1.3\n  resolution: "ms@npm:2.1.3"\n  checksum: 10c0/abc\n  languageName: node\n  linkType: hard\n\n"shared@workspace:packages/shared":\n  version: 0.0.0-use.local\n  resolution: "shared@workspace:packages/shared"\n\n"alias@npm:real-pkg@^1":\n  version: 1.0.0\n  resolution: "real-pkg@npm:1.0.0"\n`;
    expect(versionFromYarnLock(lock, 'ms')).toEqual({ name: 'ms', version: '2.1.3' });
    expect(versionFromYarnLock(lock, 'shared')).toBeUndefined();
    expect(versionFromYarnLock(lock, 'alias')).toEqual({ name: 'real-pkg', version: '1.0.0' });
  });

  it('says when one name is locked at several versions', () => {
    const lock = `# yarn lockfile v1\n\nms@^2.0.0:\n  version "2.0.0"\n\nms@^2.1.0:\n  version "2.1.3"\n`;
    expect(versionFromYarnLock(lock, 'ms')).toEqual({
      problem: 'locks ms at several versions (ms@2.0.0, ms@2.1.3) and does not say which is installed where',
    });
  });
});

describe('pnpm-lock.yaml', () => {
  it.each([
    [
      'v9',
      `lockfileVersion: '9.0'\npackages:\n  ms@2.1.3:\n    resolution: {integrity: sha512-x}\n  '@scope/b@1.2.0':\n    resolution: {integrity: sha512-y}\n`,
    ],
    [
      'v6',
      `lockfileVersion: '6.0'\npackages:\n  /ms@2.1.3:\n    resolution: {integrity: sha512-x}\n  /@scope/b@1.2.0(react@18.2.0):\n    resolution: {integrity: sha512-y}\n`,
    ],
    [
      'v5',
      `lockfileVersion: 5.4\npackages:\n  /ms/2.1.3:\n    resolution: {integrity: sha512-x}\n  /@scope/b/1.2.0_react@18.2.0:\n    resolution: {integrity: sha512-y}\n`,
    ],
  ])('reads %s keys', (_, lock) => {
    expect(versionFromPnpmLock(lock, 'ms')).toEqual({ name: 'ms', version: '2.1.3' });
    expect(versionFromPnpmLock(lock, '@scope/b')).toEqual({ name: '@scope/b', version: '1.2.0' });
    expect(versionFromPnpmLock(lock, 'm')).toBeUndefined();
  });
});

describe('npmVersion', () => {
  it('tries the lock files in order and says what each said', async () => {
    const files: Record<string, string> = { 'yarn.lock': '# yarn lockfile v1\n\nother@^1:\n  version "1.0.0"\n' };
    const frame = npmFrameOf('/app/node_modules/ms/index.js')!;
    expect(await npmVersion(frame, async (path) => files[path])).toEqual({
      tried: [
        'npm-shrinkwrap.json: none',
        'package-lock.json: none',
        'yarn.lock: no entry for node_modules/ms',
        'pnpm-lock.yaml: none',
      ],
    });
    files['pnpm-lock.yaml'] = `lockfileVersion: '9.0'\npackages:\n  ms@2.1.3: {}\n`;
    expect(await npmVersion(frame, async (path) => files[path])).toEqual({
      name: 'ms',
      version: '2.1.3',
      source: 'pnpm-lock.yaml',
    });
  });

  it.each([
    [
      { name: 'x/../../../admin', version: '1.0.0' },
      'names "x/../../../admin" for node_modules/ms, not an npm package name',
    ],
    [{ name: '@scope/..', version: '1.0.0' }, 'names "@scope/.." for node_modules/ms, not an npm package name'],
    [{ version: '../../-/evil' }, 'locks node_modules/ms at "../../-/evil", not a version on a registry'],
    [{ version: 'file:../ms' }, 'locks node_modules/ms at "file:../ms", not a version on a registry'],
    [{ version: 'git+ssh://git@github.com/a/ms.git#abc' }, 'not a version on a registry'],
  ])('takes nothing a hostile lock names that no registry could serve: %j', async (entry, problem) => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/ms': entry } });
    const found = await npmVersion(npmFrameOf('/app/node_modules/ms/index.js')!, async (path) =>
      path === 'package-lock.json' ? lock : undefined
    );
    expect(found.version).toBeUndefined();
    expect(JSON.stringify(found)).toContain(`package-lock.json: `);
    expect(JSON.stringify(found)).toContain(JSON.stringify(problem).slice(1, -1));
  });
});
