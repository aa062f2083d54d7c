/** The GitHub double's blame and compare in GitHub's documented shapes (GraphQL blame, REST compare). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from '../git-fixtures';
import { GitHubDouble, startGitHubDouble } from './double';

const BLAME = `query($owner: String!, $name: String!, $sha: String!, $path: String!) {
  repository(owner: $owner, name: $name) { object(expression: $sha) { ... on Commit { blame(path: $path) {
    ranges { startingLine endingLine age commit { oid messageHeadline associatedPullRequests(first: 1) { nodes { number } } } }
  } } } }
}`;

describe('blame and compare of the GitHub double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-history-'));
  const repo = createFixtureRepo(root, 'acme/app', [
    { files: { 'a.go': 'one\ntwo\nthree\n' }, tags: ['v1'], message: 'First' },
    { files: { 'a.go': 'one\nTWO\nthree\n' }, tags: ['v2'], message: 'Second (#7)' },
  ]);
  let github: GitHubDouble;
  let token: string;

  beforeAll(async () => {
    github = await startGitHubDouble({ repos: [{ fullName: 'acme/app', dir: repo.dir }] });
    token = github.issueToken('alice').accessToken;
  });
  afterAll(async () => {
    await github.stop();
    rmSync(root, { recursive: true, force: true });
  });

  // The double's answers, checked field by field below.
  const json = (response: Response): Promise<any> => response.json();
  const graphql = (query: string, variables: Record<string, unknown>, auth = true) =>
    fetch(`${github.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });

  it('GitHub: blame ranges as maximal runs, with ages and the squash-merged pull request', async () => {
    const response = await graphql(BLAME, { owner: 'acme', name: 'app', sha: 'v2', path: 'a.go' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
    const { data } = await json(response);
    const ranges = data.repository.object.blame.ranges;
    expect(ranges.map((r: any) => [r.startingLine, r.endingLine, r.commit.oid, r.age])).toEqual([
      [1, 1, repo.commits.v1, 10],
      [2, 2, repo.commits.v2, 1],
      [3, 3, repo.commits.v1, 10],
    ]);
    expect(ranges[1].commit.associatedPullRequests.nodes).toEqual([{ number: 7 }]);
    expect(ranges[0].commit.associatedPullRequests.nodes).toEqual([]);
  });

  it('GitHub: errors as 200 with errors[] (type, path, message), null for an unknown sha, 401 anonymous', async () => {
    const missing = await json(await graphql(BLAME, { owner: 'acme', name: 'nope', sha: 'v2', path: 'a.go' }));
    expect(missing.data.repository).toBeNull();
    expect(missing.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      path: ['repository'],
      message: "Could not resolve to a Repository with the name 'acme/nope'.",
    });
    const unknownSha = await (
      await graphql(BLAME, { owner: 'acme', name: 'app', sha: 'f'.repeat(40), path: 'a.go' })
    ).json();
    expect(unknownSha).toEqual({ data: { repository: { object: null } } });
    const badField = await json(await graphql('{ rateLimit { costs } }', {}));
    expect(badField.errors[0].message).toMatch(/Cannot query field "costs"/);
    expect((await graphql(BLAME, {}, false)).status).toBe(401);
  });

  it('GitHub: compare lists base..head oldest first with files, 404s unknown refs', async () => {
    const body = await json(await fetch(`${github.apiUrl}/repos/acme/app/compare/v1...v2`));
    expect(body).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(body.commits.map((c: any) => c.sha)).toEqual([repo.commits.v2]);
    expect(body.files).toEqual([
      expect.objectContaining({ filename: 'a.go', status: 'modified', additions: 1, deletions: 1 }),
    ]);
    expect((await fetch(`${github.apiUrl}/repos/acme/app/compare/v0...v2`)).status).toBe(404);
    const reversed = await json(await fetch(`${github.apiUrl}/repos/acme/app/compare/v2...v1`));
    expect(reversed).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1, commits: [] });
  });
});
