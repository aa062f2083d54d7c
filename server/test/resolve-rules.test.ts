/** Pure resolution rules: the reference's §5 tables (config, Java, JS, module paths, go.mod) and our additions. */
import { bestMapping, matchingMappings, parseConfig } from '../src/resolve/config';
import {
  detectGoStd,
  goReleaseTag,
  goVersionFromGoMod,
  gopkgIn,
  locateModule,
  parseModulePath,
  refFromVersion,
} from '../src/resolve/go-modules';
import { parseGoMod } from '../src/resolve/gomod';
import { javaFunctionToPath } from '../src/resolve/java';
import { detectPythonStd } from '../src/resolve/python';
import { goJoin } from '../src/resolve/paths';
import { languageOfPath } from '../src/resolve/resolver';
import { relativeSuffixes } from '../src/resolve/resolution';
import { githubRouteLabel } from '../src/metrics';
import { parseRepositoryUrl } from '../src/hosts/github/repository-url';
import { ByteLru } from '../src/cache/lru';

describe('.pyroscope.yaml parsing (§5.11)', () => {
  it('parses a go mapping to a github source', () => {
    const { config, problems } = parseConfig(`
source_code:
  mappings:
    - path:
        - prefix: GOROOT
      language: go
      source:
        github:
          owner: golang
          repo: go
          ref: go1.24.8
          path: src
`);
    expect(problems).toEqual([]);
    expect(config?.mappings).toEqual([
      {
        index: 0,
        pathPrefixes: ['GOROOT'],
        functionNamePrefixes: [],
        language: 'go',
        source: { github: { owner: 'golang', repo: 'go', ref: 'go1.24.8', path: 'src' } },
      },
    ]);
  });

  const java = `
version: v1
source_code:
  mappings:
    - path: [{prefix: org/example/rideshare}]
      language: java
      source: {local: {path: src/main/java/org/example/rideshare}}
    - path: [{prefix: java}]
      language: java
      source: {github: {owner: openjdk, repo: jdk, ref: jdk-17+0, path: src/java.base/share/classes}}
    - path: [{prefix: org/springframework/http}]
      language: java
      source: {github: {owner: spring-projects, repo: spring-framework, ref: v5.3.20, path: spring-web/src/main/java}}
`;

  it('parses three java mappings and a javascript one', () => {
    expect(parseConfig(java).config?.mappings).toHaveLength(3);
    const js = parseConfig(
      'source_code:\n  mappings:\n    - path: [{prefix: /usr/src/app}]\n      language: javascript\n      source: {local: {path: src/paymentservice}}\n'
    );
    expect(js.problems).toEqual([]);
    expect(js.config?.mappings[0].source).toEqual({ local: { path: 'src/paymentservice' } });
  });

  it.each([
    [
      'no language',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      source: {local: {path: x}}\n',
      'language',
    ],
    [
      'no source',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n',
      'no source type supplied',
    ],
    [
      'no match',
      'source_code:\n  mappings:\n    - language: java\n      source: {local: {path: x}}\n',
      'at least one path or a function_name match is required',
    ],
    [
      'rust',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: rust\n      source: {local: {path: x}}\n',
      'unsupported',
    ],
    [
      'both sources',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n      source: {local: {path: x}, github: {owner: o, repo: r}}\n',
      'more than one source type supplied',
    ],
    [
      'duplicate key',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n      source:\n        github: {owner: o, repo: r}\n        github: {owner: p, repo: q}\n',
      'failed to parse',
    ],
    ['version v1alpha1', 'version: v1alpha1\n', "invalid version 'v1alpha1'"],
    ['version 1', 'version: 1\n', "invalid version '1'"],
    ['malformed YAML', 'source_code: [unclosed\n', 'failed to parse pyroscope config'],
  ])('reports %s', (_name, yaml, expected) => {
    const result = parseConfig(yaml);
    expect(result.problems.join('\n')).toContain(expected);
    expect(result.config?.mappings ?? []).toEqual([]);
  });

  it('an empty document is a valid config with no mappings', () => {
    expect(parseConfig('')).toEqual({ config: { version: 'v1', mappings: [] }, problems: [] });
  });

  it('keeps the valid mappings when one is invalid, and says which one is wrong', () => {
    const result = parseConfig(
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: cobol\n      source: {local: {path: x}}\n    - path: [{prefix: b}]\n      language: go\n      source: {local: {path: y}}\n'
    );
    expect(result.problems).toEqual([expect.stringContaining("mapping[0]: language 'cobol' unsupported")]);
    expect(result.config?.mappings.map((m) => m.index)).toEqual([1]);
  });

  it.each([
    ['org/example/rideshare', 'org/example/rideshare'],
    ['org/example/rideshare/App.java', 'org/example/rideshare'],
    ['java', 'java'],
    ['java/util/ArrayList.java', 'java'],
    ['org/springframework/http', 'org/springframework/http'],
    ['org/springframework/http/HttpStatus.java', 'org/springframework/http'],
    ['org/springframework/http/converter/HttpMessageConverter.java', 'org/springframework/http'],
    ['com/google/common/collect/Lists.java', undefined],
    ['organization/test/File.java', undefined],
  ])('FindMapping %s → %s', (path, prefix) => {
    const match = bestMapping(parseConfig(java).config, path, '');
    expect(match?.mapping.pathPrefixes[0]).toBe(prefix);
  });

  it('returns every matching mapping, longest prefix first, ties in file order', () => {
    const { config } = parseConfig(`source_code:
  mappings:
    - {path: [{prefix: a}], language: go, source: {local: {path: one}}}
    - {path: [{prefix: a/b/c}], language: go, source: {local: {path: two}}}
    - {function_name: [{prefix: pkg.}], language: go, source: {local: {path: three}}}
    - {path: [{prefix: ''}], language: go, source: {local: {path: four}}}
    - {path: [{prefix: a}], language: go, source: {local: {path: five}}}
`);
    expect(matchingMappings(config, 'a/b/c/d.go', 'pkg.F').map((m) => m.mapping.index)).toEqual([1, 2, 0, 4, 3]);
  });
});

