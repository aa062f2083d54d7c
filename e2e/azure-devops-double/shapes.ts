/**
 * The shapes the Azure DevOps double answers in: its repositories, replies, Azure DevOps' error body
 * (`{$id, innerException, message, typeName, typeKey, errorCode, eventId}`) and git JSON, shared by its REST routes
 * and its server.
 */
import type { CommitInfo } from '../git-fixtures';

export interface AzureDoubleRepository {
  organization: string;
  project: string;
  name: string;
  dir: string;
  /** Default public. Private: only `members` read it; others get 404 TF401019, as for a missing repository. */
  visibility?: 'public' | 'private';
  members?: string[];
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RestContext {
  /** The web and API base, e.g. http://127.0.0.1:PORT (AZURE_DEVOPS_URL). */
  url: string;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8; api-version=7.1', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

/** Azure DevOps' error body; `typeKey` names the server's exception (GitItemNotFoundException…). */
export const azureError = (status: number, typeKey: string, message: string, headers: Record<string, string> = {}) =>
  json(
    status,
    {
      $id: '1',
      innerException: null,
      message,
      typeName: `Microsoft.TeamFoundation.Git.Server.${typeKey}, Microsoft.TeamFoundation.Git.Server`,
      typeKey,
      errorCode: 0,
      eventId: 3000,
    },
    headers
  );

export const canRead = (repo: AzureDoubleRepository, username: string | null): boolean =>
  repo.visibility !== 'private' || (username !== null && (repo.members ?? []).includes(username));

export function repositoryBase(ctx: RestContext, repo: AzureDoubleRepository): string {
  return `${ctx.url}/${encodeURIComponent(repo.organization)}/${encodeURIComponent(repo.project)}`;
}

export function commitJson(ctx: RestContext, repo: AzureDoubleRepository, c: CommitInfo) {
  const base = repositoryBase(ctx, repo);
  const person = (name: string, email: string, date: string) => ({ name, email, date: new Date(date).toISOString() });
  return {
    commitId: c.sha,
    treeId: c.tree,
    parents: c.parents,
    author: person(c.authorName, c.authorEmail, c.authorDate),
    committer: person(c.committerName, c.committerEmail, c.committerDate),
    comment: c.message,
    url: `${base}/_apis/git/repositories/${encodeURIComponent(repo.name)}/commits/${c.sha}`,
    remoteUrl: `${base}/_git/${encodeURIComponent(repo.name)}/commit/${c.sha}`,
    _links: { web: { href: `${base}/_git/${encodeURIComponent(repo.name)}/commit/${c.sha}` } },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );
}

export const html = (status: number, body: string, title = 'Azure DevOps'): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`),
});
