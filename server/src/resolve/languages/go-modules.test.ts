/** Go: module-cache paths, the standard library, and where a module's source lives. */
import {
  detectGoStd,
  goReleaseTag,
  goVersionFromGoMod,
  gopkgIn,
  locateModule,
  parseModulePath,
  refFromVersion,
} from './go-modules';
import { parseGoMod } from './gomod';

describe('Go module paths', () => {
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
    // Pyroscope misreads this module-cache path as Go 1.2.3.
    ['/go/pkg/mod/github.com/foo/bar@v1.2.3/src/fmt/x.go', undefined],
    ['github.com/acme/app/main.go', undefined],
    ['/app/internal/cart/cart.go', undefined],
  ])('%s', (path, expected) => {
    expect(detectGoStd(path)).toEqual(expected);
  });

  it.each([
    ['module m\ngo 1.21\ntoolchain go1.22.3\n', '1.22.3'],
    ['module m\ngo 1.21.4\n', '1.21.4'],
    ['module m\ngo 1.19\n', '1.19.0'],
    ['module m\n', ''],
  ])(
    "takes the Go release from go.mod (toolchain, full go line, else the language version's first release): %j → %s",
    (goMod, release) => {
      expect(goVersionFromGoMod(parseGoMod(goMod))).toBe(release);
    }
  );

  it.each([
    ['1.21.3', 'go1.21.3'],
    ['1.19.0', 'go1.19'],
    ['1.22.0', 'go1.22.0'],
    ['1.19', 'go1.19'],
  ])('Go %s is golang/go tag %s', (version, tag) => {
    expect(goReleaseTag(version)).toBe(tag);
  });
});

describe('go.mod application and module location', () => {
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