describe('Java function name → path (§5.8)', () => {
  it.each([
    ['com/example/MyClass', 'com/example/MyClass.java'],
    ['com/example/MyClass.myMethod', 'com/example/MyClass.java'],
    ['com/example/OuterClass$InnerClass', 'com/example/OuterClass.java'],
    ['com/example/OuterClass$InnerClass.method', 'com/example/OuterClass.java'],
    ['com/example/MyClass$1', 'com/example/MyClass.java'],
    ['com/example/Outer$Inner$DeepInner', 'com/example/Outer.java'],
    ['com/example/MyClass.method.withDots', 'com/example/MyClass.java'],
    ['MyClass.method', 'MyClass.java'],
    ['MyClass$Inner', 'MyClass.java'],
    ['MyClass', 'MyClass.java'],
    ['org/springframework/boot/Application$Config$Bean.initialize', 'org/springframework/boot/Application.java'],
    ['com/example/Class$Inner.method', 'com/example/Class.java'],
    ['com/example/Class.method$1', 'com/example/Class.java'],
    ['com/example/Outer$Middle$Inner', 'com/example/Outer.java'],
    ['com/example/Class.method.subMethod', 'com/example/Class.java'],
    ['$Foo', '$Foo.java'],
    // Pyroscope gives org.java; dotted names are split at the class (Linescope).
    ['org.example.Foo.bar', 'org/example/Foo.java'],
    ['org.example.Foo$Inner.lambda$run$0', 'org/example/Foo.java'],
    ['com/linescope/shop/Catalog$$Lambda$98+0x00007f1adc00d210/2143437117.apply', 'com/linescope/shop/Catalog.java'],
  ])('%s → %s', (name, path) => {
    expect(javaFunctionToPath(name)).toBe(path);
  });
});

