import { RegistryDouble, startRegistryDouble } from '../../../e2e/registry-doubles';
import { HostError } from '../../src/hosts/errors';
import { ArchiveRejectedError } from '../../src/registries/archive/entry-path';
import { parseEndpoint } from '../../src/registries/endpoint';
import { NpmRegistry } from '../../src/registries/npm/registry';
import { PackageNotFoundError } from '../../src/registries/registry';
import { registryContext } from './context';

describe('NpmRegistry', () => {
  let double: RegistryDouble;
  beforeAll(async () => {
    double = await startRegistryDouble({
      npmPackages: [
        { name: 'ms', version: '2.1.3', files: { 'index.js': 'module.exports = ms;', 'package.json': '{}' } },
        { name: '@scope/b', version: '1.2.0', files: { 'dist/x.js': 'exports.x = 1;' } },
        { name: 'tampered', version: '1.0.0', files: { 'index.js': 'evil' }, integrity: 'sha512-AAAA' },
      ],
    });
  });
  afterAll(() => double.close());
  beforeEach(() => double.resetRequests());

  const registry = () => new NpmRegistry(parseEndpoint(double.npmUrl, 'npm'), registryContext());

  it('reads a file from the tarball the version document names, then from memory', async () => {
    const npm = registry();
    const got = await npm.readFile({ name: 'ms', version: '2.1.3', path: 'index.js' });
    expect(got.file).toEqual({ kind: 'file', content: Buffer.from('module.exports = ms;') });
    expect(got.pageUrl).toBe(`${double.npmUrl}/ms/2.1.3`);
    expect(double.calls('/npm/').map((r) => r.path)).toEqual(['/npm/ms/2.1.3', '/npm/ms/-/ms-2.1.3.tgz']);
    await npm.readFile({ name: 'ms', version: '2.1.3', path: 'index.js' });
    await npm.readFile({ name: 'ms', version: '2.1.3', path: 'package.json' });
    expect(double.calls('/npm/')).toHaveLength(2);
  });

  it('escapes the scope slash in the document URL', async () => {
    const got = await registry().readFile({ name: '@scope/b', version: '1.2.0', path: 'dist/x.js' });
    expect(got.file.kind).toBe('file');
    expect(double.calls('/npm/')[0].path).toBe('/npm/@scope%2fb/1.2.0');
  });

  it('explains a version the registry does not have', async () => {
    await expect(registry().readFile({ name: 'ms', version: '9.9.9', path: 'index.js' })).rejects.toThrow(
      new PackageNotFoundError(`ms@9.9.9 is not on the npm registry (${double.npmUrl}/ms/9.9.9: 404)`)
    );
  });

  it('refuses a tarball that does not match the integrity the registry gives', async () => {
    await expect(registry().readFile({ name: 'tampered', version: '1.0.0', path: 'index.js' })).rejects.toThrow(
      ArchiveRejectedError
    );
  });

  it('fails with the status on a server error', async () => {
    double.forceStatus('/npm/ms/', 502, 1);
    await expect(registry().readFile({ name: 'ms', version: '2.1.3', path: 'index.js' })).rejects.toThrow(HostError);
  });

  it('sends a token written as :token@ as a bearer token, only to the registry', async () => {
    const secured = await startRegistryDouble({
      npmPackages: [{ name: 'ms', version: '2.1.3', files: { 'index.js': 'x' } }],
      requireAuthorization: 'Bearer npm_s3cret',
    });
    try {
      const endpoint = parseEndpoint(secured.npmUrl.replace('http://', 'http://:npm_s3cret@'), 'npm');
      const got = await new NpmRegistry(endpoint, registryContext()).readFile({
        name: 'ms',
        version: '2.1.3',
        path: 'index.js',
      });
      expect(got.file.kind).toBe('file');
      expect(JSON.stringify(got)).not.toContain('s3cret');
      expect(secured.requests.every((r) => r.authorization === 'Bearer npm_s3cret')).toBe(true);
    } finally {
      await secured.close();
    }
  });
});

/**
 * A version document whose `dist.tarball` points somewhere else than NPM_REGISTRY_URL: the named place is never
 * contacted (so the registry's token cannot leak there, nor can a document aim the server at loopback services);
 * the tarball is asked of the registry at its conventional path. A redirect may leave the registry only for https,
 * without the token.
 */
