import { RegistryDouble, startRegistryDouble } from '../../../e2e/registry-doubles';
import { BadModulePathError, escapeModulePath, unescapeModulePath } from '../../src/registries/goproxy/escape';
import { moduleFileByRequirement, moduleFileOfFrame } from '../../src/registries/goproxy/frame';
import { describeGoproxy, parseGoproxy } from '../../src/registries/goproxy/proxy-list';
import { GoModuleProxy } from '../../src/registries/goproxy/registry';
import { PackageNotFoundError } from '../../src/registries/registry';
import { HostError } from '../../src/hosts/errors';
import fc from 'fast-check';
import { registryContext } from './context';

describe('Go module path escaping', () => {
  it('escapes capitals as Go does, and back', () => {
    expect(escapeModulePath('github.com/Azure/azure-sdk-for-go')).toBe('github.com/!azure/azure-sdk-for-go');
    expect(escapeModulePath('v1.0.0-RC1')).toBe('v1.0.0-!r!c1');
    expect(unescapeModulePath('github.com/!burnt!sushi/toml')).toBe('github.com/BurntSushi/toml');
  });

  it('refuses `!`, non-ASCII and capitals where Go refuses them', () => {
    expect(() => escapeModulePath('example.org/a!b')).toThrow(BadModulePathError);
    expect(() => escapeModulePath('example.org/é')).toThrow(BadModulePathError);
    expect(() => unescapeModulePath('github.com/Azure/x')).toThrow(BadModulePathError);
    expect(() => unescapeModulePath('github.com/!/x')).toThrow(BadModulePathError);
  });

  it('round-trips every printable path without `!` (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x22-\x7e]{1,40}$/), (path) => {
        expect(unescapeModulePath(escapeModulePath(path))).toBe(path);
        expect(escapeModulePath(path)).not.toMatch(/[A-Z]/);
      })
    );
  });
});

describe('GOPROXY', () => {
  it('reads comma and pipe lists, direct and off, and adds https to bare hosts', () => {
    const entries = parseGoproxy('proxy.example.com|https://user:secret@goproxy.internal/path,direct');
    expect(entries).toEqual([
      {
        kind: 'proxy',
        endpoint: { base: 'https://proxy.example.com', origin: 'https://proxy.example.com' },
        nextOnAnyError: true,
      },
      {
        kind: 'proxy',
        endpoint: {
          base: 'https://goproxy.internal/path',
          origin: 'https://goproxy.internal',
          authorization: `Basic ${Buffer.from('user:secret').toString('base64')}`,
        },
        nextOnAnyError: false,
      },
      { kind: 'direct' },
    ]);
    expect(describeGoproxy(entries)).toBe('https://proxy.example.com|https://goproxy.internal/path,direct');
    expect(describeGoproxy(entries)).not.toContain('secret');
  });

  it('defaults to the public proxy then direct, and ends the list at off', () => {
    expect(describeGoproxy(parseGoproxy(''))).toBe('https://proxy.golang.org,direct');
    expect(parseGoproxy('off,https://ignored.example')).toEqual([{ kind: 'off' }]);
    expect(() => parseGoproxy('file:///var/cache')).toThrow('file://');
  });
});

describe('Go frames', () => {
  it('reads module cache frames, unescaping module and version', () => {
    expect(moduleFileOfFrame('/root/go/pkg/mod/github.com/!burnt!sushi/toml@v1.3.2/decode.go')).toEqual({
      module: 'github.com/BurntSushi/toml',
      version: 'v1.3.2',
      path: 'decode.go',
    });
  });

  it('reads -trimpath frames, major-version suffixes and +incompatible', () => {
    expect(moduleFileOfFrame('golang.org/x/text@v0.14.0/transform/transform.go')).toEqual({
      module: 'golang.org/x/text',
      version: 'v0.14.0',
      path: 'transform/transform.go',
    });
    expect(moduleFileOfFrame('github.com/a/b/v2@v2.1.0+incompatible/x.go')?.version).toBe('v2.1.0+incompatible');
  });

  it('leaves the download cache, application files and the standard library alone', () => {
    expect(moduleFileOfFrame('/go/pkg/mod/cache/download/x.org/y/@v/v1.0.0.zip')).toBeUndefined();
    expect(moduleFileOfFrame('/app/main.go')).toBeUndefined();
    expect(moduleFileOfFrame('runtime/proc.go')).toBeUndefined();
    expect(moduleFileOfFrame('/go/pkg/mod/github.com/Bad/x@v1.0.0/a.go')).toBeUndefined();
  });

  it('places a versionless frame in the longest required module', () => {
    const requirements = [
      { path: 'example.org/lib', version: 'v1.0.0' },
      { path: 'example.org/lib/sub', version: 'v0.3.0' },
    ];
    expect(moduleFileByRequirement('example.org/lib/sub/x.go', requirements)).toEqual({
      module: 'example.org/lib/sub',
      version: 'v0.3.0',
      path: 'x.go',
    });
    expect(moduleFileByRequirement('example.org/other/x.go', requirements)).toBeUndefined();
  });
});

