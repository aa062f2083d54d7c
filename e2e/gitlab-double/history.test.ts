/** The GitLab double's blame and compare in GitLab's documented REST shapes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from '../git-fixtures';
import { GitLabDouble, startGitLabDouble } from './double';

describe('blame and compare of the GitLab double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-history-'));
  const repo = createFixtureRepo(root, 'acme/app', [
    { files: { 'a.go': 'one\ntwo\nthree\n' }, tags: ['v1'], message: 'First' },
    { files: { 'a.go': 'one\nTWO\nthree\n' }, tags: ['v2'], message: 'Second (#7)' },
  ]);
  let gitlab: GitLabDouble;
  let gitlabToken: string;

  beforeAll(async () => {
    gitlab = await startGitLabDouble({ projects: [{ path: 'acme/app', dir: repo.dir }] });
    gitlabToken = gitlab.issueToken('alice').accessToken;
  });
  afterAll(async () => {
    await gitlab.stop();
    rmSync(root, { recursive: true, force: true });
  });

  // The double's answers, checked field by field below.
  const json = (response: Response): Promise<any> => response.json();
  const gitlabGet = (path: string) =>
    fetch(`${gitlab.apiUrl}${path}`, { headers: { authorization: `Bearer ${gitlabToken}` } });

  it('GitLab: blame as [{commit, lines}] within the range, range checks, 404 for a missing file', async () => {
    const body = await json(
      await gitlabGet('/projects/acme%2Fapp/repository/files/a%2Ego/blame?ref=v2&range[start]=2&range[end]=3')
    );
    expect(body.map((e: any) => [e.commit.id, e.lines])).toEqual([
      [repo.commits.v2, ['TWO']],
      [repo.commits.v1, ['three']],
    ]);
    expect(Object.keys(body[0].commit)).not.toContain('web_url');
    const reversed = await gitlabGet(
      '/projects/acme%2Fapp/repository/files/a%2Ego/blame?ref=v2&range[start]=3&range[end]=2'
    );
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toEqual({ message: 'range[start] must be less than or equal to range[end]' });
    expect((await gitlabGet('/projects/acme%2Fapp/repository/files/a%2Ego/blame')).status).toBe(400);
    const missing = await gitlabGet('/projects/acme%2Fapp/repository/files/b%2Ego/blame?ref=v2');
    expect(await missing.json()).toEqual({ message: '404 File Not Found' });
  });

  it('GitLab: compare gives commits, the newest as commit, and diffs', async () => {
    const body = await json(await gitlabGet('/projects/acme%2Fapp/repository/compare?from=v1&to=v2'));
    expect(body.commits.map((c: any) => c.id)).toEqual([repo.commits.v2]);
    expect(body.commit.id).toBe(repo.commits.v2);
    expect(body.diffs).toEqual([expect.objectContaining({ old_path: 'a.go', new_path: 'a.go', new_file: false })]);
    expect(body.compare_same_ref).toBe(false);
    expect((await gitlabGet('/projects/acme%2Fapp/repository/compare?from=nope&to=v2')).status).toBe(404);
  });
});
