/**
 * Small `golang/go`, `python/cpython`, `openjdk/jdk17u`, `ruby/ruby` and `nodejs/node` repositories for the doubles,
 * made of real files of the toolchains installed on this machine (e.g. /usr/lib/go-1.19/src, /usr/lib/python3.11,
 * /usr/lib/ruby/3.1.0, and the library sources built into the running Node), tagged / branched as upstream
 * (`go1.19`, `3.11`, `ruby_3_1`, `v20.20.2`). Only the files asked for are copied, so building them is quick.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFixtureRepo, FixtureRepo } from './fixtures';

/**
 * golang/go with tag go<version> (and any extra tags, e.g. the exact patch release) holding src/<file> for each
 * existing file (paths relative to GOROOT/src).
 */
export function createGoStdlibRepo(
  root: string,
  version: string,
  goSrc: string,
  files: string[],
  extraTags: string[] = []
): FixtureRepo {
  return createFixtureRepo(
    root,
    'golang/go',
    [{ files: pickFiles(goSrc, files, 'src/'), tags: [`go${version}`, ...extraTags], message: `go${version}` }],
    'master'
  );
}

/** python/cpython with branch <version> holding Lib/<file> for each existing file. */
export function createCPythonRepo(root: string, version: string, libDir: string, files: string[]): FixtureRepo {
  return createFixtureRepo(
    root,
    'python/cpython',
    [{ files: pickFiles(libDir, files, 'Lib/'), branch: version, message: `Python ${version}` }],
    'main'
  );
}

/** The files (paths relative to `dir`) that exist there, keyed by `prefix` + path. */
function pickFiles(dir: string, files: string[], prefix: string): Record<string, Buffer> {
  const picked: Record<string, Buffer> = {};
  for (const file of files) {
    const from = path.join(dir, file);
    if (existsSync(from)) {
      picked[`${prefix}${file}`] = readFileSync(from);
    }
  }
  return picked;
}

/** Where this machine's toolchains keep their library sources, and the upstream refs they stand for. */
export interface LocalToolchains {
  go?: { version: string; extraTags?: string[]; src: string };
  python?: { version: string; lib: string };
  /** A JDK's src.zip (entries `<module>/<package path>`), served as openjdk/jdk17u at `tag`. */
  jdk?: { tag: string; srcZip: string };
  /** Ruby's library folder (`/usr/lib/ruby/3.1.0`), served as ruby/ruby at `branch`, each file under lib/. */
  ruby?: { branch: string; lib: string };
  /**
   * Node's library, served as nodejs/node at `tag` (lib/<name>.js for each `node:<name>` frame) when the running
   * Node is that release: Node keeps its library's sources inside its binary, readable with
   * process.binding('natives').
   */
  node?: { tag: string };
}

/** Debian's packages of the toolchains that recorded samples/profiles (see their .pyroscope.yaml and labels). */
export const SAMPLE_TOOLCHAINS: LocalToolchains = {
  go: { version: '1.19', extraTags: ['go1.19.8'], src: '/usr/lib/go-1.19/src' },
  python: { version: '3.11', lib: '/usr/lib/python3.11' },
  jdk: { tag: 'jdk-17.0.15+6', srcZip: '/usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip' },
  ruby: { branch: 'ruby_3_1', lib: '/usr/lib/ruby/3.1.0' },
  node: { tag: 'v20.20.2' },
};

export interface StandIn {
  fullName: string;
  /** The repository to serve; absent when the local sources were not there. */
  repo?: FixtureRepo;
  /** One line for people: what was added from where, or why not. */
  note: string;
}

/**
 * golang/go, python/cpython and openjdk/jdk17u stand-ins holding the standard-library files that the given frame
 * paths (as profiles name them) refer to, taken from the local toolchains. A toolchain whose sources are not on
 * this machine is skipped with a note, never an error: its frames then get "not found" like any missing file.
 */
