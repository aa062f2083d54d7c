/**
 * The recorded sample profiles' frames, resolved over HTTP against the GitHub double serving the sample
 * repositories (samples/repos.ts), golang/go at go1.19, python/cpython at 3.11, ruby/ruby at ruby_3_1 and
 * nodejs/node at v20.20.2 made of this machine's toolchain files, and a small openjdk/jdk17u: the service's own frames and the standard libraries must resolve
 * to the exact bytes of the file they came from. The registry double serves the recorded dependency files
 * (e2e/registry-doubles/fixtures) as the standalone stack does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFixtureRepo, createStdlibStandIns, SAMPLE_TOOLCHAINS } from '../../e2e/git-fixtures';
import { startRegistryDouble, type RegistryDouble } from '../../e2e/registry-doubles';
import {
  RECORDED_DIR,
  recordedGems,
  recordedGoModules,
  recordedMavenArtifacts,
  recordedNpmPackages,
  recordedPythonReleases,
} from '../../e2e/registry-doubles/recorded';
import { createSampleRepos, SampleRepo, SAMPLE_SOURCES_DIR } from '../../samples/repos';
import { sampleFrames, SampleFrame } from '../../samples/frames';
import { decodeContent, rpc, Stack, startStack, tempDir } from './helpers';

const GO_ROOT = SAMPLE_TOOLCHAINS.go!.src;
const PYTHON_LIB = SAMPLE_TOOLCHAINS.python!.lib;

describe('sample profiles resolve to their source', () => {
  const tmp = tempDir('samples');
  let stack: Stack;
  let registries: RegistryDouble;
  let repos: SampleRepo[];
  let cookie: string;
  const frames = dedupe(sampleFrames());

  beforeAll(async () => {
    repos = await createSampleRepos(path.join(tmp.dir, 'repos'));
    // Go and Python from this machine's toolchains (they recorded the profiles); a small stand-in for the JDK.
    const [go, cpython, ruby, node] = createStdlibStandIns(
      tmp.dir,
      frames.map((f) => f.localPath),
      {
        go: SAMPLE_TOOLCHAINS.go,
        python: SAMPLE_TOOLCHAINS.python,
        ruby: SAMPLE_TOOLCHAINS.ruby,
        node: SAMPLE_TOOLCHAINS.node,
      }
    ).map((standIn) => standIn.repo!);
    const jdk = createFixtureRepo(tmp.dir, 'openjdk/jdk17u', [
      {
        files: {
          'src/java.base/share/classes/java/util/Formatter.java':
            'package java.util;\npublic final class Formatter {}\n',
        },
        tags: ['jdk-17.0.15+6'],
      },
    ]);
    // The package registries: the files of the samples' dependencies, recorded from the real registries.
    registries = await startRegistryDouble({
      goModules: recordedGoModules(),
      npmPackages: recordedNpmPackages(),
      pythonReleases: recordedPythonReleases(),
      mavenArtifacts: recordedMavenArtifacts(),
      gems: recordedGems(),
    });
    stack = await startStack(
      [
        ...repos.map((r) => ({ fullName: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })),
        { fullName: 'golang/go', dir: go.dir, defaultBranch: 'master' },
        { fullName: 'python/cpython', dir: cpython.dir, defaultBranch: 'main' },
        { fullName: 'openjdk/jdk17u', dir: jdk.dir },
        { fullName: 'ruby/ruby', dir: ruby.dir, defaultBranch: 'master' },
        { fullName: 'nodejs/node', dir: node.dir, defaultBranch: 'main' },
      ],
      { env: registries.env }
    );
    cookie = stack.cookieFor('demo');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await registries?.close();
    tmp.remove();
  });

  const getFile = (frame: SampleFrame) =>
    rpc(
      stack.url,
      'GetFile',
      {
        repositoryURL: frame.repositoryURL,
        ref: frame.ref,
        rootPath: frame.rootPath,
        localPath: frame.localPath,
        functionName: frame.functionName,
      },
      { cookie }
    );

  /** The bytes the sample repository holds for a path at the profile's commit. */
  function sampleSource(frame: SampleFrame, resolvedPath: string): Buffer {
    const name = frame.repositoryURL.split('/').pop() as string;
    const repo = repos.find((r) => r.fullName.endsWith(`/${name}`)) as SampleRepo;
    const label = Object.entries(repo.commits).find(([, sha]) => sha === frame.ref)?.[0] as string;
    return readFileSync(path.join(SAMPLE_SOURCES_DIR, name, label, resolvedPath));
  }

  it('has frames of all five services', () => {
    const services = new Set(frames.map((f) => f.repositoryURL));
    expect([...services].sort()).toEqual([
      'https://github.com/linescope-demo/shop-go',
      'https://github.com/linescope-demo/shop-java',
      'https://github.com/linescope-demo/shop-node',
      'https://github.com/linescope-demo/shop-python',
      'https://github.com/linescope-demo/shop-ruby',
    ]);
  });

  it("resolves every frame of the services' own code to the committed file", async () => {
    const own = frames.filter(
      (f) =>
        /shop-(go|python|ruby)\/|shop-node\/src\/|com\/linescope\/shop\//.test(f.localPath) &&
        !/<frozen/.test(f.localPath)
    );
    expect(own.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const frame of own) {
      const res = await getFile(frame);
      if (res.status !== 200) {
        failures.push(
          `${frame.profile} ${frame.functionName} ${frame.localPath}: ${res.status} ${String(res.body.message)}`
        );
        continue;
      }
      expect(res.body.resolvedRepositoryUrl).toBe(
        `${stack.double.url}/${frame.repositoryURL.split('/').slice(-2).join('/')}`
      );
      expect(
        Buffer.from(String(res.body.content), 'base64').equals(sampleSource(frame, String(res.body.resolvedPath)))
      ).toBe(true);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('resolves Go standard-library frames to golang/go: v1 by the version in the path, v2 and v3 by their mapping', async () => {
    const std = frames.filter((f) => f.localPath.startsWith('/usr/lib/go-1.19/src/'));
    expect(std.filter((f) => f.profile.startsWith('shop-go-v1')).length).toBeGreaterThan(5);
    expect(std.filter((f) => f.profile.startsWith('shop-go-v2')).length).toBeGreaterThan(5);
    for (const frame of std) {
      const res = await getFile(frame);
      const file = frame.localPath.slice('/usr/lib/go-1.19/src/'.length);
      // shop-go v2 and v3 have a .pyroscope.yaml mapping /usr/lib/go-1.19/src to golang/go at go1.19.8.
      const expected = !frame.profile.startsWith('shop-go-v1')
        ? { rule: 'mapping:github[0]', resolvedRef: 'go1.19.8' }
        : { rule: 'go:stdlib', resolvedRef: 'go1.19' };
      expect(res.body).toMatchObject({ ...expected, resolvedPath: `src/${file}` });
      expect(Buffer.from(String(res.body.content), 'base64').equals(readFileSync(path.join(GO_ROOT, file)))).toBe(true);
    }
  }, 120_000);

  it('resolves the Go samples precisely: GOROOT, build path, -trimpath module and stdlib', async () => {
    const go = repos.find((r) => r.fullName.endsWith('shop-go')) as SampleRepo;
    const byPath = (p: string) => frames.find((f) => f.localPath === p) as SampleFrame;
    const trimmed = frames.find(
      (f) => f.localPath === 'github.com/linescope-demo/shop-go/catalog/search.go'
    ) as SampleFrame;
    expect(trimmed).toBeDefined();
    expect((await getFile(trimmed)).body).toMatchObject({
      rule: 'go:main-module',
      resolvedPath: 'catalog/search.go',
      resolvedRef: trimmed.ref,
    });
    const built = frames.find((f) => f.localPath.startsWith('/opt/linescope-samples/shop-go/catalog/')) as SampleFrame;
    expect((await getFile(built)).body).toMatchObject({
      rule: 'relative',
      resolvedPath: built.localPath.replace('/opt/linescope-samples/shop-go/', ''),
    });
    // -trimpath stdlib: no version in the path; go.mod says `go 1.19` → the go1.19 release.
    expect((await getFile(byPath('sort/slice.go'))).body).toMatchObject({
      rule: 'go:stdlib',
      resolvedRef: 'go1.19',
      resolvedPath: 'src/sort/slice.go',
    });
    expect(Object.values(go.commits)).toContain(trimmed.ref);
  });

  it('resolves Python frames: the package and the 3.11 standard library', async () => {
    const stdFrames = frames.filter((f) => f.localPath.startsWith(`${PYTHON_LIB}/`) && existsSync(f.localPath));
    expect(stdFrames.length).toBeGreaterThan(0);
    for (const frame of stdFrames) {
      const res = await getFile(frame);
      expect(res.body).toMatchObject({
        rule: 'python:stdlib',
        resolvedRef: '3.11',
        resolvedPath: `Lib/${frame.localPath.slice(PYTHON_LIB.length + 1)}`,
      });
      expect(Buffer.from(String(res.body.content), 'base64').equals(readFileSync(frame.localPath))).toBe(true);
    }
  });

  it("resolves Java frames through the sample's .pyroscope.yaml, lambdas included, and the JDK mapping", async () => {
    const lambda = frames.find((f) => f.functionName.startsWith('com/linescope/shop/Catalog$$Lambda')) as SampleFrame;
    expect((await getFile(lambda)).body).toMatchObject({
      rule: 'mapping:local[0]',
      resolvedPath: 'src/main/java/com/linescope/shop/Catalog.java',
    });
    const formatter = frames.find((f) => f.functionName.startsWith('java/util/Formatter')) as SampleFrame;
    expect((await getFile(formatter)).body).toMatchObject({
      rule: 'mapping:github[1]',
      resolvedRepositoryUrl: `${stack.double.url}/openjdk/jdk17u`,
      resolvedRef: 'jdk-17.0.15+6',
      resolvedPath: 'src/java.base/share/classes/java/util/Formatter.java',
    });
  });

  it('resolves Node frames: TypeScript through the mapping, node: through the mapping to nodejs/node, dist/ explained', async () => {
    const ts = frames.find((f) => f.localPath === '/opt/linescope-samples/shop-node/src/catalog.ts') as SampleFrame;
    expect((await getFile(ts)).body).toMatchObject({ rule: 'mapping:local[0]', resolvedPath: 'src/catalog.ts' });
    const lib = frames.filter((f) => f.localPath.startsWith('node:'));
    expect(lib.length).toBeGreaterThan(5);
    for (const frame of lib) {
      const res = await getFile(frame);
      expect(res.body).toMatchObject({
        rule: 'mapping:github[1]',
        resolvedRepositoryUrl: `${stack.double.url}/nodejs/node`,
        resolvedRef: 'v20.20.2',
        resolvedPath: `lib/${frame.localPath.slice('node:'.length)}.js`,
      });
    }
    const compiled = frames.find(
      (f) => f.localPath === '/opt/linescope-samples/shop-node/dist/catalog.js'
    ) as SampleFrame;
    const res = await getFile(compiled);
    expect(res.status).toBe(404);
    expect(String(res.body.message)).toContain('profile with source maps');
  }, 120_000);

  it('resolves the dependencies of shop-go v3 and shop-node v2 from the registries, at the version that ran', async () => {
    const recorded = (file: string) => readFileSync(path.join(RECORDED_DIR, file), 'utf8');
    const byPath = (suffix: string) => frames.find((f) => f.localPath.endsWith(suffix)) as SampleFrame;
    // Go: the version from the module cache path.
    const search = await getFile(byPath('/pkg/mod/golang.org/x/text@v0.21.0/search/search.go'));
    expect(search.body).toMatchObject({
      rule: 'registry:goproxy',
      resolvedPath: 'search/search.go',
      resolvedRef: 'v0.21.0',
      packageSource: { registry: 'goproxy', name: 'golang.org/x/text', version: 'v0.21.0' },
    });
    expect(decodeContent(search.body)).toBe(recorded('goproxy/golang.org/x/text@v0.21.0/search/search.go'));
    // npm: the version from package-lock.json at the profile's commit, through the sample's registry mapping.
    const hashes = await getFile(byPath('/shop-node/node_modules/@noble/hashes/sha2.js'));
    expect(hashes.body).toMatchObject({
      rule: 'registry:npm',
      resolvedPath: 'sha2.js',
      packageSource: { registry: 'npm', name: '@noble/hashes', version: '1.8.0' },
    });
    expect(decodeContent(hashes.body)).toBe(recorded('npm/@noble/hashes@1.8.0/sha2.js'));
    // The private package: the lock names 1.0.0, the registry has no such package, and the answer says so.
    const mine = await getFile(byPath('/shop-node/node_modules/@linescope-demo/canonical-json/index.js'));
    expect(mine.status).toBe(404);
    expect(JSON.stringify(mine.body)).toContain('the npm registry: @linescope-demo/canonical-json');
    expect(JSON.stringify(mine.body)).toContain('1.0.0');
  }, 120_000);

  it('resolves Ruby standard-library frames to ruby/ruby at ruby_3_1, and explains C methods', async () => {
    const std = frames.filter((f) => f.localPath.startsWith('/usr/lib/ruby/3.1.0/') && existsSync(f.localPath));
    expect(std.length).toBeGreaterThan(0);
    for (const frame of std) {
      const res = await getFile(frame);
      expect(res.body).toMatchObject({
        rule: 'ruby:stdlib',
        resolvedRef: 'ruby_3_1',
        resolvedPath: `lib/${frame.localPath.slice('/usr/lib/ruby/3.1.0/'.length)}`,
      });
      expect(Buffer.from(String(res.body.content), 'base64').equals(readFileSync(frame.localPath))).toBe(true);
    }
    const cfunc = frames.find((f) => f.localPath === '<cfunc>') as SampleFrame;
    const res = await getFile(cfunc);
    expect(res.status).toBe(404);
    expect(String(res.body.message)).toMatch(/^C method, no Ruby source/);
  }, 120_000);

  // shop-python, shop-java and shop-ruby v2 each run a real dependency in their hot path.
  it.each([
    {
      service: 'shop-python',
      frame: /^\/opt\/linescope-samples\/python-venv\/lib\/python3\.11\/site-packages\/sortedcontainers\//,
      source: { registry: 'pypi', name: 'sortedcontainers', version: '2.4.0' },
      rule: 'registry:pypi',
      recorded: (f: SampleFrame) => `pypi/sortedcontainers@2.4.0/${f.localPath.split('/site-packages/')[1]}`,
      functions: ['SortedKeyList.add'],
    },
    {
      service: 'shop-java',
      frame: /^org\/apache\/commons\/lang3\//,
      source: { registry: 'maven', name: 'org.apache.commons:commons-lang3', version: '3.14.0' },
      rule: 'registry:maven',
      recorded: (f: SampleFrame) => `maven/org.apache.commons/commons-lang3@3.14.0/${f.localPath}`,
      functions: [
        'org/apache/commons/lang3/StringUtils.indexOfIgnoreCase',
        'org/apache/commons/lang3/CharSequenceUtils.regionMatches',
      ],
    },
    {
      service: 'shop-ruby',
      frame: /^\/usr\/share\/rubygems-integration\/all\/gems\/webrick-1\.8\.1\//,
      source: { registry: 'rubygems', name: 'webrick', version: '1.8.1' },
      rule: 'registry:rubygems',
      recorded: (f: SampleFrame) => `rubygems/webrick@1.8.1/${f.localPath.split('/webrick-1.8.1/')[1]}`,
      functions: ['WEBrick::HTTPUtils.parse_query'],
    },
  ])(
    '$service v2: its dependency frames open from $source.registry at $source.version, the package page as URL',
    async ({ service, frame, source, rule, recorded, functions }) => {
      const deps = frames.filter((f) => f.profile.startsWith(`${service}-v2`) && frame.test(f.localPath));
      expect(deps.map((f) => f.functionName)).toEqual(expect.arrayContaining(functions));
      for (const dep of deps) {
        const res = await getFile(dep);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ rule, resolvedRef: source.version, packageSource: source });
        expect(String(res.body.URL)).toContain(registries.url);
        expect(
          Buffer.from(String(res.body.content), 'base64').equals(readFileSync(path.join(RECORDED_DIR, recorded(dep))))
        ).toBe(true);
      }
      // v1 of the service has no such dependency.
      expect(frames.filter((f) => f.profile.startsWith(`${service}-v1`) && frame.test(f.localPath))).toEqual([]);
    },
    120_000
  );
});

function dedupe(frames: SampleFrame[]): SampleFrame[] {
  const seen = new Set<string>();
  return frames.filter((f) => {
    const key = `${f.repositoryURL}@${f.ref}:${f.localPath}:${f.functionName}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
