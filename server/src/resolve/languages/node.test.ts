/** Node.js rules: the table of paths to places, and whole resolutions over an in-memory repository. */
import { nodeLibraryFile, nodeModulesPackage, nodeReleaseTag } from './node';
import { NotResolvedError } from '../resolution';
import { resolveOver as resolve } from '../../../test/map-reader';

const NODE_MAPPING = `version: v1
source_code:
  mappings:
    - path: [{prefix: "node:"}]
      language: javascript
      source: {github: {owner: nodejs, repo: node, ref: v20.11.1, path: lib}}
`;

describe('Node.js paths', () => {
  it.each([
    ['node:fs', 'lib/fs.js'],
    ['node:internal/timers', 'lib/internal/timers.js'],
    ['node:internal/modules/cjs/loader', 'lib/internal/modules/cjs/loader.js'],
    ['node:', undefined],
    ['node:../etc/passwd', undefined],
    ['node:internal//x', undefined],
    ['/usr/src/app/node:fs', undefined],
    ['fs', undefined],
  ])('library file of %s is %s', (path, file) => {
    expect(nodeLibraryFile(path)).toBe(file);
  });

  it.each([
    ['v20.20.2', 'v20.20.2'],
    ['20.20.2', 'v20.20.2'],
    [' v18.19.0 ', 'v18.19.0'],
    ['20', undefined],
    ['v20.x', undefined],
    ['', undefined],
  ])('release tag of %j is %s', (version, tag) => {
    expect(nodeReleaseTag(version)).toBe(tag);
  });

  it.each([
    ['/srv/app/node_modules/acorn/dist/acorn.js', { name: 'acorn', prefix: '/srv/app/node_modules/acorn' }],
    [
      '/srv/app/node_modules/@datadog/pprof/out/src/index.js',
      { name: '@datadog/pprof', prefix: '/srv/app/node_modules/@datadog/pprof' },
    ],
    [
      '/srv/app/node_modules/a/node_modules/b/index.js',
      { name: 'b', prefix: '/srv/app/node_modules/a/node_modules/b' },
    ],
    ['/srv/app/src/node_modules.ts', undefined],
  ])('package of %s is %j', (path, pkg) => {
    expect(nodeModulesPackage(path)).toEqual(pkg);
  });
});

