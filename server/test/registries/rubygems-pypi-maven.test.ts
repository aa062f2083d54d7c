import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { RegistryDouble, startRegistryDouble } from '../../../e2e/registry-doubles';
import { ArchiveRejectedError } from '../../src/registries/archive/entry-path';
import { parseEndpoint } from '../../src/registries/endpoint';
import { parseCoordinates, sourcesJarPath } from '../../src/registries/maven/coordinates';
import { MavenRepository } from '../../src/registries/maven/registry';
import { pythonFrameOf } from '../../src/registries/pypi/frame';
import { PypiRegistry } from '../../src/registries/pypi/registry';
import { pythonVersion } from '../../src/registries/pypi/version';
import { PackageNotFoundError } from '../../src/registries/registry';
import { gemFrameOf } from '../../src/registries/rubygems/frame';
import { RubygemsRegistry } from '../../src/registries/rubygems/registry';
import { registryContext } from './context';

let double: RegistryDouble;
beforeAll(async () => {
  double = await startRegistryDouble({
    gems: [
      { name: 'rack', version: '3.0.8', files: { 'lib/rack.rb': 'module Rack; end' } },
      {
        name: 'nokogiri',
        version: '1.16.0',
        platform: 'x86_64-linux',
        files: { 'lib/nokogiri.rb': 'module Nokogiri; end' },
      },
      {
        name: 'evil',
        version: '1.0.0',
        files: {},
        data: gzipSync(Buffer.from(await packTar([{ header: { name: '../../../etc/x.rb', size: 1 }, body: 'x' }]))),
      },
    ],
    pythonReleases: [
      { name: 'PyYAML', version: '6.0.1', files: { 'yaml/__init__.py': '# yaml' }, kinds: ['sdist'], srcLayout: false },
      { name: 'requests', version: '2.31.0', files: { 'requests/models.py': '# models' } },
      { name: 'attrs', version: '23.2.0', files: { 'attr/__init__.py': '# attr' }, kinds: ['sdist'], srcLayout: true },
    ],
    mavenArtifacts: [
      {
        groupId: 'com.google.guava',
        artifactId: 'guava',
        version: '33.0.0-jre',
        sources: { 'com/google/common/base/Strings.java': 'class Strings {}' },
      },
      { groupId: 'org.example', artifactId: 'nosources', version: '1.0' },
    ],
  });
});
afterAll(() => double.close());
beforeEach(() => double.resetRequests());

describe('Ruby gems', () => {
  it('reads gem frames with dashed names and platforms', () => {
    expect(gemFrameOf('/usr/local/bundle/gems/net-http-0.4.1/lib/net/http.rb')).toEqual({
      name: 'net-http',
      version: '0.4.1',
      path: 'lib/net/http.rb',
    });
    expect(gemFrameOf('/gems/3.2.0/gems/nokogiri-1.16.0-x86_64-linux/lib/nokogiri.rb')).toEqual({
      name: 'nokogiri',
      version: '1.16.0',
      platform: 'x86_64-linux',
      path: 'lib/nokogiri.rb',
    });
    expect(gemFrameOf('/bundle/bundler/gems/rails-0123456789ab/lib/rails.rb')).toBeUndefined();
    expect(gemFrameOf('/app/lib/gems.rb')).toBeUndefined();
  });

  const gems = () => new RubygemsRegistry(parseEndpoint(double.rubygemsUrl, 'basic'), registryContext());

  it('reads a file from the data.tar.gz of the .gem, following the redirect to the file host', async () => {
    const got = await gems().readFile({ name: 'rack', version: '3.0.8', path: 'lib/rack.rb' });
    expect(got.file).toEqual({ kind: 'file', content: Buffer.from('module Rack; end') });
    expect(double.calls('/rubygems/').map((r) => [r.path, r.status])).toEqual([
      ['/rubygems/gems/rack-3.0.8.gem', 302],
      ['/rubygems/downloads/rack-3.0.8.gem', 200],
    ]);
  });

  it('asks for the platform gem by its full name', async () => {
    const got = await gems().readFile({
      name: 'nokogiri',
      version: '1.16.0',
      platform: 'x86_64-linux',
      path: 'lib/nokogiri.rb',
    });
    expect(got.file.kind).toBe('file');
    await expect(gems().readFile({ name: 'nokogiri', version: '1.16.0', path: 'lib/nokogiri.rb' })).rejects.toThrow(
      'nokogiri-1.16.0 is not on RubyGems'
    );
  });

  it('refuses a gem whose data climbs out', async () => {
    await expect(gems().readFile({ name: 'evil', version: '1.0.0', path: 'x.rb' })).rejects.toThrow(
      ArchiveRejectedError
    );
  });
});

