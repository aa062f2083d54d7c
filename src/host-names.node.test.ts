// Issue 30's rule, held for the hosts added after GitHub and GitLab: in product code (the plugin's src/ and the
// source server's server/src/, tests left out) Bitbucket and Azure DevOps are named only in their own folders and in
// the few tables that list every host. A host is one folder and one table line on each side; a branch on a host's
// name anywhere else is the thing this test exists to catch.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const HOST_WORDS = /bitbucket|azure/i;

/** Where a host may be named: its own folders on both sides. */
const HOST_FOLDERS = [
  'server/src/hosts/bitbucket/',
  'server/src/hosts/azure-devops/',
  'src/source/providers/bitbucket/',
  'src/source/providers/azure-devops/',
];

/** The tables that list every host, each with why it must. */
const TABLES: Record<string, string> = {
  'server/src/hosts/table.ts': 'the server host table: one entry per host',
  'src/source/providers/table.ts': "the plugin's provider table: one entry per host",
  'server/src/config.ts': "the environment read into ServerConfig: each host's variables (BITBUCKET_URL, …)",
  'server/src/config-reference.ts': 'the documented environment variables, one row per variable',
  'server/src/metrics.ts': "the `provider` label's values of the host metrics",
};

const isTestFile = (path: string) =>
  /\.test\.tsx?$/.test(path) || /(^|\/)(testing|test-support)\//.test(path) || path.endsWith('.d.ts');

/** The product files under `dir` (relative to the repository), tests left out. */
function productFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (/\.tsx?$/.test(entry.name)) {
        out.push(relative(ROOT, path).split('\\').join('/'));
      }
    }
  };
  walk(join(ROOT, dir));
  return out.filter((path) => !isTestFile(path));
}

/** The files that name a later host where the rule does not allow it. */
function offenders(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  return files
    .filter(({ path, text }) => HOST_WORDS.test(text) && !isTestFile(path))
    .filter(({ path }) => !HOST_FOLDERS.some((folder) => path.startsWith(folder)) && !(path in TABLES))
    .map(({ path }) => path);
}

const scanned = [...productFiles('server/src'), ...productFiles('src')].map((path) => ({
  path,
  text: readFileSync(join(ROOT, path), 'utf8'),
}));

describe('Bitbucket and Azure DevOps are named only in their folders and the tables', () => {
  it('no other product file names them', () => {
    expect(offenders(scanned)).toEqual([]);
  });

  it('scans what it claims to: the host folders are read and do name their hosts', () => {
    const named = scanned.filter(({ text }) => HOST_WORDS.test(text)).map(({ path }) => path);
    expect(named).toEqual(
      expect.arrayContaining(['server/src/hosts/bitbucket/entry.ts', 'src/source/providers/table.ts'])
    );
    expect(scanned.some(({ path }) => path.startsWith('server/src/resolve/'))).toBe(true);
    expect(scanned.some(({ path }) => isTestFile(path))).toBe(false);
  });

  it('every table in the allowance still names a host (an entry that no longer must goes)', () => {
    for (const path of Object.keys(TABLES)) {
      const file = scanned.find((f) => f.path === path);
      expect([path, file !== undefined && HOST_WORDS.test(file.text)]).toEqual([path, true]);
    }
  });

  it('catches a host named in a comment, a string or a branch anywhere else, in any case', () => {
    expect(
      offenders([
        { path: 'server/src/resolve/languages/go-modules.ts', text: "if (host === 'bitbucket.org') {}" },
        { path: 'server/src/hosts/token-endpoint.ts', text: '// Azure answers differently' },
        { path: 'src/source/core/links.ts', text: "case 'AZURE-devops':" },
        { path: 'server/src/hosts/bitbucket-extra.ts', text: 'Bitbucket' },
        { path: 'src/source/providers/bitbucketish/host.ts', text: 'bitbucket' },
        { path: 'server/src/hosts/bitbucket/entry.ts', text: 'Bitbucket' },
        { path: 'server/src/hosts/table.ts', text: 'bitbucketEntry' },
        { path: 'server/src/resolve/languages/go-modules.test.ts', text: 'bitbucket.org/acme/x' },
        { path: 'server/src/resolve/resolution.ts', text: 'a GitHub or GitLab repository' },
      ])
    ).toEqual([
      'server/src/resolve/languages/go-modules.ts',
      'server/src/hosts/token-endpoint.ts',
      'src/source/core/links.ts',
      'server/src/hosts/bitbucket-extra.ts',
      'src/source/providers/bitbucketish/host.ts',
    ]);
  });
});