describe('language by extension (§5.9)', () => {
  it.each(['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx'])('%s is javascript', (ext) =>
    expect(languageOfPath(`a/b${ext}`)).toBe('javascript')
  );
  it.each(['.go', '.py', '', '.json'])('%s is not javascript', (ext) =>
    expect(languageOfPath(`a/b${ext}`)).not.toBe('javascript')
  );
  it('.s is go, .JS is not javascript (case-sensitive)', () => {
    expect(languageOfPath('runtime/asm_amd64.s')).toBe('go');
    expect(languageOfPath('x.JS')).toBe('');
  });
});

describe('Go module paths (§5.5)', () => {
  it.each([
    [
      'github.com/armon/go-metrics@v0.4.1/metrics.go',
      { path: 'github.com/armon/go-metrics', version: 'v0.4.1', file: 'metrics.go' },
    ],
    [
      '/go/pkg/mod/github.com/golang/protobuf@v1.5.3/proto/wire.go',
      { path: 'github.com/golang/protobuf', version: 'v1.5.3', file: 'proto/wire.go' },
    ],
    [
      '/go/pkg/mod/golang.org/x/net@v1.5.3/http2/hpack/tables.go',
      { path: 'golang.org/x/net', version: 'v1.5.3', file: 'http2/hpack/tables.go' },
    ],
    ['/go/pkg/mod/golang.org/x/net/http2/hpack/tables.go', undefined],
    ['/go/pkg/mod/golang.org/x/net@v1.0tables.go', undefined],
    [
      '/Users/pyroscope/.golang/packages/pkg/mod/golang.org/toolchain@v0.0.1-go1.24.6.darwin-arm64/src/net/http/server.go',
      { path: 'golang.org/toolchain', version: 'v0.0.1-go1.24.6.darwin-arm64', file: 'src/net/http/server.go' },
    ],
    [
      '/Users/pyroscope/.golang/packages/pkg/mod/github.com/opentracing-contrib/go-stdlib@v1.0.0/nethttp/server.go',
      { path: 'github.com/opentracing-contrib/go-stdlib', version: 'v1.0.0', file: 'nethttp/server.go' },
    ],
    // The module cache escapes upper case; Pyroscope drops the "!", we restore the letter.
    [
      '/go/pkg/mod/github.com/!azure/go-autorest@v0.11.16/x.go',
      { path: 'github.com/Azure/go-autorest', version: 'v0.11.16', file: 'x.go' },
    ],
  ])('%s', (input, expected) => {
    expect(parseModulePath(input)).toEqual(expected);
  });
});

describe('Go standard library detection', () => {
  it.each([
    ['/usr/local/Cellar/go/1.21.3/libexec/src/runtime/x.go', { path: 'runtime/x.go', version: '1.21.3' }],
    ['/usr/local/go/go1.24.10/src/fmt/print.go', { path: 'fmt/print.go', version: '1.24.10' }],
    [
      '/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.24.6.darwin-arm64/src/net/http/server.go',
      { path: 'net/http/server.go', version: '1.24.6' },
    ],
    ['/usr/local/go/src/net/http/server.go', { path: 'net/http/server.go', version: '' }],
    ['$GOROOT/src/fmt/print.go', { path: 'fmt/print.go', version: '' }],
    ['fmt/scan.go', { path: 'fmt/scan.go', version: '' }],
    [
      '/usr/local/go/src/vendor/golang.org/x/net/idna/idna.go',
      { path: 'vendor/golang.org/x/net/idna/idna.go', version: '' },
    ],
    ['/usr/lib/go-1.19/src/runtime/proc.go', { path: 'runtime/proc.go', version: '1.19' }],
    // Pyroscope misreads this module-cache path as Go 1.2.3 (reference §6.5 item 7).
    ['/go/pkg/mod/github.com/foo/bar@v1.2.3/src/fmt/x.go', undefined],
    ['github.com/acme/app/main.go', undefined],
    ['/app/internal/cart/cart.go', undefined],
  ])('%s', (path, expected) => {
    expect(detectGoStd(path)).toEqual(expected);
  });

  it("takes the Go release from go.mod: toolchain, full go line, else the language version's first release", () => {
    expect(goVersionFromGoMod(parseGoMod('module m\ngo 1.21\ntoolchain go1.22.3\n'))).toBe('1.22.3');
    expect(goVersionFromGoMod(parseGoMod('module m\ngo 1.21.4\n'))).toBe('1.21.4');
    expect(goVersionFromGoMod(parseGoMod('module m\ngo 1.19\n'))).toBe('1.19.0');
    expect(goVersionFromGoMod(parseGoMod('module m\n'))).toBe('');
  });

  it('maps versions to golang/go tags', () => {
    expect(goReleaseTag('1.21.3')).toBe('go1.21.3');
    expect(goReleaseTag('1.19.0')).toBe('go1.19');
    expect(goReleaseTag('1.22.0')).toBe('go1.22.0');
    expect(goReleaseTag('1.19')).toBe('go1.19');
  });
});

