/**
 * GetFile over HTTP for frames inside dependencies: the service's repository (with its lock files) on the GitHub
 * double, the packages on the registry double, every language's registry at its step, `.pyroscope.yaml` forcing
 * either way, and "Why no source?" naming the registry, the package and the version it tried.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { RegistryDouble, registryDoubleEnv, startRegistryDouble } from '../../e2e/registry-doubles';
import { decodeContent, rpc, Stack, startStack, tempDir } from './helpers';

const PACKAGE_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { name: 'shop' },
    'node_modules/ms': { version: '2.1.3' },
    'node_modules/@acme/private': { version: '1.0.0' },
  },
});
const GO_MOD = 'module github.com/acme/shop\n\ngo 1.22\n\nrequire example.org/lib v1.2.3\n';
const CONFIG = `version: v1
source_code:
  mappings:
    - path:
        - prefix: /app/node_modules/@acme/
      language: javascript
      source:
        registry:
          name: "off"
    - function_name:
        - prefix: com/google/common
      language: java
      source:
        maven:
          coordinates: com.google.guava:guava:33.0.0-jre
`;

describe('GetFile from package registries', () => {
  const tmp = tempDir('registries-getfile');
  let registries: RegistryDouble;
  let stack: Stack;
  let cookie: string;

  beforeAll(async () => {
    registries = await startRegistryDouble({
      goModules: [
        { module: 'example.org/lib', version: 'v1.2.3', files: { 'lib.go': 'package lib // from the proxy\n' } },
      ],
      npmPackages: [{ name: 'ms', version: '2.1.3', files: { 'index.js': 'module.exports = ms;\n' } }],
      gems: [{ name: 'rack', version: '3.0.8', files: { 'lib/rack.rb': 'module Rack; end\n' } }],
      pythonReleases: [{ name: 'PyYAML', version: '6.0.1', files: { 'yaml/__init__.py': '# yaml\n' } }],
      mavenArtifacts: [
        {
          groupId: 'com.google.guava',
          artifactId: 'guava',
          version: '33.0.0-jre',
          sources: { 'com/google/common/base/Strings.java': 'class Strings {}\n' },
        },
      ],
    });
    const repo = createFixtureRepo(tmp.dir, 'acme/shop', [
      {
        files: {
          'go.mod': GO_MOD,
          'package-lock.json': PACKAGE_LOCK,
          'requirements.txt': 'PyYAML==6.0.1\n',
          '.pyroscope.yaml': CONFIG,
          'main.go': 'package main\n',
        },
      },
    ]);
    stack = await startStack([{ fullName: repo.fullName, dir: repo.dir }], {
      env: {
        ...registryDoubleEnv(registries),
      },
    });
    cookie = stack.cookieFor('alice');
  });
  afterAll(async () => {
    await stack?.stop();
    await registries?.close();
    tmp.remove();
  });
  beforeEach(() => registries.resetRequests());

  const getFile = (localPath: string, functionName = '') =>
    rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/shop', ref: 'main', localPath, functionName },
      { cookie }
    );

  it.each([
    [
      'Go module cache',
      '/root/go/pkg/mod/example.org/lib@v1.2.3/lib.go',
      'package lib // from the proxy\n',
      { registry: 'goproxy', name: 'example.org/lib', version: 'v1.2.3' },
    ],
    [
      'Go -trimpath, version from go.mod',
      'example.org/lib/lib.go',
      'package lib // from the proxy\n',
      { registry: 'goproxy', name: 'example.org/lib', version: 'v1.2.3' },
    ],
    [
      'npm, version from package-lock.json',
      '/app/node_modules/ms/index.js',
      'module.exports = ms;\n',
      { registry: 'npm', name: 'ms', version: '2.1.3' },
    ],
    [
      'a gem',
      '/usr/local/bundle/gems/rack-3.0.8/lib/rack.rb',
      'module Rack; end\n',
      { registry: 'rubygems', name: 'rack', version: '3.0.8' },
    ],
    [
      'PyPI, version from requirements.txt',
      '/venv/lib/python3.12/site-packages/yaml/__init__.py',
      '# yaml\n',
      { registry: 'pypi', name: 'pyyaml', version: '6.0.1' },
    ],
  ])('%s: the file, its package and version, the package page as URL', async (_, localPath, content, source) => {
    const found = await getFile(localPath);
    expect(found.status).toBe(200);
    expect(decodeContent(found.body)).toBe(content);
    expect(found.body.packageSource).toMatchObject(source);
    expect(found.body.rule).toBe(`registry:${source.registry}`);
    expect(found.body.resolvedRef).toBe(source.version);
    expect(found.body.resolvedRepositoryUrl ?? '').toBe('');
    expect(String(found.body.URL)).toContain(registries.url);

    // Warm: the same file again costs no registry call.
    registries.resetRequests();
    expect((await getFile(localPath)).status).toBe(200);
    expect(registries.requests).toEqual([]);
  });

  it('reads Java from the sources jar a maven mapping names', async () => {
    const found = await getFile('Strings.java', 'com/google/common/base/Strings.repeat');
    expect(found.status).toBe(200);
    expect(decodeContent(found.body)).toBe('class Strings {}\n');
    expect(found.body.packageSource).toMatchObject({
      registry: 'maven',
      name: 'com.google.guava:guava',
      version: '33.0.0-jre',
    });
  });

  it('says which registry, package and version it tried when the registry has no such version', async () => {
    const missing = await getFile('/root/go/pkg/mod/example.org/lib@v9.9.9/lib.go');
    expect(missing.status).toBe(404);
    const attempts = (missing.body.details as Array<{ debug?: { attempts?: unknown[] } }> | undefined)?.[0]?.debug
      ?.attempts;
    expect(attempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'registry:goproxy',
          repositoryUrl: 'the Go module proxy: example.org/lib',
          ref: 'v9.9.9',
          path: 'lib.go',
          outcome: expect.stringMatching(/^not_found: example\.org\/lib@v9\.9\.9 is not on the Go module proxy .*404/),
        }),
      ])
    );
  });

  it('says which lock files it read when none names the version', async () => {
    const missing = await getFile('/app/node_modules/left-pad/index.js');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain(
      'no version for left-pad (npm-shrinkwrap.json: none; package-lock.json: no entry for node_modules/left-pad'
    );
  });

  it('keeps frames under a `registry: off` prefix away from every registry', async () => {
    const missing = await getFile('/app/node_modules/@acme/private/index.js');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain(
      'skipped: a .pyroscope.yaml mapping says registry: off for this path'
    );
    expect(registries.requests).toEqual([]);
  });
});
