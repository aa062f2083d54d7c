/**
 * Builds the sample services' git repositories (linescope-demo/shop-go, shop-python, shop-java, shop-node,
 * shop-ruby) from the sources under samples/sources/, with fixed authors, committers, dates and messages so that
 * every machine gets the same commit shas. The recorded profiles' labels (service_git_ref) name these shas; the GitHub double serves the
 * repositories.
 *
 * Each version of a repository is a complete tree under samples/sources/<repo>/<label>/; the versions are committed
 * in the order listed below, each commit replacing the whole tree of the one before.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const SAMPLE_OWNER = 'linescope-demo';
export const SAMPLES_DIR = __dirname;
export const SAMPLE_SOURCES_DIR = path.join(__dirname, 'sources');

export interface SampleRepo {
  /** `linescope-demo/shop-go` */
  fullName: string;
  /** A normal (non-bare) git work tree with `defaultBranch` checked out at its last commit. */
  dir: string;
  /** Version label (`v1`, `v2`, …) → commit sha. */
  commits: Record<string, string>;
  /** Tag name (`v1.0.0`, …) → commit sha. Lightweight tags, so the tag's sha is the commit's. */
  tags: Record<string, string>;
  defaultBranch: 'main';
}

interface VersionSpec {
  /** Label, also the folder name under samples/sources/<repo>/. */
  label: string;
  /** Commit time, fixed so that the sha is fixed. */
  date: string;
  message: string;
  tag?: string;
}

interface RepoSpec {
  name: string;
  versions: VersionSpec[];
}

/** The repositories, their versions in commit order, and the fixed metadata of each commit. */
export const SAMPLE_REPO_SPECS: readonly RepoSpec[] = [
  {
    name: 'shop-go',
    versions: [
      {
        label: 'v1',
        date: '2026-01-05T10:00:00+00:00',
        message: 'shop-go: catalog search, pricing and order digests',
        tag: 'v1.0.0',
      },
      {
        label: 'v2',
        date: '2026-02-02T10:00:00+00:00',
        message: 'shop-go: index the catalog once, fold names without allocating',
        tag: 'v1.1.0',
      },
      {
        label: 'v3',
        date: '2026-03-02T10:00:00+00:00',
        message: 'shop-go: match words regardless of case and accents with golang.org/x/text/search',
        tag: 'v1.2.0',
      },
    ],
  },
  {
    name: 'shop-python',
    versions: [
      {
        label: 'v1',
        date: '2026-01-12T10:00:00+00:00',
        message: 'shop-python: catalog search, pricing and order digests',
        tag: 'v1.0.0',
      },
      {
        label: 'v2',
        date: '2026-02-16T10:00:00+00:00',
        message: 'shop-python: rank search hits with sortedcontainers (PyPI)',
        tag: 'v1.1.0',
      },
    ],
  },
  {
    name: 'shop-java',
    versions: [
      {
        label: 'v1',
        date: '2026-01-19T10:00:00+00:00',
        message: 'shop-java: catalog search, pricing and order digests',
        tag: 'v1.0.0',
      },
      {
        label: 'v2',
        date: '2026-02-23T10:00:00+00:00',
        message: 'shop-java: match names with Apache Commons Lang (Maven Central)',
        tag: 'v1.1.0',
      },
    ],
  },
  {
    name: 'shop-node',
    versions: [
      {
        label: 'v1',
        date: '2026-01-26T10:00:00+00:00',
        message: 'shop-node: catalog search, pricing and order digests in TypeScript',
        tag: 'v1.0.0',
      },
      {
        label: 'v2',
        date: '2026-03-09T10:00:00+00:00',
        message: 'shop-node: sign canonical JSON with @noble/hashes, dependencies locked in package-lock.json',
        tag: 'v1.1.0',
      },
    ],
  },
  {
    name: 'shop-ruby',
    versions: [
      {
        label: 'v1',
        date: '2026-02-09T10:00:00+00:00',
        message: 'shop-ruby: catalog search, pricing and order digests',
        tag: 'v1.0.0',
      },
      {
        label: 'v2',
        date: '2026-03-02T10:00:00+00:00',
        message: 'shop-ruby: decode query strings with the webrick gem',
        tag: 'v1.1.0',
      },
    ],
  },
];

const AUTHOR = { name: 'Linescope Samples', email: 'samples@linescope.invalid' };