describe('go.mod application and module location (§5.6)', () => {
  const goMod = parseGoMod(`module github.com/grafana/pyroscope

go 1.21

require (
	github.com/grafana/grafana-plugin-sdk-go v0.3.0
	connectrpc.com/connect v1.14.0
	connectrpc.com/grpchealth v1.3.0
	github.com/!azure/go-autorest v0.11.16-0.20210324193631-8d5b6a9c4f9e
	golang.org/x/crypto v0.0.0-20210322153248-8c942d7d6b5c
	golang.org/x/term v0.15.0 // indirect
	golang.org/x/tools v0.15.0
	google.golang.org/api v0.152.0
	k8s.io/utils v0.0.0-20230711102312-30195339c3c7
)

replace (
	github.com/thanos-io/objstore => github.com/grafana/objstore v0.0.0-20231121154247-84f91ea90e72
	gopkg.in/yaml.v3 => github.com/colega/go-yaml-yaml v0.0.0-20220720105220-255a8d16d094
)

replace github.com/grafana/pyroscope/api => ./api
`);

  it('reads module, require and replace lines', () => {
    expect(goMod?.module).toBe('github.com/grafana/pyroscope');
    expect(goMod?.requires.get('golang.org/x/term')).toBe('v0.15.0');
    expect(goMod?.replaces.get('github.com/grafana/pyroscope/api')).toEqual({ path: './api', version: '' });
    expect(parseGoMod('go 1.21\n')).toBeUndefined();
  });

  it.each([
    [
      'github.com/grafana/grafana-plugin-sdk-go',
      'v0.4.0',
      { owner: 'grafana', repo: 'grafana-plugin-sdk-go', subdir: '', version: 'v0.3.0' },
    ],
    [
      'github.com/thanos-io/objstore',
      'v0.4.0',
      { owner: 'grafana', repo: 'objstore', subdir: '', version: 'v0.0.0-20231121154247-84f91ea90e72' },
    ],
    ['gopkg.in/yaml.v3', '', { owner: 'colega', repo: 'go-yaml-yaml', version: 'v0.0.0-20220720105220-255a8d16d094' }],
    ['github.com/alecthomas/kingpin/v2', '', { owner: 'alecthomas', repo: 'kingpin', subdir: '' }],
    [
      'k8s.io/utils',
      'v0.0.0-20231121154247-84f91ea90e72',
      { owner: 'kubernetes', repo: 'utils', version: 'v0.0.0-20230711102312-30195339c3c7' },
    ],
    [
      'cloud.google.com/go/storage',
      'v1.30.0',
      { owner: 'googleapis', repo: 'google-cloud-go', subdir: 'storage', version: 'v1.30.0' },
    ],
    ['google.golang.org/protobuf', 'v1.31.0', { owner: 'protocolbuffers', repo: 'protobuf-go' }],
    // Pyroscope goes to go.googlesource.com; we use the golang/* GitHub mirrors and never contact other hosts.
    ['golang.org/x/oauth2', 'v0.10.0', { owner: 'golang', repo: 'oauth2' }],
    ['go.uber.org/zap', 'v1.27.0', { owner: 'uber-go', repo: 'zap' }],
    ['sigs.k8s.io/yaml', 'v1.4.0', { owner: 'kubernetes-sigs', repo: 'yaml' }],
    ['go.opentelemetry.io/otel/sdk', 'v1.24.0', { owner: 'open-telemetry', repo: 'opentelemetry-go', subdir: 'sdk' }],
    ['go.etcd.io/bbolt', 'v1.3.9', { owner: 'etcd-io', repo: 'bbolt' }],
    ['connectrpc.com/connect', 'v1.0.0', { owner: 'connectrpc', repo: 'connect-go', version: 'v1.14.0' }],
  ])('%s@%s', (path, version, expected) => {
    expect(locateModule(path, version, goMod)).toMatchObject({ kind: 'github', ...expected });
  });

  it('without go.mod: gopkg.in and major versions', () => {
    expect(locateModule('gopkg.in/yaml.v3', '', undefined)).toMatchObject({ owner: 'go-yaml', repo: 'yaml' });
    expect(locateModule('github.com/go-yaml/yaml/v56', '', undefined)).toMatchObject({
      owner: 'go-yaml',
      repo: 'yaml',
      subdir: '',
    });
    expect(locateModule('gopkg.in/kingpin.v2', '', undefined)).toMatchObject({ owner: 'go-kingpin', repo: 'kingpin' });
    expect(gopkgIn('gopkg.in/user/pkg.v3')).toBe('github.com/user/pkg');
    expect(gopkgIn('gopkg.in/nodot')).toBeUndefined();
  });

  it('a local replace points into the request repository; unknown hosts are unsupported', () => {
    expect(locateModule('github.com/grafana/pyroscope/api', 'v0.4.0', goMod)).toEqual({ kind: 'local', dir: 'api' });
    expect(locateModule('', '', undefined)).toMatchObject({ kind: 'unsupported' });
    expect(locateModule('example.org/private/lib', 'v1.0.0', undefined)).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringContaining('unsupported module path: example.org/private/lib'),
    });
  });

  it.each([
    ['v0.0.0-20231121154247-84f91ea90e72', '84f91ea90e72'],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'daa7c04131f5'],
    ['v2.2.6+incompatible', 'v2.2.6'],
    ['v1.2', 'v1.2.0'],
    ['v1', 'v1.0.0'],
    ['v1.2.3-rc.1', 'v1.2.3-rc.1'],
    ['main', 'main'],
  ])('refFromVersion(%s) = %s', (version, ref) => {
    expect(refFromVersion(version)).toBe(ref);
  });
});

