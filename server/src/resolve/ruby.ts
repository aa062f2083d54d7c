/**
 * Ruby frames (after the mappings): the standard library in ruby/ruby at the Ruby version the path gives, Ruby's
 * built-in Ruby code (`<internal:numeric>`) at the labelled version, application paths relative to the repository,
 * gems only through mappings. C methods (`<cfunc>`) have no Ruby source.
 */
import { goJoin } from './paths';
import { Resolution, Resolved } from './resolution';

const STDLIB = /\/lib\/ruby\/(\d+)\.(\d+)\.\d+\/(.+)$/;
/** An install prefix that names the full version: rbenv/asdf `versions/3.2.2`, rvm `rubies/ruby-3.2.2`, `ruby-3.2.2`. */
const PREFIX_VERSION = /(?:\/versions\/|\/ruby-)(\d+)\.(\d+)\.(\d+)\/lib\/ruby\//;
const GEM = /\/gems\/([A-Za-z0-9_.-]+?)-(\d[A-Za-z0-9_.]*)\//;
const INTERNAL = /^<internal:([a-z_/]+)>$/;
/** RubyGems defines Kernel#require from a file it names `<internal:/…/rubygems/core_ext/kernel_require.rb>`. */
const INTERNAL_PATH = /^<internal:(\/[^<>]+)>$/;
const RUBY_VERSION = /^v?(\d+)\.(\d+)\.(\d+)/;

export interface RubyStd {
  /** A tag (`v3_2_2`) when the path names the patch release, else the maintenance branch (`ruby_3_1`). */
  ref: string;
  /** The file under the library folder, e.g. `set.rb`, `json/common.rb`. */
  file: string;
}

/**
 * `/usr/lib/ruby/3.1.0/set.rb` → {ruby_3_1, set.rb}; `~/.rbenv/versions/3.2.2/lib/ruby/3.2.0/set.rb` → {v3_2_2,
 * set.rb}. Gems, site_ruby and vendor_ruby are not the standard library.
 */
export function detectRubyStd(path: string): RubyStd | undefined {
  const match = STDLIB.exec(path);
  if (!match || /^(?:gems|site_ruby|vendor_ruby)\//.test(match[3]) || match[3].split('/').includes('..')) {
    return undefined;
  }
  const full = PREFIX_VERSION.exec(path);
  const ref =
    full && full[1] === match[1] && full[2] === match[2]
      ? `v${full[1]}_${full[2]}_${full[3]}`
      : `ruby_${match[1]}_${match[2]}`;
  return { ref, file: match[3] };
}

/**
 * Where a standard-library file is in ruby/ruby: `lib/<file>`, and for the libraries kept with their C
 * extension (json, digest, psych, …) `ext/<library>/lib/<file>`.
 */
export function rubyStdCandidates(file: string): string[] {
  const library = file.split('/')[0].replace(/\.rb$/, '');
  return [goJoin('lib', file), goJoin('ext', library, 'lib', file)];
}

/** `…/gems/rack-2.2.8/lib/rack.rb` → {rack, 2.2.8}: the innermost gem folder of the path. */
export function rubyGem(path: string): { name: string; version: string } | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of path.matchAll(new RegExp(GEM, 'g'))) {
    last = match as RegExpExecArray;
  }
  return last ? { name: last[1], version: last[2] } : undefined;
}

/** A Ruby release tag from a version label (`3.1.2`, `v3.1.2`, `3.1.2p20`) → `v3_1_2`. */
export function rubyReleaseTag(version: string): string | undefined {
  const match = RUBY_VERSION.exec(version.trim());
  return match ? `v${match[1]}_${match[2]}_${match[3]}` : undefined;
}

/**
 * The file a frame's path names: RubyGems hides its `require` from backtraces by wrapping the real path in
 * `<internal:…>`, with the real file's line numbers; any other path is itself.
 */
export function rubyFilePath(path: string): string {
  return INTERNAL_PATH.exec(path)?.[1] ?? path;
}

/** Frames that have no source file at all: C methods and the interpreter's own (GC) frames. */
export function rubyHasNoSource(path: string): boolean {
  return path === '<cfunc>' || path === '';
}

export async function findRubyFile(r: Resolution, runtimeVersion: string): Promise<Resolved | undefined> {
  const path = rubyFilePath(r.request.path);
  const ruby = r.repository('ruby', 'ruby');
  if (rubyHasNoSource(path)) {
    r.attempts.push({
      rule: 'ruby:cfunc',
      repositoryUrl: '',
      ref: '',
      path,
      outcome: 'skipped: a C method has no Ruby source',
    });
    return undefined;
  }
  const internal = INTERNAL.exec(path)?.[1];
  if (internal !== undefined) {
    const tag = rubyReleaseTag(runtimeVersion);
    if (!tag) {
      r.attempts.push({
        rule: 'ruby:internal',
        repositoryUrl: ruby.webUrl,
        ref: '',
        path: `${internal}.rb`,
        outcome: 'skipped: no Ruby version: label the service with service_runtime_version',
      });
      return undefined;
    }
    return r.tryFile('ruby:internal', ruby, `${internal}.rb`, tag);
  }
  const std = detectRubyStd(path);
  if (std) {
    for (const candidate of rubyStdCandidates(std.file)) {
      const found = await r.tryFile('ruby:stdlib', ruby, candidate, std.ref);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  const gem = rubyGem(path);
  if (gem) {
    r.attempts.push({
      rule: 'ruby:gem',
      repositoryUrl: '',
      ref: '',
      path,
      outcome: `skipped: gem ${gem.name} ${gem.version}: map its path prefix (…/gems/${gem.name}-${gem.version}) in .pyroscope.yaml to its repository`,
    });
    return undefined;
  }
  return r.tryRelativeSuffixes('relative', path);
}

/** The reason given when nothing was found (`mapped`: a mapping matched the path). */
export function rubyNotFoundReason(framePath: string, runtimeVersion = '', mapped = false): string {
  const path = rubyFilePath(framePath);
  if (rubyHasNoSource(path)) {
    return 'C method, no Ruby source';
  }
  if (INTERNAL.test(path)) {
    return mapped || rubyReleaseTag(runtimeVersion)
      ? 'Ruby built-in Ruby code not found at the Ruby version'
      : 'Ruby built-in Ruby code and no Ruby release to read it at (label the service with service_runtime_version), file not resolvable';
  }
  if (detectRubyStd(path)) {
    return 'Ruby standard library file not found at the Ruby version of its path';
  }
  if (rubyGem(path)) {
    return 'gem with no mapping, file not resolvable';
  }
  return 'no mappings matched and relative path not found, file not resolvable';
}
