/**
 * GitHub's blame (GraphQL `Commit.blame(path)`; the REST API has none) and compare (REST
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`), read into the host-neutral shapes. The GraphQL call goes
 * through the same instrumented fetch as REST, so its `x-ratelimit-*` (resource `graphql`: the point budget) is
 * counted in linescope_git_host_rate_limit_remaining. GraphQL answers errors as 200 with `errors[]`.
 */
import { FileNotFoundError, HostError, MalformedAnswerError, RateLimitError } from '../errors';
import { Repository } from '../git-host';
import {
  Blame,
  BlameCommitInfo,
  changeRequestUrl,
  checkSha,
  commitIndexer,
  Comparison,
  firstLine,
  hostDate,
  hostText,
  MAX_BLAME_RANGES,
} from '../blame/model';
import { GitHubApi } from './client';
import { classifyGitHubError } from './errors';

export const BLAME_QUERY = `query($owner: String!, $name: String!, $sha: String!, $path: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $sha) {
      ... on Commit {
        blame(path: $path) {
          ranges {
            startingLine
            endingLine
            commit {
              oid
              messageHeadline
              committedDate
              author { name user { login } }
              associatedPullRequests(first: 1) { nodes { number title url } }
            }
          }
        }
      }
    }
  }
  rateLimit { cost remaining }
}`;

interface GraphqlCommit {
  oid?: unknown;
  messageHeadline?: unknown;
  committedDate?: unknown;
  author?: { name?: unknown; user?: { login?: unknown } | null } | null;
  associatedPullRequests?: { nodes?: Array<{ number?: unknown; title?: unknown; url?: unknown } | null> } | null;
}

interface GraphqlBlame {
  repository?: {
    object?: {
      blame?: { ranges?: Array<{ startingLine?: unknown; endingLine?: unknown; commit?: GraphqlCommit }> };
    } | null;
  } | null;
}

interface GraphqlError {
  type?: string;
  message?: string;
}

export async function fetchGitHubBlame(
  api: GitHubApi,
  repo: Repository,
  sha: string,
  path: string,
  signal: AbortSignal
): Promise<Blame> {
  let data: GraphqlBlame;
  try {
    data = await api.graphql<GraphqlBlame>(BLAME_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      sha,
      path,
      request: { signal },
    });
  } catch (error) {
    throw classifyGraphqlError(error, repo, path);
  }
  const ranges = data.repository?.object?.blame?.ranges;
  if (data.repository == null || data.repository.object == null) {
    throw new FileNotFoundError(`no commit '${sha}' in ${repo.fullName} readable with this token`);
  }
  if (!Array.isArray(ranges) || ranges.length === 0) {
    throw new FileNotFoundError(`GitHub has no blame for ${path} at ${sha.slice(0, 12)}`);
  }
  if (ranges.length > MAX_BLAME_RANGES) {
    throw new MalformedAnswerError(`GitHub's blame of ${path} has ${ranges.length} ranges`);
  }
  const blame: Blame = { ranges: [], commits: [] };
  const indexOf = commitIndexer(blame.commits);
  for (const range of ranges) {
    blame.ranges.push({
      startLine: Number(range.startingLine),
      endLine: Number(range.endingLine),
      commit: indexOf(githubCommit(repo, range.commit ?? {})),
    });
  }
  return blame;
}

function githubCommit(repo: Repository, commit: GraphqlCommit): BlameCommitInfo {
  const sha = checkSha(commit.oid);
  const pull = commit.associatedPullRequests?.nodes?.[0];
  const number = Number(pull?.number);
  const login = hostText(commit.author?.user?.login);
  return {
    sha,
    title: hostText(commit.messageHeadline),
    authorName: hostText(commit.author?.name),
    ...(login ? { authorLogin: login } : {}),
    date: hostDate(commit.committedDate),
    url: `${repo.webUrl}/commit/${sha}`,
    ...(pull && Number.isSafeInteger(number) && number > 0
      ? {
          changeRequest: { number, title: hostText(pull.title), url: changeRequestUrl(repo, 'pull', number, pull.url) },
        }
      : {}),
  };
}

/** GraphQL errors come as 200 with `errors[]` (Octokit throws them with the partial data); HTTP ones as REST's. */
function classifyGraphqlError(error: unknown, repo: Repository, path: string): Error {
  // Octokit's GraphqlResponseError carries `errors` and `headers`; its throttling plugin reports RATE_LIMITED as an
  // error with the answer in `data` and `response`.
  const failed = error as {
    errors?: GraphqlError[];
    headers?: Record<string, string>;
    data?: { errors?: GraphqlError[] };
    response?: { headers?: Record<string, string> };
  };
  const errors = failed.errors ?? failed.data?.errors;
  if (!Array.isArray(errors)) {
    return classifyGitHubError(error);
  }
  if (errors.some((e) => e.type === 'RATE_LIMITED')) {
    const reset = Number((failed.headers ?? failed.response?.headers)?.['x-ratelimit-reset']);
    return new RateLimitError('GitHub', reset > 0 ? reset * 1000 : undefined, 200);
  }
  if (errors.some((e) => e.type === 'NOT_FOUND')) {
    return new FileNotFoundError(`GitHub has no blame for ${path} in ${repo.fullName}: ${errors[0].message ?? ''}`);
  }
  return new HostError(`GitHub's GraphQL API refused the blame: ${errors.map((e) => e.message).join('; ')}`, 200);
}

interface CompareJson {
  total_commits?: unknown;
  commits?: Array<{
    sha?: unknown;
    commit?: {
      message?: unknown;
      author?: { name?: unknown; date?: unknown } | null;
      committer?: { date?: unknown } | null;
    };
    author?: { login?: unknown } | null;
  }>;
  files?: Array<{ filename?: unknown; previous_filename?: unknown }>;
}

/** The commits between two refs, oldest first, and the files changed (GitHub lists up to 250 commits unpaged). */
export async function fetchGitHubComparison(
  api: GitHubApi,
  repo: Repository,
  base: string,
  head: string,
  signal: AbortSignal | undefined
): Promise<Comparison> {
  let data: CompareJson;
  try {
    ({ data } = (await api.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      request: { signal },
      owner: repo.owner,
      repo: repo.repo,
      // One parameter (Octokit encodes it; the dots stay as they are).
      basehead: `${base}...${head}`,
    })) as { data: CompareJson });
  } catch (error) {
    throw classifyGitHubError(error);
  }
  if (!Array.isArray(data.commits)) {
    throw new MalformedAnswerError(`GitHub's compare of ${repo.fullName} has no commits list`);
  }
  const commits = data.commits.map((c): BlameCommitInfo => {
    const sha = checkSha(c.sha);
    const login = hostText(c.author?.login);
    return {
      sha,
      title: firstLine(hostText(c.commit?.message)),
      authorName: hostText(c.commit?.author?.name),
      ...(login ? { authorLogin: login } : {}),
      date: hostDate(c.commit?.committer?.date ?? c.commit?.author?.date),
      url: `${repo.webUrl}/commit/${sha}`,
    };
  });
  const changedPaths = new Set<string>();
  for (const file of data.files ?? []) {
    for (const name of [file.filename, file.previous_filename]) {
      if (typeof name === 'string') {
        changedPaths.add(name);
      }
    }
  }
  const total = Number(data.total_commits);
  return { commits, changedPaths: [...changedPaths], truncated: Number.isFinite(total) && total > commits.length };
}
