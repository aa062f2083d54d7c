/**
 * Ruby frames (after the mappings): the standard library in ruby/ruby at the Ruby version the path gives, Ruby's
 * built-in Ruby code (`<internal:numeric>`) at the labelled version, application paths relative to the repository,
 * gems only through mappings. C methods (`<cfunc>`) have no Ruby source.
 */
import { gemDependency } from '../../registries/dependency';
import { tryDependency } from '../dependencies';
import { LanguageRules } from './language';
import { unwrapFramePath } from '../frame-path';
import { goJoin } from '../paths';
import { packageNotFound, Resolution, Resolved, unmatchedReason } from '../resolution';

export const ruby = {
  names: ['ruby'],
  ownsPath: (path, extension) => extension === '.rb' || path === '<cfunc>' || path.startsWith('<internal:'),
  examplePaths: ['/usr/lib/ruby/3.1.0/set.rb', '<internal:numeric>', '<cfunc>', '/app/lib/shop/catalog.rb'],
  find: (r, frame) => findRubyFile(r, frame.runtimeVersion, frame.mapped),
  dependency: (r) => Promise.resolve(gemDependency(unwrapFramePath(r.request.path))),
  notFoundReason: (r, frame) => rubyNotFoundReason(r.request.path, frame.runtimeVersion, frame.mapped),
} satisfies LanguageRules;

const STDLIB = /\/lib\/ruby\/(\d+)\.(\d+)\.\d+\/(.+)$/;
/** An install prefix that names the full version: rbenv/asdf `versions/3.2.2`, rvm `rubies/ruby-3.2.2`, `ruby-3.2.2`. */
const PREFIX_VERSION = /(?:\/versions\/|\/ruby-)(\d+)\.(\d+)\.(\d+)\/lib\/ruby\//;
/** A folder under a `gems` folder: `…/gems/rack-2.2.8/`, or Bundler's git checkout `…/bundler/gems/rack-a1b2c3d4e5f6/`. */
const GEM_FOLDER = /(\/bundler)?\/gems\/([^/]+)(?=\/)/g;
const GEM_RELEASE = /^([A-Za-z0-9_.-]+?)-(\d[A-Za-z0-9_.]*)$/;
/** Bundler names a git checkout `<name>-<the commit's first 12 hex digits>`. */
const GEM_GIT = /^([A-Za-z0-9_.-]+)-([0-9a-f]{12})$/;
const INTERNAL = /^<internal:([a-z_/]+)>$/;
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

export interface RubyGem {
  name: string;
  /** The release (`2.2.8`), or the commit of a git checkout (`a1b2c3d4e5f6`). */
  version: string;
  git: boolean;
  /** The path up to the gem's folder: the prefix to map. */
  prefix: string;
}

/**
 * `…/gems/rack-2.2.8/lib/rack.rb` → {rack, 2.2.8}, `…/bundler/gems/rack-a1b2c3d4e5f6/lib/rack.rb` → {rack,
 * a1b2c3d4e5f6, git}: the innermost gem folder of the path.
 */
export function rubyGem(path: string): RubyGem | undefined {
  let last: RubyGem | undefined;
  for (const match of path.matchAll(GEM_FOLDER)) {
    const git = match[1] ? GEM_GIT.exec(match[2]) : null;
    const gem = git ?? GEM_RELEASE.exec(match[2]);
    if (gem) {
      last = { name: gem[1], version: gem[2], git: git !== null, prefix: path.slice(0, match.index + match[0].length) };
    }
  }
  return last;
}

/** How an explanation names a gem: `rack 2.2.8`, `rack (git checkout a1b2c3d4e5f6)`. */
function gemLabel(gem: RubyGem): string {
  return gem.git ? `${gem.name} (git checkout ${gem.version})` : `${gem.name} ${gem.version}`;
}

/** A Ruby release tag from a version label (`3.1.2`, `v3.1.2`, `3.1.2p20`) → `v3_1_2`. */
export function rubyReleaseTag(version: string): string | undefined {
  const match = RUBY_VERSION.exec(version.trim());
  return match ? `v${match[1]}_${match[2]}_${match[3]}` : undefined;
}

/** Frames that have no source file at all: C methods and the interpreter's own (GC) frames. */
export function rubyHasNoSource(path: string): boolean {
  return path === '<cfunc>' || path === '';
}

/** `mapped`: a `.pyroscope.yaml` mapping matched the path (and was tried). */
async function findRubyFile(r: Resolution, runtimeVersion: string, mapped: boolean): Promise<Resolved | undefined> {
  const path = unwrapFramePath(r.request.path);
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
    // A released gem (not Bundler's git checkout) from RubyGems at the version in its folder's name.
    const fromRegistry = await tryDependency(r, gemDependency(path));
    if (fromRegistry) {
      return fromRegistry;
    }
    r.attempts.push({
      rule: 'ruby:gem',
      repositoryUrl: '',
      ref: '',
      path,
      outcome: packageNotFound(`gem ${gemLabel(gem)}`, gem.prefix, mapped).outcome,
    });
    return undefined;
  }
  return r.tryRelativeSuffixes('relative', path);
}

/** The reason given when nothing was found (`mapped`: a mapping matched the path). */
function rubyNotFoundReason(framePath: string, runtimeVersion = '', mapped = false): string {
  const path = unwrapFramePath(framePath);
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
  const gem = rubyGem(path);
  if (gem) {
    return packageNotFound(`gem ${gemLabel(gem)}`, gem.prefix, mapped).reason;
  }
  return `${unmatchedReason(mapped)}, file not resolvable`;
}