describe('Node.js resolution', () => {
  it('resolves an absolute app path and a file:// URL relative to the repository root', async () => {
    const files = { 'acme/shop@main:src/catalog.ts': 'export {}' };
    for (const path of ['/usr/src/app/src/catalog.ts', 'file:///usr/src/app/src/catalog.ts']) {
      await expect(resolve(files, path).result).resolves.toMatchObject({ path: 'src/catalog.ts', rule: 'relative' });
    }
  });

  it('reads node: frames at the ref a mapping names, adding .js', async () => {
    const files = {
      'acme/shop@main:.pyroscope.yaml': NODE_MAPPING,
      'nodejs/node@v20.11.1:lib/internal/timers.js': 'timers',
    };
    await expect(resolve(files, 'node:internal/timers').result).resolves.toMatchObject({
      repository: expect.objectContaining({ fullName: 'nodejs/node' }),
      ref: 'v20.11.1',
      path: 'lib/internal/timers.js',
      rule: 'mapping:github[0]',
    });
  });

  it('else reads them at the Node version of the labels, started while the config loads, with no tree listing', async () => {
    const { reader, result } = resolve({ 'nodejs/node@v20.20.2:lib/fs.js': 'fs' }, 'node:fs', '20.20.2');
    await expect(result).resolves.toMatchObject({ ref: 'v20.20.2', path: 'lib/fs.js', rule: 'node:lib' });
    expect(reader.reads).toEqual(['nodejs/node@v20.20.2:lib/fs.js', 'acme/shop@main:.pyroscope.yaml']);
    expect(reader.listings).toEqual([]);
  });

  it('else says which version is missing and how to give it, without asking GitHub', async () => {
    const { reader, result } = resolve({}, 'node:fs');
    const error = (await result.catch((e) => e)) as NotResolvedError;
    expect(error).toBeInstanceOf(NotResolvedError);
    expect(error.message).toMatch(
      /^Node\.js library file and no Node release to read it at \(map "node:" in \.pyroscope\.yaml, or label the service with service_runtime_version\)/
    );
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({
        rule: 'node:lib',
        path: 'lib/fs.js',
        outcome: expect.stringContaining('service_runtime_version'),
      })
    );
    expect(reader.reads.filter((r) => r.startsWith('nodejs/'))).toEqual([]);
    expect(reader.listings).toEqual([]);
  });

  it('says the file is not at the Node version when there was one', async () => {
    const error = (await resolve({}, 'node:fs', 'v20.20.2').result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^Node\.js library file not found at the Node version/);
  });

  it('refuses a version that is not a release', async () => {
    const error = (await resolve({}, 'node:fs', 'latest').result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^Node\.js library file and no Node release to read it at/);
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({ rule: 'node:lib', outcome: expect.stringContaining('"latest" is not a release') })
    );
  });

  it('resolves installed packages only through mappings, and says so', async () => {
    const path = '/srv/app/node_modules/acorn/dist/acorn.js';
    const error = (await resolve({ 'acme/shop@main:dist/acorn.js': 'not it' }, path).result.catch(
      (e) => e
    )) as NotResolvedError;
    expect(error.message).toMatch(
      /^installed package acorn with no mapping \(map the path prefix \/srv\/app\/node_modules\/acorn /
    );
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({ rule: 'node:node_modules', outcome: expect.stringContaining('node_modules/acorn') })
    );
    const mapped = {
      'acme/shop@main:.pyroscope.yaml': `source_code:
  mappings:
    - path: [{prefix: /srv/app/node_modules/acorn}]
      language: javascript
      source: {github: {owner: acornjs, repo: acorn, ref: 8.11.3, path: acorn}}
`,
      'acornjs/acorn@8.11.3:acorn/dist/acorn.js': 'acorn',
    };
    await expect(resolve(mapped, path).result).resolves.toMatchObject({ path: 'acorn/dist/acorn.js' });
  });

  const ESM = 'file:///usr/src/app/node_modules/@acme/pkg/dist/index.js';
  const pkgMapping = (prefix: string) => `source_code:
  mappings:
    - path: [{prefix: "${prefix}"}]
      language: javascript
      source: {github: {owner: acme, repo: pkg, ref: v1.2.0, path: ""}}
`;
  const pkgFiles = { 'acme/pkg@v1.2.0:dist/index.js': 'pkg', 'acme/shop@main:dist/index.js': 'not it' };

  // An ES module's frame is a file:// URL; a mapping is matched against the path inside it, or against the URL.
  it.each([
    ['a plain path under node_modules', '/usr/src/app/node_modules/@acme/pkg'],
    ['the raw file:// form', 'file:///usr/src/app/node_modules/@acme/pkg'],
    ['a shorter plain prefix', '/usr/src/app/node_modules/@acme/pkg/'],
  ])('resolves a file:// ES module under node_modules through a mapping written as %s', async (_, prefix) => {
    const files = { ...pkgFiles, 'acme/shop@main:.pyroscope.yaml': pkgMapping(prefix) };
    await expect(resolve(files, ESM).result).resolves.toMatchObject({
      repository: expect.objectContaining({ fullName: 'acme/pkg' }),
      ref: 'v1.2.0',
      path: 'dist/index.js',
      rule: 'mapping:github[0]',
    });
  });

  it.each([
    [
      'no mapping matches: names the prefix to map, as a plain path',
      pkgMapping('/usr/src/app/node_modules/other'),
      /^installed package @acme\/pkg with no mapping \(map the path prefix \/usr\/src\/app\/node_modules\/@acme\/pkg in \.pyroscope\.yaml\)/,
      'map its path prefix (/usr/src/app/node_modules/@acme/pkg)',
    ],
    [
      'its mapping matches but the file is not there: says so, not "add a mapping"',
      pkgMapping('/usr/src/app/node_modules/@acme/pkg').replace('v1.2.0', 'v9.9.9'),
      /^installed package @acme\/pkg not found through the mapping that matched its path/,
      'only its .pyroscope.yaml mapping can find it, and did not',
    ],
  ])('explains a file:// ES module under node_modules when %s', async (_, config, message, outcome) => {
    const files = { ...pkgFiles, 'acme/shop@main:.pyroscope.yaml': config };
    const error = (await resolve(files, ESM).result.catch((e) => e)) as NotResolvedError;
    expect(error).toBeInstanceOf(NotResolvedError);
    expect(error.message).toMatch(message);
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({
        rule: 'node:node_modules',
        path: '/usr/src/app/node_modules/@acme/pkg/dist/index.js',
        outcome: expect.stringContaining(outcome),
      })
    );
  });

  it('resolves a file:// application path through a mapping written as a plain path', async () => {
    const files = {
      'acme/shop@main:.pyroscope.yaml': NODE_MAPPING.replace('"node:"', '/usr/src/app').replace(
        '{owner: nodejs, repo: node, ref: v20.11.1, path: lib}',
        '{owner: acme, repo: shop, ref: main, path: services/shop}'
      ),
      'acme/shop@main:services/shop/src/my app.ts': 'x',
    };
    await expect(resolve(files, 'file:///usr/src/app/src/my%20app.ts').result).resolves.toMatchObject({
      path: 'services/shop/src/my app.ts',
      rule: 'mapping:github[0]',
    });
  });

  it('shows compiled files as they are, and hints at source maps when they are not in the repository', async () => {
    const present = { 'acme/shop@main:dist/main.js': 'compiled', 'acme/shop@main:src/main.ts': 'source' };
    await expect(resolve(present, '/app/dist/main.js').result).resolves.toMatchObject({ path: 'dist/main.js' });
    const error = (await resolve({ 'acme/shop@main:src/main.ts': 'x' }, '/app/dist/main.js').result.catch(
      (e) => e
    )) as NotResolvedError;
    expect(error.message).toContain('profile with source maps');
    expect(error.explanation.attempts.map((a) => a.rule)).toContain('relative');
  });

  it('accepts language: typescript in .pyroscope.yaml', async () => {
    const files = {
      'acme/shop@main:.pyroscope.yaml':
        'source_code:\n  mappings:\n    - path: [{prefix: /usr/src/app}]\n      language: typescript\n      source: {local: {path: services/shop}}\n',
      'acme/shop@main:services/shop/src/catalog.ts': 'x',
    };
    await expect(resolve(files, '/usr/src/app/src/catalog.ts').result).resolves.toMatchObject({
      path: 'services/shop/src/catalog.ts',
      rule: 'mapping:local[0]',
    });
  });
});