describe('Python standard library detection', () => {
  it.each([
    ['/usr/lib/python3.12/json/decoder.py', { version: '3.12', path: 'json/decoder.py' }],
    ['/opt/python3.9/lib/python3.11/asyncio/events.py', { version: '3.11', path: 'asyncio/events.py' }],
    // Pyroscope treats site-packages as stdlib (reference §6.5 item 6); we do not.
    ['/usr/local/lib/python3.12/site-packages/requests/api.py', undefined],
    ['/usr/lib/python3/dist-packages/x.py', undefined],
    ['/usr/lib/Python3.12/json/decoder.py', undefined],
    ['/usr/lib/python3.12/', undefined],
  ])('%s', (path, expected) => {
    expect(detectPythonStd(path)).toEqual(expected);
  });
});

describe('paths', () => {
  it('joins like Go', () => {
    expect(goJoin('a', '', 'b/')).toBe('a/b');
    expect(goJoin('', '')).toBe('');
    expect(goJoin('a/./b', '../c')).toBe('a/c');
    expect(goJoin('/a//b')).toBe('/a/b');
  });

  it('lists suffixes after a github.com/<owner>/<repo>/ prefix', () => {
    const repo = parseRepositoryUrl('https://github.com/grafana/pyroscope', 'https://github.com');
    expect(relativeSuffixes('/var/service1/src/main.go', repo)).toEqual([
      'var/service1/src/main.go',
      'service1/src/main.go',
      'src/main.go',
      'main.go',
    ]);
    expect(relativeSuffixes('/Users/p/git/github.com/grafana/pyroscope/main.go', repo)).toEqual(['main.go']);
  });
});

