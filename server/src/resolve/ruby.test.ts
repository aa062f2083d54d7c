/** Ruby rules: the table of paths to places, and whole resolutions over an in-memory repository. */
import { FileNotFoundError } from '../hosts/errors';
import { parseRepositoryUrl, Repository } from '../hosts/github/repository-url';
import { parseConfig } from './config';
import { NotResolvedError } from './resolution';
import { resolveFile } from './resolver';
import { detectRubyStd, rubyFilePath, rubyGem, rubyReleaseTag, rubyStdCandidates } from './ruby';
import { RepoFile, SourceReader } from '../hosts/git-host';

/** Files keyed `owner/repo@ref:path`; lists the request repository's tree like GitHub's recursive tree call. */
class MapReader implements SourceReader {
  reads: string[] = [];
  constructor(private readonly files: Record<string, string>) {}
  async readFile(repo: Repository, path: string, ref: string): Promise<RepoFile> {
    this.reads.push(`${repo.fullName}@${ref}:${path}`);
    const content = this.files[`${repo.fullName}@${ref}:${path}`];
    if (content === undefined) {
      throw new FileNotFoundError('file not found');
    }
    return { content: Buffer.from(content), url: `${repo.webUrl}/blob/${ref}/${path}` };
  }
  async listFiles(repo: Repository, ref: string): Promise<ReadonlySet<string>> {
    const prefix = `${repo.fullName}@${ref}:`;
    return new Set(
      Object.keys(this.files)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length))
    );
  }
}

const GH = 'https://github.com';
const repository = parseRepositoryUrl('https://github.com/acme/shop', GH);
const resolve = (files: Record<string, string>, path: string, runtimeVersion = '') => {
  const reader = new MapReader(files);
  return {
    reader,
    result: resolveFile(reader, { repository, ref: 'main', path, rootPath: '', functionName: 'm', runtimeVersion }, GH),
  };
};

describe('Ruby paths', () => {
  it.each([
    ['/usr/lib/ruby/3.1.0/set.rb', { ref: 'ruby_3_1', file: 'set.rb' }],
    ['/usr/lib/ruby/3.1.0/json/common.rb', { ref: 'ruby_3_1', file: 'json/common.rb' }],
    ['/home/me/.rbenv/versions/3.2.2/lib/ruby/3.2.0/set.rb', { ref: 'v3_2_2', file: 'set.rb' }],
    ['/usr/local/rvm/rubies/ruby-3.3.1/lib/ruby/3.3.0/net/http.rb', { ref: 'v3_3_1', file: 'net/http.rb' }],
    ['/usr/local/lib/ruby/3.3.0/prettyprint.rb', { ref: 'ruby_3_3', file: 'prettyprint.rb' }],
    // A prefix naming another release than the library folder is not trusted for the tag.
    ['/opt/versions/3.1.4/lib/ruby/3.2.0/set.rb', { ref: 'ruby_3_2', file: 'set.rb' }],
    ['/usr/lib/ruby/gems/3.1.0/gems/rack-2.2.8/lib/rack.rb', undefined],
    ['/usr/lib/ruby/vendor_ruby/3.1.0/x.rb', undefined],
    ['/usr/local/lib/ruby/site_ruby/3.3.0/x.rb', undefined],
    ['/app/lib/shop/catalog.rb', undefined],
  ])('standard library of %s is %j', (path, std) => {
    expect(detectRubyStd(path)).toEqual(std);
  });

  it.each([
    ['set.rb', ['lib/set.rb', 'ext/set/lib/set.rb']],
    ['json/common.rb', ['lib/json/common.rb', 'ext/json/lib/json/common.rb']],
  ])('%s is looked for at %j', (file, candidates) => {
    expect(rubyStdCandidates(file)).toEqual(candidates);
  });

  it.each([
    ['/usr/local/bundle/gems/rack-2.2.8/lib/rack/builder.rb', { name: 'rack', version: '2.2.8' }],
    [
      '/app/vendor/bundle/ruby/3.2.0/gems/net-http-persistent-4.0.2/lib/x.rb',
      { name: 'net-http-persistent', version: '4.0.2' },
    ],
    ['/app/lib/shop/catalog.rb', undefined],
  ])('gem of %s is %j', (path, gem) => {
    expect(rubyGem(path)).toEqual(gem);
  });

  it.each([
    ['3.1.2', 'v3_1_2'],
    ['v3.3.0', 'v3_3_0'],
    ['3.1.2p20', 'v3_1_2'],
    ['3.1', undefined],
    ['', undefined],
  ])('release tag of %j is %s', (version, tag) => {
    expect(rubyReleaseTag(version)).toBe(tag);
  });

  it('is a language .pyroscope.yaml accepts, unlike unknown ones', () => {
    const config = (language: string) =>
      parseConfig(
        `source_code:\n  mappings:\n    - path: [{prefix: /app}]\n      language: ${language}\n      source: {local: {path: ""}}\n`
      );
    expect(config('ruby').problems).toEqual([]);
    expect(config('javascript').problems).toEqual([]);
    expect(config('typescript').problems).toEqual([]);
    expect(config('crystal').problems).toEqual([expect.stringContaining("language 'crystal' unsupported")]);
  });
});

