/** Resolution without HTTP: a SourceReader over an in-memory map, recording each read, in Pyroscope's order. */
import { parseRepositoryUrl } from '../hosts/repository';
import { languageOfFrame, languageOfPath, resolveFile } from './resolver';
import { NotResolvedError, Resolution } from './resolution';
import { MapReader } from '../../test/map-reader';
import { resolutionHostsFor } from '../../test/resolution-hosts';

const HOSTS = resolutionHostsFor();

const GH = 'https://github.com';
const repository = parseRepositoryUrl('http://github.com/grafana/pyroscope', {
  kind: 'github',
  webUrl: GH,
  aliases: [],
});

/** The request for a frame at `path` in grafana/pyroscope at main. */
const frame = (path: string, functionName = '') => ({ repository, ref: 'main', path, rootPath: '', functionName });

/** Resolves a frame over these files (keyed `owner/repo@ref:path`); `reads` is every read, in order. */
async function resolveOver(files: Record<string, string>, path: string, functionName = '') {
  const reader = new MapReader(files, false);
  const found = await resolveFile(reader, frame(path, functionName), GH, HOSTS);
  return { found, reads: reader.reads };
}

/** A .pyroscope.yaml at the root of grafana/pyroscope at main. */
const configFile = (yaml: string) => ({ 'grafana/pyroscope@main:.pyroscope.yaml': yaml });

describe('suffix trimming (tryFindGoFile) with one read per candidate', () => {
  it.each([
    [
      '/var/service1/src/main.go',
      '',
      { 'grafana/pyroscope@main:main.go': 'x' },
      5,
      ['var/service1/src/main.go', 'service1/src/main.go', 'src/main.go', 'main.go'],
      true,
    ],
    [
      '/src/main.go',
      'service/example',
      { 'grafana/pyroscope@main:service/example/main.go': 'x' },
      5,
      ['service/example/src/main.go', 'service/example/main.go'],
      true,
    ],
    ['github.com/grafana/pyroscope/main.go', '', { 'grafana/pyroscope@main:main.go': 'x' }, 1, ['main.go'], true],
    [
      '/Users/pyroscope/git/github.com/grafana/pyroscope/main.go',
      '',
      { 'grafana/pyroscope@main:main.go': 'x' },
      1,
      ['main.go'],
      true,
    ],
    [
      '/var/service1/src/main.go',
      '',
      { 'grafana/pyroscope@main:main.go': 'x' },
      3,
      ['var/service1/src/main.go', 'service1/src/main.go', 'src/main.go'],
      false,
    ],
  ])('%s (root %s)', async (path, rootPath, files, maxAttempts, expected, found) => {
    const reader = new MapReader(files, false);
    const r = new Resolution(reader, { ...frame(path), rootPath }, GH, HOSTS);
    const result = await r.tryRelativeSuffixes('relative', path, maxAttempts);
    expect(reader.reads.map((read) => read.slice('grafana/pyroscope@main:'.length))).toEqual(expected);
    expect(result !== undefined).toBe(found);
  });

  it('with a tree listing, reads only the file that exists', async () => {
    const reader = new MapReader({ 'grafana/pyroscope@main:main.go': 'package main' });
    const r = new Resolution(reader, frame('/var/service1/src/main.go'), GH, HOSTS);
    expect((await r.tryRelativeSuffixes('relative', '/var/service1/src/main.go'))?.path).toBe('main.go');
    expect(reader.reads).toEqual(['grafana/pyroscope@main:main.go']);
  });
});