describe('Python packages', () => {
  it('reads site-packages frames', () => {
    expect(pythonFrameOf('/usr/lib/python3.12/site-packages/requests/models.py')).toEqual({
      importName: 'requests',
      path: 'requests/models.py',
    });
    expect(pythonFrameOf('/venv/lib/python3.11/site-packages/six.py')).toEqual({ importName: 'six', path: 'six.py' });
    expect(pythonFrameOf('/usr/lib/python3/dist-packages/yaml/__init__.py')?.importName).toBe('yaml');
    expect(pythonFrameOf('/app/main.py')).toBeUndefined();
  });

  it('finds versions in uv.lock, poetry.lock, Pipfile.lock and requirements files, in that order', async () => {
    const uv = `version = 1\n\n[[package]]\nname = "requests"\nversion = "2.31.0"\nsource = { registry = "https://pypi.org/simple" }\n`;
    const poetry = `[[package]]\nname = "python-dateutil"\nversion = "2.9.0"\nfiles = []\n\n[metadata]\nlock-version = "2.0"\n`;
    const pipfile = JSON.stringify({ default: { pyyaml: { version: '==6.0.1', hashes: [] } }, develop: {} });
    const requirements = `-r requirements/base.txt\nflask[async]==3.0.2 ; python_version >= "3.8" \\\n    --hash=sha256:abc\n`;
    const files: Record<string, string> = {
      'uv.lock': uv,
      'poetry.lock': poetry,
      'Pipfile.lock': pipfile,
      'requirements.txt': requirements,
      'requirements/base.txt': 'six==1.16.0\n',
    };
    const read = async (path: string) => files[path];
    expect(await pythonVersion('requests', read)).toEqual({
      distribution: 'requests',
      version: '2.31.0',
      source: 'uv.lock',
    });
    expect(await pythonVersion('dateutil', read)).toEqual({
      distribution: 'python-dateutil',
      version: '2.9.0',
      source: 'poetry.lock',
    });
    expect(await pythonVersion('yaml', read)).toMatchObject({
      distribution: 'pyyaml',
      version: '6.0.1',
      source: 'Pipfile.lock',
    });
    expect(await pythonVersion('flask', read)).toMatchObject({ version: '3.0.2', source: 'requirements.txt' });
    expect(await pythonVersion('six', read)).toMatchObject({ version: '1.16.0', source: 'requirements/base.txt' });
    const missing = await pythonVersion('numpy', read);
    expect(missing.version).toBeUndefined();
    expect(missing).toMatchObject({
      tried: expect.arrayContaining(['uv.lock: no pin for a distribution named like numpy', 'requirements.lock: none']),
    });
  });

  it('explains a lock that cannot be parsed', async () => {
    const got = await pythonVersion('x', async (path) => (path === 'uv.lock' ? '[[package' : undefined));
    expect(got).toMatchObject({
      tried: expect.arrayContaining([expect.stringMatching(/^uv\.lock: cannot be parsed/)]),
    });
  });

  const pypi = () => new PypiRegistry(parseEndpoint(double.pypiUrl, 'basic'), registryContext());

  it('prefers the pure wheel', async () => {
    const got = await pypi().readFile({ name: 'requests', version: '2.31.0', path: 'requests/models.py' });
    expect(got.file).toEqual({ kind: 'file', content: Buffer.from('# models') });
    expect(double.calls('/pypi/packages/')[0].path).toMatch(/requests-2\.31\.0-py3-none-any\.whl$/);
  });

  it('falls back to the sdist, flat or src layout, under the normalized name', async () => {
    expect((await pypi().readFile({ name: 'PyYAML', version: '6.0.1', path: 'yaml/__init__.py' })).file.kind).toBe(
      'file'
    );
    expect(double.calls('/pypi/pypi/')[0].path).toBe('/pypi/pypi/pyyaml/6.0.1/json');
    expect((await pypi().readFile({ name: 'attrs', version: '23.2.0', path: 'attr/__init__.py' })).file.kind).toBe(
      'file'
    );
  });

  it('explains an unknown release', async () => {
    await expect(pypi().readFile({ name: 'requests', version: '0.0.1', path: 'requests/models.py' })).rejects.toThrow(
      PackageNotFoundError
    );
  });
});

describe('Maven sources jars', () => {
  it('reads coordinates and the repository layout', () => {
    expect(sourcesJarPath(parseCoordinates('com.google.guava:guava:33.0.0-jre'))).toBe(
      'com/google/guava/guava/33.0.0-jre/guava-33.0.0-jre-sources.jar'
    );
    expect(() => parseCoordinates('guava:33.0.0')).toThrow('groupId:artifactId:version');
    expect(() => parseCoordinates('a.b:c:1.0-SNAPSHOT')).toThrow('SNAPSHOT');
    expect(() => parseCoordinates('a..b:c:1.0')).toThrow('groupId:artifactId:version');
  });

  const maven = () => new MavenRepository(parseEndpoint(double.mavenUrl, 'basic'), registryContext());

  it('reads a class file from the sources jar', async () => {
    const got = await maven().readFile({
      name: 'com.google.guava:guava',
      version: '33.0.0-jre',
      path: 'com/google/common/base/Strings.java',
    });
    expect(got.file).toEqual({ kind: 'file', content: Buffer.from('class Strings {}') });
  });

  it('says when the artifact publishes no sources jar', async () => {
    await expect(maven().readFile({ name: 'org.example:nosources', version: '1.0', path: 'X.java' })).rejects.toThrow(
      'the Maven repository has no sources jar for org.example:nosources:1.0'
    );
  });
});
