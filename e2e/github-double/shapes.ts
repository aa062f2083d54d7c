/**
 * The shapes the GitHub double answers in (repositories, replies, users, commits, contents entries, dates), shared
 * by its REST routes, OAuth pages, web pages and the request pipeline in double.ts. Written from GitHub's REST
 * reference.
 */
import { createHash } from 'node:crypto';
import type { DoubleReply } from '../double-server';
import type { RepoStore } from '../git-fixtures';

export type DoubleRepo = {
  /** owner/name */
  fullName: string;
  defaultBranch?: string;
  /** Private repositories are visible only to `readers` (logins); others get GitHub's 404. */
  private?: boolean;
  readers?: string[];
} & (
  | {
      /** A local git repository. */
      dir: string;
    }
  | {
      /** What to serve instead of a git repository (e.g. generatedStore's files). */
      store: RepoStore;
    }
);

/** A repository as the double reads it. */
export type ServedRepo = DoubleRepo & { git: RepoStore };

/** What the routes know of the double they answer for. */
export interface GitHubContext {
  /** Web and REST base URL (the same server). */
  readonly baseUrl: string;
  /** The repository if it exists and `login` (null = anonymous) may see it. */
  visibleRepo(owner: string, name: string, login: string | null): ServedRepo | undefined;
  /** Commit author e-mail → GitHub login (GitHub links commits to users by e-mail). */
  loginOf(email: string): string;
  /** Recursive tree listings with more entries than this come back `truncated`. */
  treeEntryLimit: number;
  now(): number;
}

export type Reply = DoubleReply;

export const DOCS = 'https://docs.github.com/rest';
/** Requests per hour: signed in, and per IP address without a token. */
export const RATE_LIMIT = 5000;
export const ANONYMOUS_RATE_LIMIT = 60;

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { ...JSON_HEADERS, ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

/** GitHub's errors: `{message, documentation_url, status}` with the status as a string. */
export const apiError = (status: number, message: string, documentationUrl = DOCS): Reply =>
  json(status, { message, documentation_url: documentationUrl, status: String(status) });

export const notFound = (): Reply => apiError(404, 'Not Found');

export const html = (status: number, page: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(page),
});

export function userJson(ctx: GitHubContext, login: string) {
  return {
    login,
    id: hashNumber(login),
    avatar_url: `${ctx.baseUrl}/avatars/${encodeURIComponent(login)}`,
    html_url: `${ctx.baseUrl}/${login}`,
    type: 'User',
    site_admin: false,
  };
}

export async function commitJson(ctx: GitHubContext, repo: ServedRepo, fullName: string, sha: string) {
  const { baseUrl } = ctx;
  const c = await repo.git.commitInfo(sha);
  const authorLogin = ctx.loginOf(c.authorEmail);
  const committerLogin = ctx.loginOf(c.committerEmail);
  return {
    sha: c.sha,
    node_id: Buffer.from(`commit:${c.sha}`).toString('base64'),
    commit: {
      author: { name: c.authorName, email: c.authorEmail, date: toGitHubDate(c.authorDate) },
      committer: { name: c.committerName, email: c.committerEmail, date: toGitHubDate(c.committerDate) },
      message: c.message,
      tree: { sha: c.tree, url: `${baseUrl}/repos/${fullName}/git/trees/${c.tree}` },
      url: `${baseUrl}/repos/${fullName}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    url: `${baseUrl}/repos/${fullName}/commits/${c.sha}`,
    html_url: `${baseUrl}/${fullName}/commit/${c.sha}`,
    comments_url: `${baseUrl}/repos/${fullName}/commits/${c.sha}/comments`,
    author: authorLogin ? userJson(ctx, authorLogin) : null,
    committer: committerLogin ? userJson(ctx, committerLogin) : null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${baseUrl}/repos/${fullName}/commits/${p}`,
      html_url: `${baseUrl}/${fullName}/commit/${p}`,
    })),
  };
}

/** One entry of `GET /repos/{owner}/{repo}/contents/{path}` (a file's, or each of a directory listing's). */
export function contentEntry(
  ctx: GitHubContext,
  fullName: string,
  ref: string,
  path: string,
  type: string,
  sha: string,
  size: number
) {
  const { baseUrl } = ctx;
  const self = `${baseUrl}/repos/${fullName}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const page = `${baseUrl}/${fullName}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
  const gitUrl = `${baseUrl}/repos/${fullName}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
  return {
    type,
    size,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    url: self,
    git_url: gitUrl,
    html_url: page,
    download_url: type === 'file' ? `${baseUrl}/raw/${fullName}/${ref}/${encodePath(path)}` : null,
    _links: { self, git: gitUrl, html: page },
  };
}

/** GitHub's base64 content: lines of 60 characters, each ending in "\n". */
export function wrap60(base64: string): string {
  return base64.replace(/.{1,60}/g, '$&\n');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );
}

export function hashNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** git's ISO dates with offset → GitHub's UTC "2026-01-01T12:00:00Z". */
function toGitHubDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
