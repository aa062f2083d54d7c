import { HostError } from '../../src/hosts/errors';
import { ArchiveRejectedError } from '../../src/registries/archive/entry-path';
import {
  gemDependency,
  goDependency,
  npmDependency,
  pythonDependency,
  readDependency,
} from '../../src/registries/dependency';
import { PackageFileRef, PackageNotFoundError, PackageRegistry } from '../../src/registries/registry';
import { createRegistrySources } from '../../src/registries/runtime';

function registry(
  answer: (ref: PackageFileRef) => Promise<Awaited<ReturnType<PackageRegistry['readFile']>>>
): PackageRegistry {
  return { kind: 'npm', title: 'the npm registry', readFile: answer };
}

describe('dependencies of frames', () => {
  it('places Go frames by path, else by go.mod', () => {
    expect(goDependency('/go/pkg/mod/example.org/lib@v1.2.3/x.go')).toEqual({
      registry: 'goproxy',
      ref: { name: 'example.org/lib', version: 'v1.2.3', path: 'x.go' },
      versionFrom: 'the frame path',
    });
    expect(goDependency('example.org/lib/x.go', [{ path: 'example.org/lib', version: 'v1.0.0' }])).toMatchObject({
      ref: { version: 'v1.0.0' },
      versionFrom: 'go.mod',
    });
    expect(goDependency('/app/main.go')).toBeUndefined();
  });

  it('says which lock files were read when an npm version is missing', async () => {
    expect(await npmDependency('/app/node_modules/ms/index.js', async () => undefined)).toEqual({
      registry: 'npm',
      name: 'ms',
      path: 'index.js',
      tried: ['npm-shrinkwrap.json: none', 'package-lock.json: none', 'yarn.lock: none', 'pnpm-lock.yaml: none'],
    });
  });

  it('places gems and Python packages', async () => {
    expect(gemDependency('/gems/rack-3.0.8/lib/rack.rb')).toMatchObject({ ref: { name: 'rack', version: '3.0.8' } });
    const pinned = await pythonDependency('/venv/lib/python3.12/site-packages/yaml/__init__.py', async (p) =>
      p === 'requirements.txt' ? 'PyYAML==6.0.1\n' : undefined
    );
    expect(pinned).toEqual({
      registry: 'pypi',
      ref: { name: 'pyyaml', version: '6.0.1', path: 'yaml/__init__.py' },
      versionFrom: 'requirements.txt',
    });
  });
});

describe('readDependency', () => {
  const dependency = {
    registry: 'npm' as const,
    ref: { name: 'ms', version: '2.1.3', path: 'index.js' },
    versionFrom: 'package-lock.json',
  };

  it('answers the file with the page and names registry, package and version', async () => {
    const read = await readDependency(
      dependency,
      registry(async () => ({ file: { kind: 'file', content: Buffer.from('x') }, pageUrl: 'https://page' })),
      ''
    );
    expect(read).toMatchObject({
      found: true,
      pageUrl: 'https://page',
      attempt: { where: 'the npm registry: ms', version: '2.1.3' },
    });
  });

  it.each([
    [new PackageNotFoundError('ms@2.1.3 is not on the npm registry'), 'not_found: ms@2.1.3 is not on the npm registry'],
    [new ArchiveRejectedError('archive refused: x'), 'rejected: archive refused: x'],
    [new HostError('the npm registry answered 503', 503), 'error: the npm registry answered 503'],
  ])('records %s as the outcome', async (error, outcome) => {
    const read = await readDependency(
      dependency,
      registry(() => Promise.reject(error)),
      ''
    );
    expect(read).toMatchObject({ found: false, attempt: { rule: 'registry:npm', version: '2.1.3', outcome } });
  });

  it('says how the registry was switched off, and why no version was known', async () => {
    expect((await readDependency(dependency, undefined, 'NPM_REGISTRY_URL=off')).attempt.outcome).toBe(
      'skipped: NPM_REGISTRY_URL=off'
    );
    const unversioned = { registry: 'npm' as const, name: 'ms', path: 'index.js', tried: ['package-lock.json: none'] };
    expect((await readDependency(unversioned, undefined, '')).attempt.outcome).toBe(
      'not_found: no version for ms (package-lock.json: none)'
    );
  });
});

describe('registries switched off', () => {
  const settings = { goproxy: 'off', npm: 'off', rubygems: 'off', pypi: 'off', maven: 'off' };
  const sources = (registries: typeof settings) =>
    createRegistrySources(
      {
        registries,
        registryMaxArchiveBytes: 1024 * 1024,
        cacheBytes: 1024 * 1024,
        maxFileBytes: 1024,
        gitHostTimeoutMs: 1000,
      },
      undefined
    );

  it.each([
    ['goproxy', 'GOPROXY=off'],
    ['npm', 'NPM_REGISTRY_URL=off'],
    ['rubygems', 'RUBYGEMS_URL=off'],
    ['pypi', 'PYPI_URL=off'],
    ['maven', 'MAVEN_URL=off'],
  ] as const)('%s is not asked, and the explanation names %s', (kind, reason) => {
    const off = sources(settings);
    expect(off.get(kind)).toBeUndefined();
    expect(off.offReason(kind)).toBe(reason);
  });

  it('reads GOPROXY=direct as the Git hosts only', () => {
    const direct = sources({ ...settings, goproxy: 'direct' });
    expect(direct.get('goproxy')).toBeUndefined();
    expect(direct.offReason('goproxy')).toBe('GOPROXY=direct: the Git hosts only');
  });
});
