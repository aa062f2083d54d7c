import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'yaml';

import { createSampleRepos, SampleRepo, sampleRepoUrl } from './repos';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

// Each createSampleRepos runs a few dozen git commands: allow for a loaded CI machine.
jest.setTimeout(60_000);

describe('createSampleRepos', () => {
  const roots: string[] = [];
  const newRoot = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linescope-sample-repos-'));
    roots.push(dir);
    return dir;
  };
  let repos: SampleRepo[];

  beforeAll(async () => {
    repos = await createSampleRepos(newRoot());
  });
  afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const byName = (name: string) => repos.find((r) => r.fullName === `linescope-demo/${name}`)!;

  it('creates the five repositories as work trees on main', () => {
    expect(repos.map((r) => r.fullName)).toEqual([
      'linescope-demo/shop-go',
      'linescope-demo/shop-python',
      'linescope-demo/shop-java',
      'linescope-demo/shop-node',
      'linescope-demo/shop-ruby',
    ]);
    for (const repo of repos) {
      expect(repo.defaultBranch).toBe('main');
      expect(git(repo.dir, 'rev-parse', '--is-bare-repository')).toBe('false');
      expect(git(repo.dir, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
      expect(git(repo.dir, 'status', '--porcelain')).toBe('');
      const labels = Object.keys(repo.commits);
      expect(git(repo.dir, 'rev-parse', 'HEAD')).toBe(repo.commits[labels[labels.length - 1]]);
    }
  });

  it('gives the same shas on a second run in another folder', async () => {
    const again = await createSampleRepos(newRoot());
    expect(again.map((r) => [r.fullName, r.commits, r.tags])).toEqual(
      repos.map((r) => [r.fullName, r.commits, r.tags])
    );
    for (const repo of again) {
      for (const sha of Object.values(repo.commits)) {
        expect(sha).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });

  it('commits three versions of shop-go, tagged, each on top of the one before, with v1 still readable', () => {
    const go = byName('shop-go');
    expect(Object.keys(go.commits)).toEqual(['v1', 'v2', 'v3']);
    expect(go.commits.v1).not.toBe(go.commits.v2);
    expect(go.tags).toEqual({ 'v1.0.0': go.commits.v1, 'v1.1.0': go.commits.v2, 'v1.2.0': go.commits.v3 });
    expect(git(go.dir, 'rev-parse', 'v1.0.0')).toBe(go.commits.v1);
    expect(git(go.dir, 'rev-parse', `${go.commits.v2}^`)).toBe(go.commits.v1);
    expect(git(go.dir, 'rev-parse', `${go.commits.v3}^`)).toBe(go.commits.v2);
    // v1 searches by lowering every name; v2 reads a precomputed index instead; v3 matches with golang.org/x/text.
    expect(git(go.dir, 'show', `${go.commits.v1}:catalog/search.go`)).toContain('strings.ToLower(p.Name)');
    expect(git(go.dir, 'show', `${go.commits.v2}:catalog/search.go`)).toContain('c.lowerNames[i]');
    expect(readFileSync(path.join(go.dir, 'catalog/search.go'), 'utf8')).toContain('"golang.org/x/text/search"');
    expect(git(go.dir, 'show', `${go.commits.v1}:go.mod`)).toContain('module github.com/linescope-demo/shop-go');
    // .pyroscope.yaml arrives in v2 only, so both "no config" and "config" cases exist.
    expect(git(go.dir, 'ls-tree', '--name-only', go.commits.v1)).not.toContain('.pyroscope.yaml');
    expect(existsSync(path.join(go.dir, '.pyroscope.yaml'))).toBe(true);
  });

  it('uses fixed authors and dates', () => {
    const go = byName('shop-go');
    expect(git(go.dir, 'log', '--format=%an <%ae> %aI %cI', go.commits.v1)).toBe(
      'Linescope Samples <samples@linescope.invalid> 2026-01-05T10:00:00+00:00 2026-01-05T10:00:00+00:00'
    );
  });

  it('holds the Python, Java, TypeScript and Ruby sources at the paths the profiles name', () => {
    expect(existsSync(path.join(byName('shop-python').dir, 'shop/catalog.py'))).toBe(true);
    expect(existsSync(path.join(byName('shop-java').dir, 'src/main/java/com/linescope/shop/Catalog.java'))).toBe(true);
    expect(existsSync(path.join(byName('shop-node').dir, 'src/catalog.ts'))).toBe(true);
    expect(existsSync(path.join(byName('shop-ruby').dir, 'lib/shop/catalog.rb'))).toBe(true);
  });

  it('commits no build output of shop-node (dist/, node_modules/): compiled frames have no file in the repository', () => {
    const files = git(byName('shop-node').dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n');
    expect(files).toContain('src/main.ts');
    expect(files.filter((f) => f.startsWith('dist/') || f.includes('node_modules/'))).toEqual([]);
  });

  it('ships .pyroscope.yaml files in the shape Pyroscope accepts', () => {
    const configs = [
      [byName('shop-go'), 'go'],
      [byName('shop-python'), 'python'],
      [byName('shop-java'), 'java'],
      [byName('shop-node'), 'typescript|javascript'],
      [byName('shop-ruby'), 'ruby'],
    ] as const;
    for (const [repo, languages] of configs) {
      const config = parse(readFileSync(path.join(repo.dir, '.pyroscope.yaml'), 'utf8'));
      expect(config.version).toBe('v1');
      expect(config.source_code.mappings.length).toBeGreaterThan(0);
      for (const mapping of config.source_code.mappings) {
        expect(languages.split('|')).toContain(mapping.language);
        expect((mapping.path ?? []).length + (mapping.function_name ?? []).length).toBeGreaterThan(0);
        expect(Object.keys(mapping.source)).toHaveLength(1);
        // Pyroscope's source kinds, and Linescope's `maven` (shop-java v2's commons-lang3) and `registry` (shop-node
        // v2's node_modules/), keys Pyroscope ignores.
        expect(['local', 'github', 'maven', 'registry']).toContain(Object.keys(mapping.source)[0]);
      }
    }
  });

  it('refuses a non-empty target and leaves its files alone', async () => {
    const root = newRoot();
    const occupied = path.join(root, 'linescope-demo', 'shop-go');
    mkdirSync(occupied, { recursive: true });
    writeFileSync(path.join(occupied, 'keep.txt'), 'mine');
    await expect(createSampleRepos(root)).rejects.toThrow(/already exists and is not empty/);
    expect(readFileSync(path.join(occupied, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('names repositories with https URLs on github.com', () => {
    expect(sampleRepoUrl('shop-go')).toBe('https://github.com/linescope-demo/shop-go');
  });
});