describe('Ruby resolution', () => {
  it('resolves application paths relative to the repository root', async () => {
    const files = { 'acme/shop@main:lib/shop/catalog.rb': 'class Catalog; end' };
    await expect(resolve(files, '/app/lib/shop/catalog.rb').result).resolves.toMatchObject({
      path: 'lib/shop/catalog.rb',
      rule: 'relative',
    });
  });

  it('reads the standard library from ruby/ruby at the maintenance branch or the exact tag', async () => {
    const files = { 'ruby/ruby@ruby_3_1:lib/set.rb': 'set', 'ruby/ruby@v3_2_2:lib/set.rb': 'set 3.2.2' };
    await expect(resolve(files, '/usr/lib/ruby/3.1.0/set.rb').result).resolves.toMatchObject({
      ref: 'ruby_3_1',
      path: 'lib/set.rb',
      rule: 'ruby:stdlib',
    });
    await expect(resolve(files, '/root/.rbenv/versions/3.2.2/lib/ruby/3.2.0/set.rb').result).resolves.toMatchObject({
      ref: 'v3_2_2',
      path: 'lib/set.rb',
    });
  });

  it('finds libraries kept with their C extension under ext/', async () => {
    const { reader, result } = resolve(
      { 'ruby/ruby@ruby_3_1:ext/json/lib/json/common.rb': 'json' },
      '/usr/lib/ruby/3.1.0/json/common.rb'
    );
    await expect(result).resolves.toMatchObject({ path: 'ext/json/lib/json/common.rb' });
    expect(reader.reads.filter((r) => r.startsWith('ruby/'))).toEqual([
      'ruby/ruby@ruby_3_1:lib/json/common.rb',
      'ruby/ruby@ruby_3_1:ext/json/lib/json/common.rb',
    ]);
  });

  it('names every place tried when the standard-library file is not there', async () => {
    const error = (await resolve({}, '/usr/lib/ruby/3.1.0/nosuch.rb').result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^Ruby standard library file not found/);
    expect(error.explanation.attempts.filter((a) => a.rule === 'ruby:stdlib').map((a) => `${a.ref}:${a.path}`)).toEqual(
      ['ruby_3_1:lib/nosuch.rb', 'ruby_3_1:ext/nosuch/lib/nosuch.rb']
    );
  });

  it('resolves gems only through mappings, and says how', async () => {
    const path = '/usr/local/bundle/gems/rack-2.2.8/lib/rack/builder.rb';
    const error = (await resolve({}, path).result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^gem with no mapping/);
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({ rule: 'ruby:gem', outcome: expect.stringContaining('gems/rack-2.2.8') })
    );
    const mapped = {
      'acme/shop@main:.pyroscope.yaml': `source_code:
  mappings:
    - path: [{prefix: /usr/local/bundle/gems/rack-2.2.8}]
      language: ruby
      source: {github: {owner: rack, repo: rack, ref: v2.2.8, path: ""}}
`,
      'rack/rack@v2.2.8:lib/rack/builder.rb': 'rack',
    };
    await expect(resolve(mapped, path).result).resolves.toMatchObject({ path: 'lib/rack/builder.rb', ref: 'v2.2.8' });
  });

  it('explains C methods without asking GitHub for anything but the config', async () => {
    const { reader, result } = resolve({}, '<cfunc>');
    const error = (await result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^C method, no Ruby source/);
    expect(error.explanation.language).toBe('ruby');
    expect(reader.reads).toEqual(['acme/shop@main:.pyroscope.yaml']);
  });

  it('reads Ruby’s built-in Ruby code (<internal:…>) at the labelled version, else explains', async () => {
    const files = { 'ruby/ruby@v3_1_2:numeric.rb': 'class Integer; end' };
    await expect(resolve(files, '<internal:numeric>', '3.1.2').result).resolves.toMatchObject({
      path: 'numeric.rb',
      ref: 'v3_1_2',
      rule: 'ruby:internal',
    });
    const error = (await resolve(files, '<internal:numeric>').result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(
      /^Ruby built-in Ruby code and no Ruby release to read it at \(label the service with service_runtime_version\)/
    );
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({ rule: 'ruby:internal', outcome: expect.stringContaining('service_runtime_version') })
    );
    const missing = (await resolve({}, '<internal:pack>', '3.1.2').result.catch((e) => e)) as NotResolvedError;
    expect(missing.message).toMatch(/^Ruby built-in Ruby code not found at the Ruby version/);
  });

  it('reads the file RubyGems wraps in <internal:…> (its Kernel#require) as that file', async () => {
    const wrapped = '<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>';
    expect(rubyFilePath(wrapped)).toBe('/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb');
    expect(rubyFilePath('<internal:numeric>')).toBe('<internal:numeric>');
    const files = { 'ruby/ruby@ruby_3_3:lib/rubygems/core_ext/kernel_require.rb': 'module Kernel; end' };
    await expect(resolve(files, wrapped).result).resolves.toMatchObject({
      path: 'lib/rubygems/core_ext/kernel_require.rb',
      ref: 'ruby_3_3',
      rule: 'ruby:stdlib',
    });
    // Debian's RubyGems lives outside the standard library: tried as an application path, with that reason.
    const debian = '<internal:/usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>';
    const error = (await resolve({}, debian).result.catch((e) => e)) as NotResolvedError;
    expect(error.message).toMatch(/^no mappings matched and relative path not found/);
    expect(error.explanation.attempts).not.toContainEqual(expect.objectContaining({ rule: 'ruby:internal' }));
  });
});
