import { create } from '@bufbuild/protobuf';
import { BlameCommitSchema, ChangeRequestSchema } from '../../../proto/gen/linescope/v1/blame_pb';
import { readCommits } from './blame';

const sha = 'c'.repeat(40);
const commit = (fields: Record<string, unknown>) =>
  create(BlameCommitSchema, { sha, title: 'Fix', authorName: 'Ana', date: BigInt(Date.UTC(2026, 0, 1)), ...fields });

describe('readCommits', () => {
  it('builds commit and pull request links from the repository, never from the answer', () => {
    const [read] = readCommits('https://github.com/acme/shop', [
      commit({
        url: 'https://evil.example/phish',
        changeRequest: create(ChangeRequestSchema, { number: 7, title: 'Fix', url: 'javascript:alert(1)' }),
      }),
    ]);
    expect(read).toMatchObject({
      url: `https://github.com/acme/shop/commit/${sha}`,
      changeRequest: { number: 7, url: 'https://github.com/acme/shop/pull/7' },
      date: Date.UTC(2026, 0, 1),
    });
  });

  it("uses GitLab's merge request pages for a GitLab repository", () => {
    const [read] = readCommits('https://gitlab.com/g/sub/shop', [
      commit({ changeRequest: create(ChangeRequestSchema, { number: 3, title: 'Fix' }) }),
    ]);
    expect(read?.url).toBe(`https://gitlab.com/g/sub/shop/-/commit/${sha}`);
    expect(read?.changeRequest?.url).toBe('https://gitlab.com/g/sub/shop/-/merge_requests/3');
  });

  it('drops a commit whose sha is not one, and a pull request without a number', () => {
    const read = readCommits('https://github.com/acme/shop', [
      commit({ sha: '../../x' }),
      commit({ changeRequest: create(ChangeRequestSchema, { number: 0, title: 'x' }) }),
    ]);
    expect(read[0]).toBeUndefined();
    expect(read[1]?.changeRequest).toBeUndefined();
  });

  it('gives no link for a repository URL it cannot read', () => {
    expect(readCommits('not a url', [commit({})])[0]?.url).toBeUndefined();
  });
});
