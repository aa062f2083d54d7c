/**
 * GitLab's file blame (`/projects/:id/repository/files/:path/blame`, with `range[start]`/`range[end]`) and
 * repository compare, read into the host-neutral shapes. GitLab's blame has no line numbers (they are implicit:
 * counted from the range's start) and no titles or links (the title is the message's first line, the link is built
 * from the project's web URL); it names no merge request.
 */
import { MalformedAnswerError } from '../errors';
import { Repository } from '../git-host';
import {
  Blame,
  BlameCommitInfo,
  checkSha,
  commitIndexer,
  Comparison,
  firstLine,
  hostDate,
  hostText,
  LineSpan,
  MAX_BLAME_RANGES,
} from '../blame/model';
import { GitLabClient } from './client';

interface GitLabCommitJson {
  id?: unknown;
  title?: unknown;
  message?: unknown;
  author_name?: unknown;
  committed_date?: unknown;
  authored_date?: unknown;
}

export async function fetchGitLabBlame(
  client: GitLabClient,
  repo: Repository,
  sha: string,
  path: string,
  span: LineSpan | undefined
): Promise<Blame> {
  const answer = await client.getBlame(repo.fullName, path, sha, span);
  if (!Array.isArray(answer) || answer.length > MAX_BLAME_RANGES) {
    throw new MalformedAnswerError(`GitLab's blame of ${path} is not a bounded list`);
  }
  const blame: Blame = { ranges: [], commits: [] };
  const indexOf = commitIndexer(blame.commits);
  let line = span?.start ?? 1;
  for (const entry of answer as Array<{ commit?: GitLabCommitJson; lines?: unknown }>) {
    const count = Array.isArray(entry?.lines) ? entry.lines.length : 0;
    if (count === 0) {
      throw new MalformedAnswerError(`GitLab's blame of ${path} has an entry without lines`);
    }
    blame.ranges.push({
      startLine: line,
      endLine: line + count - 1,
      commit: indexOf(gitlabCommit(repo, entry.commit ?? {})),
    });
    line += count;
  }
  return blame;
}

function gitlabCommit(repo: Repository, commit: GitLabCommitJson): BlameCommitInfo {
  const sha = checkSha(commit.id);
  return {
    sha,
    title: hostText(commit.title) || firstLine(hostText(commit.message)),
    authorName: hostText(commit.author_name),
    date: hostDate(commit.committed_date ?? commit.authored_date),
    url: `${repo.webUrl}/-/commit/${sha}`,
  };
}

/** GitLab lists every commit unpaged; `compare_timeout` says the diffs were cut short. */
export async function fetchGitLabComparison(
  client: GitLabClient,
  repo: Repository,
  base: string,
  head: string
): Promise<Comparison> {
  const answer = (await client.compare(repo.fullName, base, head)) as {
    commits?: GitLabCommitJson[];
    diffs?: Array<{ old_path?: unknown; new_path?: unknown }>;
    compare_timeout?: unknown;
  };
  if (!Array.isArray(answer?.commits)) {
    throw new MalformedAnswerError(`GitLab's compare of ${repo.fullName} has no commits list`);
  }
  const changedPaths = new Set<string>();
  for (const diff of answer.diffs ?? []) {
    for (const name of [diff.old_path, diff.new_path]) {
      if (typeof name === 'string') {
        changedPaths.add(name);
      }
    }
  }
  // Oldest first, as ours: GitLab's `commit` is the last of `commits`, the newest.
  const commits = answer.commits.map((c) => gitlabCommit(repo, c));
  return { commits, changedPaths: [...changedPaths], truncated: answer.compare_timeout === true };
}