/** The https URL used as `service_repository` for a sample repository. */
export function sampleRepoUrl(name: string): string {
  return `https://github.com/${SAMPLE_OWNER}/${name}`;
}

/**
 * Creates the sample repositories under `<targetDir>/linescope-demo/<name>` and returns where they are and
 * which sha each version got. Refuses (with an error naming the path) to write into a repository folder that
 * already exists and is not empty.
 */
export async function createSampleRepos(targetDir: string): Promise<SampleRepo[]> {
  const repos: SampleRepo[] = [];
  for (const spec of SAMPLE_REPO_SPECS) {
    repos.push(await createSampleRepo(spec, path.join(targetDir, SAMPLE_OWNER, spec.name)));
  }
  return repos;
}

async function createSampleRepo(spec: RepoSpec, dir: string): Promise<SampleRepo> {
  await ensureEmptyDir(dir);
  const git = gitIn(dir);
  await git(['init', '--quiet', '--template=', '--initial-branch=main']);

  const commits: Record<string, string> = {};
  const tags: Record<string, string> = {};
  for (const version of spec.versions) {
    const sourceDir = path.join(SAMPLE_SOURCES_DIR, spec.name, version.label);
    await clearWorkTree(dir);
    await copyTree(sourceDir, dir);
    await git(['add', '--all', '--force', '.']);
    // The index is written from scratch per version, so files dropped from a version disappear from its tree.
    await git(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', version.message], version.date);
    const sha = (await git(['rev-parse', 'HEAD'])).trim();
    commits[version.label] = sha;
    if (version.tag) {
      await git(['tag', version.tag, sha]);
      tags[version.tag] = sha;
    }
  }
  return { fullName: `${SAMPLE_OWNER}/${spec.name}`, dir, commits, tags, defaultBranch: 'main' };
}

/** Runs git in `dir` with no user or system configuration and fixed identities, so results are the same anywhere. */
function gitIn(dir: string) {
  return async (args: string[], date?: string): Promise<string> => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: AUTHOR.name,
      GIT_AUTHOR_EMAIL: AUTHOR.email,
      GIT_COMMITTER_NAME: AUTHOR.name,
      GIT_COMMITTER_EMAIL: AUTHOR.email,
      TZ: 'UTC',
    };
    if (date) {
      env.GIT_AUTHOR_DATE = date;
      env.GIT_COMMITTER_DATE = date;
    }
    const config = ['-c', 'core.autocrlf=false', '-c', 'core.fileMode=true', '-c', 'commit.gpgSign=false'];
    try {
      const { stdout } = await execFileAsync('git', [...config, ...args], { cwd: dir, env, maxBuffer: 16 << 20 });
      return stdout;
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`git ${args.join(' ')} failed in ${dir}: ${e.stderr?.trim() || e.message}`);
    }
  };
}

async function ensureEmptyDir(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw err;
    }
    await fs.mkdir(dir, { recursive: true });
    return;
  }
  if (entries.length > 0) {
    throw new Error(`createSampleRepos: ${dir} already exists and is not empty; give an empty or new target folder`);
  }
}

async function clearWorkTree(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir)) {
    if (entry !== '.git') {
      await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

/** Files that running a sample in place leaves behind (see samples/.gitignore); they are not sources. */
function isBuildByproduct(name: string): boolean {
  return (
    name === '__pycache__' ||
    name.endsWith('.pyc') ||
    name.endsWith('.class') ||
    name === 'node_modules' ||
    name === 'dist'
  );
}

/**
 * Copies files by content with fixed modes (0644, or 0755 where the source is executable), so that a checkout's
 * umask or timestamps cannot change the tree.
 */
async function copyTree(from: string, to: string): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(from, { withFileTypes: true });
  } catch (err) {
    throw new Error(`createSampleRepos: cannot read sample sources at ${from}: ${(err as Error).message}`);
  }
  for (const entry of entries) {
    if (isBuildByproduct(entry.name)) {
      continue;
    }
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await fs.mkdir(dst, { recursive: true });
      await copyTree(src, dst);
    } else if (entry.isFile()) {
      const executable = ((await fs.stat(src)).mode & 0o100) !== 0;
      await fs.writeFile(dst, await fs.readFile(src));
      await fs.chmod(dst, executable ? 0o755 : 0o644);
    } else {
      throw new Error(`createSampleRepos: ${src} is neither a file nor a folder; sample sources must be plain files`);
    }
  }
}