export function createStdlibStandIns(
  root: string,
  framePaths: string[],
  toolchains: LocalToolchains = SAMPLE_TOOLCHAINS
): StandIn[] {
  const standIns: StandIn[] = [];
  const unique = [...new Set(framePaths)];
  const { go, python, jdk, ruby, node } = toolchains;
  if (go) {
    // Paths under GOROOT/src, and -trimpath's bare package paths (the files that do not exist are left out).
    const files = unique
      .map((p) => (p.startsWith(`${go.src}/`) ? p.slice(go.src.length + 1) : /^[a-z]/.test(p) ? p : ''))
      .filter((p) => /\.(go|s)$/.test(p));
    const repo = existsSync(go.src) ? createGoStdlibRepo(root, go.version, go.src, files, go.extraTags) : undefined;
    const tags = [`go${go.version}`, ...(go.extraTags ?? [])].join(', ');
    standIns.push(standIn('golang/go', repo, `at ${tags}`, go.src, 'src/'));
  }
  if (python) {
    const files = unique.filter((p) => p.startsWith(`${python.lib}/`)).map((p) => p.slice(python.lib.length + 1));
    const repo = existsSync(python.lib) ? createCPythonRepo(root, python.version, python.lib, files) : undefined;
    standIns.push(standIn('python/cpython', repo, `at branch ${python.version}`, python.lib, 'Lib/'));
  }
  if (jdk) {
    const repo = existsSync(jdk.srcZip) ? createJdkRepo(root, jdk.tag, jdk.srcZip, unique) : undefined;
    standIns.push(standIn('openjdk/jdk17u', repo, `at ${jdk.tag}`, jdk.srcZip, 'src/'));
  }
  if (ruby) {
    // Upstream keeps some libraries beside their C extension (ext/json/lib/…); the stand-in has every file under lib/.
    const files = unique.filter((p) => p.startsWith(`${ruby.lib}/`)).map((p) => p.slice(ruby.lib.length + 1));
    const repo = existsSync(ruby.lib)
      ? createFixtureRepo(
          root,
          'ruby/ruby',
          [{ files: pickFiles(ruby.lib, files, 'lib/'), branch: ruby.branch, message: `Ruby ${ruby.branch}` }],
          'master'
        )
      : undefined;
    standIns.push(standIn('ruby/ruby', repo, `at branch ${ruby.branch}`, ruby.lib, 'lib/'));
  }
  if (node) {
    const natives = process.version === node.tag ? nodeLibrarySources() : undefined;
    const picked: Record<string, string> = {};
    for (const p of unique) {
      const name = /^node:([\w/.-]+)$/.exec(p)?.[1];
      if (name !== undefined && natives?.[name] !== undefined) {
        picked[`lib/${name}.js`] = natives[name];
      }
    }
    const repo = natives
      ? createFixtureRepo(root, 'nodejs/node', [{ files: picked, tags: [node.tag], message: node.tag }], 'main')
      : undefined;
    const from = `the library built into Node ${process.version}`;
    standIns.push(
      repo
        ? standIn('nodejs/node', repo, `at ${node.tag}`, from, 'lib/')
        : { fullName: 'nodejs/node', note: `nodejs/node: not added (this is Node ${process.version}, not ${node.tag})` }
    );
  }
  return standIns;
}

function standIn(fullName: string, repo: FixtureRepo | undefined, at: string, from: string, prefix: string): StandIn {
  if (!repo) {
    return { fullName, note: `${fullName}: not added (no ${from} on this machine)` };
  }
  const files = countFiles(repo.dir, prefix);
  if (files === 0) {
    return { fullName, note: `${fullName}: not added (none of the files the profiles name are in ${from})` };
  }
  return { fullName, repo, note: `${fullName} ${at}: ${files} file${files === 1 ? '' : 's'} from ${from}` };
}

function countFiles(dir: string, prefix: string): number {
  const listing = execFileSync('git', ['-C', dir, 'ls-files', '--', prefix], { encoding: 'utf8' });
  return listing.split('\n').filter((l) => l !== '').length;
}

/**
 * openjdk/jdk17u with tag `tag` holding src/java.base/share/classes/<path> for each frame path (`java/util/X.java`)
 * that the JDK's src.zip has under java.base/.
 */
function createJdkRepo(root: string, tag: string, srcZip: string, framePaths: string[]): FixtureRepo | undefined {
  let entries: Set<string>;
  try {
    entries = new Set(execFileSync('unzip', ['-Z1', srcZip], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n'));
  } catch {
    return undefined; // no unzip, or not a zip
  }
  const wanted = framePaths.map((p) => `java.base/${p}`).filter((e) => e.endsWith('.java') && entries.has(e));
  const picked: Record<string, Buffer> = {};
  for (const entry of wanted) {
    picked[`src/java.base/share/classes/${entry.slice('java.base/'.length)}`] = execFileSync('unzip', ['-p', srcZip, entry], {
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  return createFixtureRepo(root, 'openjdk/jdk17u', [{ files: picked, tags: [tag], message: tag }], 'master');
}

/** The sources of Node's own library (`fs`, `internal/timers`, …) as built into the running binary. */
function nodeLibrarySources(): Record<string, string> | undefined {
  try {
    // Deprecated, and the only way to read them; the warning is not for the stack's users.
    const withBinding = process as unknown as { binding(name: string): Record<string, string> };
    const emit = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      return withBinding.binding('natives');
    } finally {
      process.emitWarning = emit;
    }
  } catch {
    return undefined;
  }
}
