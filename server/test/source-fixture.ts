/**
 * What the tests of the hosts that read files by path at a commit (GitLab, Bitbucket, Azure DevOps) share: one
 * fixture repository behind the host's double, users with tokens, the sources' limits and the checks every such host
 * must pass the same way.
 */
import { createFixtureRepo, FixtureRepo } from '../../e2e/git-fixtures';
import { FileNotFoundError, FileRejectedError } from '../src/hosts/errors';
import { GitHost, GitHostProvider, Repository } from '../src/hosts/git-host';
import { failure, tempDir } from './helpers';

/** A source's limits and cache lifetimes in these tests (refs kept a minute, access proofs ten). */
export const SOURCE_LIMITS = {
  timeoutMs: 5000,
  maxFileBytes: 2048,
  cacheBytes: 1024 * 1024,
  refTtlMs: 60_000,
  accessTtlMs: 600_000,
};

export const SOURCE_USERS = ['owner', 'member', 'outsider'] as const;

/**
 * The suite's fixture: two commits, commit0 (tagged v1.0.0) with main.go, lib/util.go and a binary logo.png,
 * commit1 (branch release/1.x) with main.go changed and big.txt over SOURCE_LIMITS' 2048 bytes. Before the suite
 * the host's double starts over it and each of SOURCE_USERS gets a token; after it, the double stops.
 */
export function sourceSuite(
  name: string,
  startDouble: (app: FixtureRepo) => Promise<{ stop(): Promise<void> }>,
  tokenFor: (user: string) => string
): { app: FixtureRepo; tokens: Record<string, string> } {
  const root = tempDir(`${name.replace(/\W+/g, '-')}-source`);
  const app = createFixtureRepo(root.dir, name, [
    {
      files: { 'main.go': 'package main\n', 'lib/util.go': 'package lib\n', 'logo.png': Buffer.from([137, 80, 0, 1]) },
      tags: ['v1.0.0'],
    },
    { files: { 'main.go': 'package main // 2\n', 'big.txt': 'x'.repeat(3000) }, branch: 'release/1.x' },
  ]);
  const tokens: Record<string, string> = {};
  let double: { stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    double = await startDouble(app);
    for (const user of SOURCE_USERS) {
      tokens[user] = tokenFor(user);
    }
  });
  afterAll(async () => {
    await double?.stop();
    root.remove();
  });
  return { app, tokens };
}

/** The file's text, read by that user. */
export async function readText(host: GitHost, repo: Repository, path: string, ref: string): Promise<string> {
  return (await host.readFile(repo, path, ref)).content.toString();
}

/**
 * A private repository's file, read by its owner into the shared cache, is refused to the outsider and to an
 * anonymous user (`refused` checks each error).
 */
export async function expectRefusedToOthers(
  shared: GitHostProvider,
  repo: Repository,
  sha: string,
  tokens: Record<string, string>,
  refused: (error: unknown) => void
): Promise<void> {
  expect(await readText(shared.forUser(tokens.owner), repo, 'main.go', sha)).toBe('package main // 2\n');
  for (const user of [tokens.outsider, undefined]) {
    refused(await failure(shared.forUser(user).readFile(repo, 'main.go', sha)));
  }
}

/**
 * At release/1.x: big.txt is over the limit, logo.png is binary, `..` is refused, nope.go is missing, and the folder
 * lib is no file (`folder`: the reason the host's answer gives).
 */
export async function expectRefusals(
  host: GitHost,
  repo: Repository,
  folder: FileNotFoundError['reason']
): Promise<void> {
  const rejected = (path: string) => failure(host.readFile(repo, path, 'release/1.x'));
  expect(await rejected('big.txt')).toMatchObject({
    reason: 'too_large',
    message: 'big.txt is 3000 bytes, larger than the limit of 2048 bytes',
  });
  expect(await rejected('logo.png')).toMatchObject({ reason: 'binary' });
  expect(await rejected('../etc/passwd')).toBeInstanceOf(FileRejectedError);
  expect(await rejected('nope.go')).toBeInstanceOf(FileNotFoundError);
  const lib = await rejected('lib');
  expect(lib).toBeInstanceOf(FileNotFoundError);
  expect(lib).toMatchObject({ reason: folder });
}