describe('resolveFile without HTTP', () => {
  it('Go stdlib without config: the config read, then golang/go at master (Pyroscope: 2 calls)', async () => {
    const { found, reads } = await resolveOver(
      { 'golang/go@master:src/net/http/server.go': 'package http' },
      '/usr/local/go/src/net/http/server.go',
      'net/http.(*conn).serve'
    );
    expect(found).toMatchObject({ rule: 'go:stdlib', path: 'src/net/http/server.go', ref: 'master' });
    expect(reads).toEqual([
      'grafana/pyroscope@main:.pyroscope.yaml',
      'grafana/pyroscope@main:go.mod',
      'golang/go@master:src/net/http/server.go',
    ]);
  });

  it('reads a versioned stdlib file while the config loads, once, and reports it as an attempt', async () => {
    const { found, reads } = await resolveOver(
      { 'golang/go@go1.21.3:src/fmt/print.go': 'package fmt' },
      '/usr/local/go/go1.21.3/src/fmt/print.go'
    );
    expect(found).toMatchObject({ rule: 'go:stdlib', ref: 'go1.21.3' });
    expect(reads.sort()).toEqual(['golang/go@go1.21.3:src/fmt/print.go', 'grafana/pyroscope@main:.pyroscope.yaml']);
  });

  it('a mapping still wins over the stdlib file read ahead', async () => {
    const { found } = await resolveOver(
      {
        ...configFile(
          'source_code:\n  mappings:\n    - {path: [{prefix: /usr/local/go/go1.21.3/src}], language: go, source: {local: {path: third_party/go}}}\n'
        ),
        'grafana/pyroscope@main:third_party/go/fmt/print.go': 'package fmt // patched',
        'golang/go@go1.21.3:src/fmt/print.go': 'package fmt',
      },
      '/usr/local/go/go1.21.3/src/fmt/print.go'
    );
    expect(found).toMatchObject({ rule: 'mapping:local[0]', path: 'third_party/go/fmt/print.go' });
  });

  it('a $GOROOT-less stdlib-looking repo path falls through to the repository (Pyroscope stops at stdlib)', async () => {
    const { found } = await resolveOver(
      { 'grafana/pyroscope@main:net/http/handler.go': 'package http // ours' },
      'net/http/handler.go'
    );
    expect(found).toMatchObject({ rule: 'relative', path: 'net/http/handler.go' });
  });

  it('tries every matching mapping (longest first), not only the best one', async () => {
    const { found, reads } = await resolveOver(
      {
        ...configFile(`source_code:
  mappings:
    - {path: [{prefix: /build}], language: go, source: {local: {path: b}}}
    - {path: [{prefix: /build/gen}], language: go, source: {github: {owner: acme, repo: gen, ref: v1, path: out}}}
`),
        'grafana/pyroscope@main:b/gen/x.go': 'package gen',
      },
      '/build/gen/x.go'
    );
    expect(found).toMatchObject({ rule: 'mapping:local[0]', path: 'b/gen/x.go' });
    expect(reads.slice(1)).toEqual(['acme/gen@v1:out/x.go', 'grafana/pyroscope@main:b/gen/x.go']);
  });

  it('a function_name match does not cut the path at the prefix length (unlike Pyroscope)', async () => {
    const { found } = await resolveOver(
      {
        ...configFile(
          'source_code:\n  mappings:\n    - {function_name: [{prefix: github.com/acme/very/long/prefix}], language: go, source: {local: {path: lib}}}\n'
        ),
        'grafana/pyroscope@main:lib/x/y.go': 'package y',
      },
      'x/y.go',
      'github.com/acme/very/long/prefix/y.F'
    );
    expect(found).toMatchObject({ rule: 'mapping:local[0]', path: 'lib/x/y.go' });
  });

  it('a GitHub source with an empty ref reads the default branch', async () => {
    const { found } = await resolveOver(
      {
        ...configFile(
          'source_code:\n  mappings:\n    - {path: [{prefix: vendor/}], language: javascript, source: {github: {owner: acme, repo: ui}}}\n'
        ),
        'acme/ui@:lib/a.js': 'export {}',
      },
      'vendor/lib/a.js'
    );
    expect(found).toMatchObject({ rule: 'mapping:github[0]', path: 'lib/a.js', ref: 'HEAD' });
  });

  it('bounds the number of reads for one frame', async () => {
    const reader = new MapReader({}, false);
    const deep = `/${Array.from({ length: 80 }, (_, i) => `d${i}`).join('/')}/x.go`;
    await expect(resolveFile(reader, frame(deep), GH, HOSTS)).rejects.toBeInstanceOf(NotResolvedError);
    expect(reader.reads.length).toBeLessThanOrEqual(40);
  });
});

describe('language by extension', () => {
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

describe('Java frames without a file (Pyroscope’s Java agent)', () => {
  it('take the language from a class-qualified name when the path is empty', () => {
    expect(languageOfFrame('', 'com/linescope/shop/Catalog.search')).toBe('java');
    expect(languageOfFrame('', 'com/acme/Outer$Inner.lambda$run$0')).toBe('java');
    expect(languageOfFrame('', 'com/acme/Foo.<init>')).toBe('java');
    // Not Java: a file decides; plain or native names without a package say nothing.
    expect(languageOfFrame('main.go', 'com/acme/Foo.bar')).toBe('go');
    expect(languageOfFrame('', 'Catalog.search')).toBe('');
    expect(languageOfFrame('', 'libjvm.so.PhaseIFG::SquareUp')).toBe('');
    expect(languageOfFrame('', '')).toBe('');
  });

  it('resolve to the class file in the service’s own tree, as frames with a .java path do', async () => {
    const files = { 'grafana/pyroscope@main:src/main/java/com/acme/Foo.java': 'class Foo {}' };
    const reader = new MapReader(files);
    const found = await resolveFile(reader, frame('', 'com/acme/Foo$Inner.bar'), GH, HOSTS);
    expect(found.url).toBe('https://github.com/grafana/pyroscope/blob/main/src/main/java/com/acme/Foo.java');
  });
});
