/**
 * The GitHub double's `GET /repos/{owner}/{repo}/compare/{base}...{head}`, in the shape of GitHub's REST reference
 * ("Compare two commits"): like `git log base..head`, oldest first; without `page`/`per_page` at most 250 commits,
 * with them one page and a `link` header; `files` (with patches) on the first page only; `status` one of
 * identical/ahead/behind/diverged; 404 "Not Found" for an unknown ref and "No common ancestor between …" for
 * unrelated histories.
 */
import { changedFiles, commitsBetween, git, resolveCommit } from '../git-fixtures';

const UNPAGED_LIMIT = 250;

export interface CompareReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function githubCompare(
  dir: string,
  fullName: string,
  basehead: string,
  url: URL,
  baseUrl: string,
  commitJson: (sha: string) => Promise<unknown>
): Promise<CompareReply> {
  const docs = 'https://docs.github.com/rest/commits/commits#compare-two-commits';
  const split = basehead.indexOf('...');
  const [baseRef, headRef] = split > 0 ? [basehead.slice(0, split), basehead.slice(split + 3)] : ['', ''];
  const base = baseRef && (await resolveCommit(dir, baseRef));
  const head = headRef && (await resolveCommit(dir, headRef));
  if (!base || !head) {
    return { status: 404, body: { message: 'Not Found', documentation_url: docs, status: '404' } };
  }
  let mergeBase: string;
  try {
    mergeBase = (await git(dir, ['merge-base', base, head])).toString().trim();
  } catch {
    return {
      status: 404,
      body: {
        message: `No common ancestor between ${baseRef} and ${headRef}.`,
        documentation_url: docs,
        status: '404',
      },
    };
  }
  const ahead = await commitsBetween(dir, base, head);
  const behind = await commitsBetween(dir, head, base);
  const paged = url.searchParams.has('page') || url.searchParams.has('per_page');
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
  const listed = paged ? ahead.slice((page - 1) * perPage, page * perPage) : ahead.slice(-UNPAGED_LIMIT);
  const headers: Record<string, string> = {};
  if (paged) {
    const last = Math.max(1, Math.ceil(ahead.length / perPage));
    const at = (p: number) => {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(p));
      next.searchParams.set('per_page', String(perPage));
      return `<${baseUrl}${next.pathname}${next.search}>`;
    };
    const links = [
      ...(page < last ? [`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`] : []),
    ];
    if (links.length > 0) {
      headers.link = links.join(', ');
    }
  }
  const files = page === 1 ? await changedFiles(dir, base, head) : [];
  const status =
    base === head ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
  const repoUrl = `${baseUrl}/${fullName}`;
  return {
    status: 200,
    headers,
    body: {
      url: `${baseUrl}/repos/${fullName}/compare/${basehead}`,
      html_url: `${repoUrl}/compare/${basehead}`,
      permalink_url: `${repoUrl}/compare/${fullName.split('/')[0]}:${base.slice(0, 7)}...${fullName.split('/')[0]}:${head.slice(0, 7)}`,
      diff_url: `${repoUrl}/compare/${basehead}.diff`,
      patch_url: `${repoUrl}/compare/${basehead}.patch`,
      base_commit: await commitJson(base),
      merge_base_commit: await commitJson(mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: await Promise.all(listed.map((c) => commitJson(c.sha))),
      files: files.map((f) => ({
        sha: '',
        filename: f.path,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: `${repoUrl}/blob/${head}/${f.path}`,
        raw_url: `${repoUrl}/raw/${head}/${f.path}`,
        contents_url: `${baseUrl}/repos/${fullName}/contents/${f.path}?ref=${head}`,
        patch: f.patch,
        ...(f.previousPath ? { previous_filename: f.previousPath } : {}),
      })),
    },
  };
}
