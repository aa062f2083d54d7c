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