describe('metrics route labels (§5.14)', () => {
  it.each([
    ['/repos/grafana/pyroscope/contents/pkg/querier/querier.go', '/repos/{owner}/{repo}/contents/{path}'],
    ['/repos/connectrpc/connect-go/contents/protocol.go', '/repos/{owner}/{repo}/contents/{path}'],
    ['/repos/grafana/pyroscope/contents/', 'unknown_route'],
    ['/repos/grafana/pyroscope/contents/path with spaces', 'unknown_route'],
    ['/repos/grafana/pyroscope/commits/abcdef1234567890', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/abcdefABCDEF1234567890', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/HEAD', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/', 'unknown_route'],
    ['/login/oauth/access_token', '/login/oauth/access_token'],
    ['', 'unknown_route'],
    ['/some/random/path', 'unknown_route'],
    ['/api/v3/repos/o/r/git/trees/abc', '/repos/{owner}/{repo}/git/trees/{sha}'],
  ])('%s → %s', (path, label) => {
    expect(githubRouteLabel(path)).toBe(label);
  });
});

describe('repository URLs', () => {
  const gh = 'https://github.com';
  it.each([
    'https://github.com/grafana/pyroscope',
    'https://github.com/grafana/pyroscope.git',
    'http://github.com/grafana/pyroscope',
    'https://www.github.com/grafana/pyroscope/tree/main/pkg',
    'git@github.com:grafana/pyroscope.git',
    'git@github.com:grafana/pyroscope',
    'ssh://git@github.com/grafana/pyroscope.git',
    'ssh://git@github.com:22/grafana/pyroscope',
    'github.com/grafana/pyroscope',
    'grafana/pyroscope',
  ])('%s', (url) => {
    expect(parseRepositoryUrl(url, gh)).toEqual({
      owner: 'grafana',
      repo: 'pyroscope',
      fullName: 'grafana/pyroscope',
      webUrl: 'https://github.com/grafana/pyroscope',
    });
  });

  it.each([
    [
      'https://gitlab.com/a/b',
      "repository host 'gitlab.com' not supported; supported hosts: github.com, www.github.com, raw.githubusercontent.com",
    ],
    ['https://github.example.com/a/b', "repository host 'github.example.com' not supported"],
    ['https://github.com/grafana', "expecting <owner>/<repo> in url path, received: '/grafana'"],
    ['ftp://github.com/a/b', "scheme 'ftp' not supported"],
    ['', 'repository URL is empty'],
    ['https://github.com/a%20b/c', 'invalid owner or repository name'],
  ])('%s is refused', (url, message) => {
    expect(() => parseRepositoryUrl(url, gh)).toThrow(message);
  });

  it('accepts the GitHub Enterprise host (and configured aliases) only', () => {
    const ghe = 'https://ghe.corp.example';
    expect(parseRepositoryUrl('git@ghe.corp.example:team/svc.git', ghe).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
    expect(() => parseRepositoryUrl('https://github.com/team/svc', ghe)).toThrow('supported hosts: ghe.corp.example');
    expect(parseRepositoryUrl('https://old-ghe.corp.example/team/svc', ghe, ['old-ghe.corp.example']).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
  });
});

describe('byte-bounded LRU', () => {
  it('evicts least recently used entries by total bytes, not count', () => {
    const lru = new ByteLru<Buffer>({ maxBytes: 1000, sizeOf: (b) => b.length });
    lru.set('a', Buffer.alloc(300));
    lru.set('b', Buffer.alloc(300));
    lru.get('a');
    lru.set('c', Buffer.alloc(300));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.totalBytes).toBeLessThanOrEqual(1000);
    expect(lru.set('huge', Buffer.alloc(5000))).toBe(false);
    expect(lru.size).toBe(2);
  });

  it('expires entries after the time-to-live', () => {
    let now = 0;
    const lru = new ByteLru<number>({ maxBytes: 1000, sizeOf: () => 1, ttlMs: 100, now: () => now });
    lru.set('x', 1);
    now = 100;
    expect(lru.get('x')).toBe(1);
    now = 201;
    expect(lru.get('x')).toBeUndefined();
  });
});
