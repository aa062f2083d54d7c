/**
 * linescope-labels as users get it from the registry: a publishable package whose tarball holds the CLI, its README
 * and license, a `--version` that is the package's, and the format as a flag as well as an argument.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { FORMATS } from '../src/formats';
import { buildCli, CLI, makeRepo, removeTempRepos, runCli } from './tempRepo';

const PACKAGE_DIR = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8');

beforeAll(() => buildCli());
afterAll(() => removeTempRepos());

describe('the package', () => {
  it('is publishable: not private, a bin, the files it ships, the Node it needs, a license', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('linescope-labels');
    expect(pkg.bin).toEqual({ 'linescope-labels': 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/cli.js']);
    expect(pkg.engines.node).toMatch(/^>=20/);
    expect(pkg.license).toBe('Apache-2.0');
    expect(pkg.repository).toMatchObject({ directory: 'packages/linescope-labels' });
    // Bundled: nothing to install beside it.
    expect(pkg.dependencies).toBeUndefined();
  });

  it('bundles the workspace packages it reads with (@linescope/repository-url): installed alone, it still runs', () => {
    const cli = readFileSync(CLI, 'utf8');
    expect(cli).not.toMatch(/require\(["']@linescope\//);
    expect(cli).toContain('ssh.dev.azure.com');
  });

  it('packs the CLI, its README and license, and nothing of its sources or tests', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, encoding: 'utf8' })
    );
    expect(packed.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'package.json',
    ]);
  });

  it('documents the version it is, every format, and CI without Node', () => {
    const pinned = [...readme.matchAll(/linescope-labels@([\w.-]+)/g)].map(([, version]) => version);
    expect(pinned.length).toBeGreaterThan(3);
    expect(new Set(pinned)).toEqual(new Set([pkg.version]));
    for (const format of FORMATS) {
      expect(readme).toContain(`\`${format}\``);
    }
    expect(readme).toMatch(/^## In CI without Node\.js$/m);
    expect(readme).toMatch(/docker run .*-v "\$PWD:\/src"/);
  });
});

describe('the command line', () => {
  it('--version and -v print the package version and exit 0', () => {
    for (const flag of ['--version', '-v']) {
      const result = runCli(tmpdir(), [flag]);
      expect(result).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  it('takes the format as --format or -f, printing what the argument prints', () => {
    const repo = makeRepo({ 'main.go': 'package main\n' });
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    for (const format of ['json', 'go', 'alloy']) {
      const positional = runCli(repo.dir, [format]);
      expect(positional.status).toBe(0);
      expect(runCli(repo.dir, ['--format', format])).toEqual(positional);
      expect(runCli(repo.dir, ['-f', format])).toEqual(positional);
      expect(runCli(repo.dir, [format, '--format', format])).toEqual(positional);
    }
  });

  it.each([
    [['json', '--format', 'env'], /one format at a time \(got json, env\)/],
    [['--format', 'yaml'], /unknown format "yaml"/],
    [['--format'], /--format/],
  ])('refuses %j with exit 2 and a message', (args, message) => {
    const result = runCli(tmpdir(), args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