describe('GoModuleProxy', () => {
  let double: RegistryDouble;
  beforeAll(async () => {
    double = await startRegistryDouble({
      goModules: [
        { module: 'github.com/BurntSushi/toml', version: 'v1.3.2', files: { 'decode.go': 'package toml // decode' } },
        { module: 'example.org/gone', version: 'v1.0.0', files: { 'a.go': 'package gone' }, gone: true },
        { module: 'example.org/lib', version: 'v1.0.0', files: { 'x.go': 'package lib' } },
      ],
    });
  });
  afterAll(() => double.close());
  beforeEach(() => double.resetRequests());

  const ref = { name: 'github.com/BurntSushi/toml', version: 'v1.3.2', path: 'decode.go' };

  it('reads a file from the module zip at escaped URLs, once per module version', async () => {
    const context = registryContext();
    const proxy = new GoModuleProxy(parseGoproxy(double.goproxyUrl), context);
    const got = await proxy.readFile(ref);
    expect(got.file).toEqual({ kind: 'file', content: Buffer.from('package toml // decode') });
    expect(got.pageUrl).toBe(`${double.goproxyUrl}/github.com/!burnt!sushi/toml/@v/v1.3.2.info`);
    expect(double.calls('/goproxy/').map((r) => r.path)).toEqual([
      '/goproxy/github.com/!burnt!sushi/toml/@v/v1.3.2.zip',
    ]);

    await proxy.readFile(ref);
    const missing = await proxy.readFile({ ...ref, path: 'nope.go' });
    expect(missing.file).toMatchObject({ kind: 'missing', message: 'the package has no file nope.go' });
    expect(double.calls('/goproxy/')).toHaveLength(1);
  });

  it('shares one download between concurrent readers', async () => {
    const proxy = new GoModuleProxy(parseGoproxy(double.goproxyUrl), registryContext());
    await Promise.all([proxy.readFile(ref), proxy.readFile(ref), proxy.readFile({ ...ref, path: 'other.go' })]);
    expect(double.calls('/goproxy/')).toHaveLength(1);
  });

  it('passes to the next proxy after 404 or 410, and explains every miss', async () => {
    const list = parseGoproxy(`${double.url}/goproxy/empty,${double.goproxyUrl},direct`);
    const proxy = new GoModuleProxy(list, registryContext());
    expect((await proxy.readFile(ref)).file.kind).toBe('file');

    const gone = proxy.readFile({ name: 'example.org/gone', version: 'v1.0.0', path: 'a.go' });
    await expect(gone).rejects.toThrow(PackageNotFoundError);
    await expect(proxy.readFile({ name: 'example.org/gone', version: 'v1.0.0', path: 'a.go' })).rejects.toThrow(
      /example\.org\/gone@v1\.0\.0 is not on the Go module proxy \(.*: 404 .*; .*: 410 .*; GOPROXY goes direct/
    );
  });

  it('stops a comma list at a server error, and goes on after a pipe', async () => {
    double.forceStatus('/goproxy/first/', 503, 2);
    const comma = new GoModuleProxy(
      parseGoproxy(`${double.url}/goproxy/first,${double.goproxyUrl}`),
      registryContext()
    );
    await expect(comma.readFile(ref)).rejects.toThrow(HostError);
    const pipe = new GoModuleProxy(parseGoproxy(`${double.url}/goproxy/first|${double.goproxyUrl}`), registryContext());
    expect((await pipe.readFile(ref)).file.kind).toBe('file');
  });

  it('stops a download past the archive limit', async () => {
    const proxy = new GoModuleProxy(parseGoproxy(double.goproxyUrl), registryContext({ maxArchiveBytes: 64 }));
    await expect(proxy.readFile(ref)).rejects.toThrow(/larger than the limit of 64/);
  });

  it('says off when GOPROXY=off, without a request', async () => {
    const proxy = new GoModuleProxy(parseGoproxy('off'), registryContext());
    await expect(proxy.readFile(ref)).rejects.toThrow('GOPROXY=off forbids downloads');
    expect(double.requests).toHaveLength(0);
  });

  it('sends credentials from the URL as basic auth, and never shows them', async () => {
    const secured = await startRegistryDouble({
      goModules: [{ module: 'example.org/lib', version: 'v1.0.0', files: { 'x.go': 'package lib' } }],
      requireAuthorization: `Basic ${Buffer.from('ci:s3cret').toString('base64')}`,
    });
    try {
      const url = secured.goproxyUrl.replace('http://', 'http://ci:s3cret@');
      const proxy = new GoModuleProxy(parseGoproxy(url), registryContext());
      const got = await proxy.readFile({ name: 'example.org/lib', version: 'v1.0.0', path: 'x.go' });
      expect(got.file.kind).toBe('file');
      expect(got.pageUrl).not.toContain('s3cret');
      const anonymous = new GoModuleProxy(parseGoproxy(secured.goproxyUrl), registryContext());
      const failure = await anonymous
        .readFile({ name: 'example.org/lib', version: 'v1.0.0', path: 'x.go' })
        .catch((e) => e);
      expect(failure).toBeInstanceOf(HostError);
      expect(String(failure.message)).not.toContain('s3cret');
    } finally {
      await secured.close();
    }
  });
});