describe('NpmRegistry and tarballs named elsewhere', () => {
  const TOKEN = 'Bearer npm_s3cret';
  let secured: RegistryDouble;
  /** Another origin that would serve the same tarballs, so that a request to it would succeed unnoticed. */
  let foreign: RegistryDouble;
  const files = { 'index.js': 'module.exports = ms;' };
  const hostOf = (url: string) => new URL(url).host;
  const tricks: Array<[string, (base: string) => string]> = [
    ['another origin', () => `${foreign.npmUrl}/ms/-/ms-2.1.3.tgz`],
    ['another https origin', () => 'https://cdn.example.invalid/ms/-/ms-2.1.3.tgz'],
    ['userinfo on the registry origin', (base) => base.replace('http://', 'http://user:pass@') + '/ms/-/ms-9.tgz'],
    ['the registry host as userinfo of another', (base) => `http://${hostOf(base)}@${hostOf(foreign.url)}/npm/x.tgz`],
    ['localhost for the registry loopback', (base) => base.replace('127.0.0.1', 'localhost') + '/ms/-/ms-9.tgz'],
    ['the registry origin over https', (base) => base.replace('http://', 'https://') + '/ms/-/ms-9.tgz'],
    ['the registry origin outside its base path', (base) => `${new URL(base).origin}/elsewhere/ms-9.tgz`],
    ['a relative path', () => '../../admin/ms.tgz'],
  ];

  beforeAll(async () => {
    foreign = await startRegistryDouble({
      npmPackages: tricks.map((_, i) => ({ name: `trick-${i}`, version: '2.1.3', files })),
    });
    secured = await startRegistryDouble({
      npmPackages: [
        ...tricks.map(([, tarballUrl], i) => ({ name: `trick-${i}`, version: '2.1.3', files, tarballUrl })),
        { name: 'ms', version: '2.1.3', files },
      ],
      requireAuthorization: TOKEN,
    });
  });
  afterAll(async () => {
    await secured.close();
    await foreign.close();
  });
  beforeEach(() => {
    secured.resetRequests();
    foreign.resetRequests();
  });

  const registry = () =>
    new NpmRegistry(parseEndpoint(secured.npmUrl.replace('http://', 'http://:npm_s3cret@'), 'npm'), registryContext());

  it.each(tricks.map(([name], i) => [name, i]))(
    'dist.tarball on %s: read from the registry conventional path, nothing sent elsewhere',
    async (_, i) => {
      const got = await registry().readFile({ name: `trick-${i}`, version: '2.1.3', path: 'index.js' });
      expect(got.file).toEqual({ kind: 'file', content: Buffer.from(files['index.js']) });
      expect(secured.requests.map((r) => [r.path, r.authorization])).toEqual([
        [`/npm/trick-${i}/2.1.3`, TOKEN],
        [`/npm/trick-${i}/-/trick-${i}-2.1.3.tgz`, TOKEN],
      ]);
      expect(foreign.requests).toEqual([]);
    }
  );

  it('says where the document pointed when the conventional path has no tarball either', async () => {
    secured.forceStatus('/npm/trick-0/-/', 404, 1);
    await expect(registry().readFile({ name: 'trick-0', version: '2.1.3', path: 'index.js' })).rejects.toThrow(
      new PackageNotFoundError(
        `the npm registry lists trick-0@2.1.3 but has no tarball at ${secured.npmUrl}/trick-0/-/trick-0-2.1.3.tgz ` +
          `(its document names ${foreign.npmUrl}/ms/-/ms-2.1.3.tgz)`
      )
    );
  });

  it.each([
    ['another origin over http', () => `${foreign.npmUrl}/ms/-/ms-2.1.3.tgz`, /over http:/],
    ['localhost for the registry loopback', () => secured.npmUrl.replace('127.0.0.1', 'localhost'), /over http:/],
    ['userinfo on the registry origin', () => secured.url.replace('http://', 'http://u:p@') + '/x.tgz', /userinfo|own/],
  ])('refuses a tarball redirect to %s, before sending anything there', async (_, location, why) => {
    secured.forceRedirect('/npm/ms/-/', location(), 1);
    const read = registry().readFile({ name: 'ms', version: '2.1.3', path: 'index.js' });
    await expect(read).rejects.toThrow(HostError);
    await expect(read).rejects.toThrow(why);
    await expect(read).rejects.not.toThrow(/u:p|s3cret/);
    expect(foreign.requests).toEqual([]);
    expect(secured.requests.map((r) => r.path)).toEqual(['/npm/ms/2.1.3', '/npm/ms/-/ms-2.1.3.tgz']);
  });

  it('follows a redirect within the registry origin, with the token', async () => {
    secured.forceRedirect('/npm/ms/-/', `${secured.npmUrl}/ms/-/ms-2.1.3.tgz?signed=1`, 1);
    const got = await registry().readFile({ name: 'ms', version: '2.1.3', path: 'index.js' });
    expect(got.file.kind).toBe('file');
    expect(secured.requests.map((r) => [r.path, r.authorization])).toEqual([
      ['/npm/ms/2.1.3', TOKEN],
      ['/npm/ms/-/ms-2.1.3.tgz', TOKEN],
      ['/npm/ms/-/ms-2.1.3.tgz?signed=1', TOKEN],
    ]);
  });
});
