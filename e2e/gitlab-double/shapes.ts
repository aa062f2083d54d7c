/**
 * The shapes the GitLab double answers in (projects, replies, commits, users, dates), shared by its REST routes and
 * its blame and compare routes.
 */
import { createHash } from 'node:crypto';
import type { CommitInfo } from '../git-fixtures';

export type Visibility = 'public' | 'internal' | 'private';

export interface GitLabDoubleProject {
  /** Full path with namespace: `group/project` or `group/subgroup/project`. */
  path: string;
  dir: string;
  defaultBranch?: string;
  /** Default public. Internal: any signed-in user; private: only `members` (others get 404 Project Not Found). */
  visibility?: Visibility;
  members?: string[];
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RestContext {
  /** Web base URL including any path prefix (what `web_url` fields start with). */
  webUrl: string;
  /** API base URL: `<webUrl>/api/v4`. */
  apiUrl: string;
  findProject(id: string): GitLabDoubleProject | undefined;
  projectId(project: GitLabDoubleProject): number;
}

export const JSON_TYPE = 'application/json';
export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: Buffer.from(JSON.stringify(value)),
});
export const notFound = (what: string): Reply => json(404, { message: `404 ${what} Not Found` });

export function webUrlOf(ctx: RestContext, project: GitLabDoubleProject): string {
  return `${ctx.webUrl}/${project.path}`;
}

export function commitJson(ctx: RestContext, project: GitLabDoubleProject, c: CommitInfo) {
  return {
    id: c.sha,
    short_id: c.sha.slice(0, 8),
    created_at: gitlabDate(c.committerDate),
    parent_ids: c.parents,
    title: c.message.split('\n')[0],
    message: `${c.message}\n`,
    author_name: c.authorName,
    author_email: c.authorEmail,
    authored_date: gitlabDate(c.authorDate),
    committer_name: c.committerName,
    committer_email: c.committerEmail,
    committed_date: gitlabDate(c.committerDate),
    trailers: {},
    extended_trailers: {},
    web_url: `${webUrlOf(ctx, project)}/-/commit/${c.sha}`,
  };
}

export function userJson(ctx: RestContext, username: string) {
  return {
    id: hashNumber(username),
    username,
    name: username,
    state: 'active',
    avatar_url: `${ctx.webUrl}/uploads/-/system/user/avatar/${hashNumber(username)}/avatar.png`,
    web_url: `${ctx.webUrl}/${username}`,
  };
}

/** git's strict ISO date ("2026-01-01T12:00:00+00:00" or "…Z") → GitLab's "2026-01-01T12:00:00.000+00:00". */
export function gitlabDate(iso: string): string {
  return iso.replace(/Z$/, '+00:00').replace(/(T\d{2}:\d{2}:\d{2})(?=[+-])/, '$1.000');
}

export function hashNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) >>> 1;
}
