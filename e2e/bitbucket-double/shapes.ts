/**
 * The shapes the Bitbucket Cloud double answers in: its repositories, replies, Bitbucket's error body
 * (`{"type": "error", "error": {"message"}}`) and commit JSON, shared by its REST routes and its server.
 */
import type { CommitInfo } from '../git-fixtures';

export interface BitbucketDoubleRepository {
  /** `workspace/repo_slug`. */
  fullName: string;
  dir: string;
  /** The main branch (Bitbucket's `mainbranch`); default: the checked-out branch. */
  mainBranch?: string;
  /** Default public. Private: only `members` read it; others get 403 (signed in) or 404 (anonymous). */
  isPrivate?: boolean;
  members?: string[];
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RestContext {
  /** The web base (what `links.html` point at), e.g. http://127.0.0.1:PORT */
  webUrl: string;
  /** The API base: `<webUrl>/2.0`. */
  apiUrl: string;
  findRepository(workspace: string, slug: string): BitbucketDoubleRepository | undefined;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

/** Bitbucket's error body for every API failure. */
export const error = (status: number, message: string, headers: Record<string, string> = {}): Reply =>
  json(status, { type: 'error', error: { message } }, headers);

export const canRead = (repo: BitbucketDoubleRepository, username: string | null): boolean =>
  !repo.isPrivate || (username !== null && (repo.members ?? []).includes(username));

export function commitJson(ctx: RestContext, repo: BitbucketDoubleRepository, c: CommitInfo) {
  const self = `${ctx.apiUrl}/repositories/${repo.fullName}/commit/${c.sha}`;
  return {
    type: 'commit',
    hash: c.sha,
    date: c.authorDate,
    author: { type: 'author', raw: `${c.authorName} <${c.authorEmail}>` },
    message: `${c.message}\n`,
    summary: { type: 'rendered', raw: `${c.message}\n`, markup: 'markdown', html: '' },
    parents: c.parents.map((hash) => ({
      type: 'commit',
      hash,
      links: { self: { href: `${ctx.apiUrl}/repositories/${repo.fullName}/commit/${hash}` } },
    })),
    links: { self: { href: self }, html: { href: `${ctx.webUrl}/${repo.fullName}/commits/${c.sha}` } },
    repository: { type: 'repository', full_name: repo.fullName },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );
}

export const html = (status: number, body: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(`<!doctype html><html><head><title>Bitbucket</title></head><body>${body}</body></html>`),
});
