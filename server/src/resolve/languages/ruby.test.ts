/** Ruby rules: the table of paths to places, and whole resolutions over an in-memory repository. */
import { parseConfig } from '../config';
import { NotResolvedError } from '../resolution';
import { detectRubyStd, rubyGem, rubyReleaseTag, rubyStdCandidates } from './ruby';
import { resolveOver as resolve } from '../../../test/map-reader';
import { HOST_MAPPINGS } from '../../../test/resolution-hosts';

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
    [
      '/usr/local/bundle/gems/rack-2.2.8/lib/rack/builder.rb',
      'rack',
      '2.2.8',
      false,
      '/usr/local/bundle/gems/rack-2.2.8',
    ],
    [
      '/app/vendor/bundle/ruby/3.2.0/gems/net-http-persistent-4.0.2/lib/x.rb',
      'net-http-persistent',
      '4.0.2',
      false,
      '/app/vendor/bundle/ruby/3.2.0/gems/net-http-persistent-4.0.2',
    ],
    // Bundler's git checkouts: the commit's first 12 hex digits, which may start with a letter or a digit.
    [
      '/usr/local/bundle/bundler/gems/rack-attack-ab12cd34ef56/lib/rack/attack.rb',
      'rack-attack',
      'ab12cd34ef56',
      true,
      '/usr/local/bundle/bundler/gems/rack-attack-ab12cd34ef56',
    ],
    [
      '/usr/local/bundle/bundler/gems/rack-0123456789ab/lib/rack.rb',
      'rack',
      '0123456789ab',
      true,
      '/usr/local/bundle/bundler/gems/rack-0123456789ab',
    ],
    // The innermost gem folder wins.
    [
      '/usr/local/bundle/gems/rails-7.1.0/vendor/bundler/gems/foo-abcdefabcdef/lib/foo.rb',
      'foo',
      'abcdefabcdef',
      true,
      '/usr/local/bundle/gems/rails-7.1.0/vendor/bundler/gems/foo-abcdefabcdef',
    ],
  ])('gem of %s is %s %s (git: %s) at %s', (path, name, version, git, prefix) => {
    expect(rubyGem(path)).toEqual({ name, version, git, prefix });
  });

  it.each([
    ['/app/lib/shop/catalog.rb'],
    // Not a git checkout's name (the commit part is 12 lowercase hex digits), nor a release.
    ['/usr/local/bundle/bundler/gems/rack-abcdef/lib/rack.rb'],
    ['/usr/local/bundle/bundler/gems/rack-ABCDEF123456/lib/rack.rb'],
    ['/app/gems/shop/catalog.rb'],
  ])('%s is not a gem', (path) => {
    expect(rubyGem(path)).toBeUndefined();
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
        `source_code:\n  mappings:\n    - path: [{prefix: /app}]\n      language: ${language}\n      source: {local: {path: ""}}\n`,
        HOST_MAPPINGS
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
    expect(error.message).toMatch(
      /^gem rack 2\.2\.8 with no mapping \(map the path prefix \/usr\/local\/bundle\/gems\/rack-2\.2\.8 /
    );
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

  const GIT_GEM = '/usr/local/bundle/bundler/gems/rack-attack-ab12cd34ef56/lib/rack/attack.rb';
  const GIT_GEM_PREFIX = '/usr/local/bundle/bundler/gems/rack-attack-ab12cd34ef56';
  const mapping = (prefix: string, ref: string) => `source_code:
  mappings:
    - path: [{prefix: "${prefix}"}]
      language: ruby
      source: {github: {owner: rack, repo: rack-attack, ref: ${ref}, path: ""}}
`;

  it('resolves a gem from a git checkout (bundler/gems) through its mapping, not as an application path', async () => {
    const files = {
      'acme/shop@main:.pyroscope.yaml': mapping(GIT_GEM_PREFIX, 'ab12cd34ef56'),
      'rack/rack-attack@ab12cd34ef56:lib/rack/attack.rb': 'module Rack; end',
      'acme/shop@main:lib/rack/attack.rb': 'not it',
    };
    await expect(resolve(files, GIT_GEM).result).resolves.toMatchObject({
      repository: expect.objectContaining({ fullName: 'rack/rack-attack' }),
      ref: 'ab12cd34ef56',
      path: 'lib/rack/attack.rb',
      rule: 'mapping:github[0]',
    });
  });

  it.each([
    [
      'no mapping matches: names the gem and the prefix to map',
      {},
      /^gem rack-attack \(git checkout ab12cd34ef56\) with no mapping \(map the path prefix \/usr\/local\/bundle\/bundler\/gems\/rack-attack-ab12cd34ef56 in \.pyroscope\.yaml\)/,
      `map its path prefix (${GIT_GEM_PREFIX})`,
    ],
    [
      'its mapping matches but the file is not there: says so, not "add a mapping"',
      { 'acme/shop@main:.pyroscope.yaml': mapping(GIT_GEM_PREFIX, 'main') },
      /^gem rack-attack \(git checkout ab12cd34ef56\) not found through the mapping that matched its path/,
      'only its .pyroscope.yaml mapping can find it, and did not',
    ],
  ])('explains a git gem when %s, without looking in the application', async (_, config, message, outcome) => {
    const files = { ...config, 'acme/shop@main:lib/rack/attack.rb': 'not it' };
    const error = (await resolve(files, GIT_GEM).result.catch((e) => e)) as NotResolvedError;
    expect(error).toBeInstanceOf(NotResolvedError);
    expect(error.message).toMatch(message);
    expect(error.explanation.attempts).toContainEqual(
      expect.objectContaining({ rule: 'ruby:gem', outcome: expect.stringContaining(outcome) })
    );
    expect(error.explanation.attempts).not.toContainEqual(expect.objectContaining({ rule: 'relative' }));
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
    // A mapping written for the file inside the wrapper applies to it.
    const mapped = {
      'acme/shop@main:.pyroscope.yaml': `source_code:
  mappings:
    - path: [{prefix: /usr/lib/ruby/vendor_ruby/rubygems}]
      language: ruby
      source: {github: {owner: rubygems, repo: rubygems, ref: v3.3.5, path: lib/rubygems}}
`,
      'rubygems/rubygems@v3.3.5:lib/rubygems/core_ext/kernel_require.rb': 'module Kernel; end',
    };
    await expect(resolve(mapped, debian).result).resolves.toMatchObject({
      path: 'lib/rubygems/core_ext/kernel_require.rb',
      ref: 'v3.3.5',
      rule: 'mapping:github[0]',
    });
  });
});
