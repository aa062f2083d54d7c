/**
 * GitLab REST API v4 for what the source server reads: projects (by numeric id or URL-encoded full path),
 * repository files (JSON, HEAD metadata, raw), tree (offset pagination with X-Next-Page and keyset pagination
 * with a Link header), commits, branches and tags, with GitLab's JSON shapes and `{"message": "404 … Not Found"}`
 * errors. The repositories are local git repositories, read with the git CLI readers of git-fixtures.
 */
import { createHash } from 'node:crypto';
import {
  commitInfo,
  currentBranch,
  git,
  listTree,
  objectAt,
  readBlob,
  recentCommits,
  resolveCommit,
} from '../git-fixtures';
import { fileBlame, repositoryCompare } from './history';
import {
  commitJson,
  type GitLabDoubleProject,
  hashNumber,
  json,
  JSON_TYPE,
  notFound,
  type Reply,
  type RestContext,
  userJson,
  webUrlOf,
} from './shapes';

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 20;

export function canRead(project: GitLabDoubleProject, username: string | null): boolean {
  const visibility = project.visibility ?? 'public';
  if (visibility === 'public') {
    return true;
  }
  if (username === null) {
    return false;
  }
  return visibility === 'internal' || (project.members ?? []).includes(username);
}

/** `segments` are the path segments after /api/v4, still URL-encoded (a project path or file path is one). */
export async function restApi(
  ctx: RestContext,
  method: string,
  segments: string[],
  query: URLSearchParams,
  username: string | null
): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') {
    return json(405, { error: '405 Method Not Allowed' });
  }
  if (segments[0] === 'user' && segments.length === 1) {
    return username === null ? json(401, { message: '401 Unauthorized' }) : json(200, userJson(ctx, username));
  }
  if (segments[0] !== 'projects' || segments.length < 2) {
    return json(404, { error: '404 Not Found' });
  }
  const project = ctx.findProject(decodeURIComponent(segments[1]));
  if (!project || !canRead(project, username)) {
    return notFound('Project');
  }
  const rest = segments.slice(2);
  if (rest.length === 0) {
    return json(200, await projectJson(ctx, project));
  }
  if (rest[0] !== 'repository') {
    return json(404, { error: '404 Not Found' });
  }
  const [kind, ...more] = rest.slice(1);
  switch (kind) {
    case 'files':
      return files(ctx, project, more, query, method === 'HEAD');
    case 'tree':
      return more.length === 0 ? tree(ctx, project, segments, query) : json(404, { error: '404 Not Found' });
    case 'commits':
      return commits(ctx, project, more, query);
    case 'branches':
      return branches(ctx, project, more);
    case 'compare':
      return more.length === 0 ? repositoryCompare(ctx, project, query) : json(404, { error: '404 Not Found' });
    case 'tags':
      return tags(ctx, project, more);
    default:
      return json(404, { error: '404 Not Found' });
  }
}

async function defaultBranchOf(project: GitLabDoubleProject): Promise<string> {
  return project.defaultBranch ?? (await currentBranch(project.dir));
}

async function projectJson(ctx: RestContext, project: GitLabDoubleProject) {
  const segments = project.path.split('/');
  const name = segments[segments.length - 1];
  const namespace = segments.slice(0, -1).join('/');
  const host = new URL(ctx.webUrl).hostname;
  return {
    id: ctx.projectId(project),
    description: null,
    name,
    name_with_namespace: segments.join(' / '),
    path: name,
    path_with_namespace: project.path,
    created_at: '2026-01-01T12:00:00.000Z',
    default_branch: await defaultBranchOf(project),
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${host}:${project.path}.git`,
    http_url_to_repo: `${webUrlOf(ctx, project)}.git`,
    web_url: webUrlOf(ctx, project),
    readme_url: null,
    avatar_url: null,
    forks_count: 0,
    star_count: 0,
    last_activity_at: '2026-01-01T12:00:00.000Z',
    namespace: {
      id: hashNumber(namespace),
      name: segments[segments.length - 2] ?? namespace,
      path: segments[segments.length - 2] ?? namespace,
      kind: 'group',
      full_path: namespace,
      parent_id: segments.length > 2 ? hashNumber(segments.slice(0, -2).join('/')) : null,
      avatar_url: null,
      web_url: `${ctx.webUrl}/groups/${namespace}`,
    },
    visibility: project.visibility ?? 'public',
    empty_repo: false,
    archived: false,
  };
}

function validFilePath(path: string): boolean {
  return path !== '' && !path.split('/').some((s) => s === '..' || s === '.') && !path.includes('\0');
}

async function files(
  ctx: RestContext,
  project: GitLabDoubleProject,
  more: string[],
  query: URLSearchParams,
  head: boolean
): Promise<Reply> {
  // The file path is one URL-encoded segment (`src%2Fmain.go`), optionally followed by /raw or /blame.
  const raw = more.length === 2 && more[1] === 'raw';
  const blame = more.length === 2 && more[1] === 'blame';
  if (more.length === 0 || more.length > 2 || (more.length === 2 && !raw && !blame)) {
    return json(404, { error: '404 Not Found' });
  }
  const path = decodeURIComponent(more[0]);
  if (!validFilePath(path)) {
    return json(400, { error: 'file_path should be a valid file path' });
  }
  if (blame) {
    return fileBlame(project, path, query);
  }
  let ref = query.get('ref') ?? '';
  if (ref === '') {
    if (!raw) {
      return json(400, { error: 'ref is missing, ref is empty' });
    }
    ref = await defaultBranchOf(project);
  }
  const commit = await resolveCommit(project.dir, ref);
  const object = commit ? await objectAt(project.dir, commit, path) : undefined;
  if (!commit || !object || object.type !== 'blob') {
    return notFound('File');
  }
  const content = await readBlob(project.dir, object.sha);
  const lastCommit = (await git(project.dir, ['log', '-1', '--format=%H', commit, '--', path])).toString().trim();
  const mode = (await git(project.dir, ['ls-tree', commit, '--', path])).toString().split(/\s/)[0];
  const meta = {
    file_name: path.slice(path.lastIndexOf('/') + 1),
    file_path: path,
    size: content.length,
    encoding: 'base64',
    content_sha256: createHash('sha256').update(content).digest('hex'),
    ref,
    blob_id: object.sha,
    commit_id: commit,
    last_commit_id: lastCommit,
    execute_filemode: mode === '100755',
  };
  const headers: Record<string, string> = {
    'x-gitlab-blob-id': meta.blob_id,
    'x-gitlab-commit-id': meta.commit_id,
    'x-gitlab-content-sha256': meta.content_sha256,
    'x-gitlab-encoding': meta.encoding,
    'x-gitlab-file-name': encodeURIComponent(meta.file_name),
    'x-gitlab-file-path': encodeURIComponent(meta.file_path),
    'x-gitlab-last-commit-id': meta.last_commit_id,
    'x-gitlab-ref': encodeURIComponent(ref),
    'x-gitlab-size': String(meta.size),
    'x-gitlab-execute-filemode': String(meta.execute_filemode),
  };
  if (raw) {
    return { status: 200, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body: content };
  }
  if (head) {
    return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body: Buffer.alloc(0) };
  }
  return json(200, { ...meta, content: content.toString('base64') }, headers);
}

/** A tree listing's page size: GitLab's default 20, at most 100. */
function perPageOf(query: URLSearchParams): number {
  const n = Number(query.get('per_page') ?? DEFAULT_PER_PAGE);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
}

async function tree(
  ctx: RestContext,
  project: GitLabDoubleProject,
  segments: string[],
  query: URLSearchParams
): Promise<Reply> {
  const ref = query.get('ref') || (await defaultBranchOf(project));
  const path = (query.get('path') ?? '').replace(/^\/+|\/+$/g, '');
  const recursive = query.get('recursive') === 'true';
  const commit = await resolveCommit(project.dir, ref);
  const object = commit ? await objectAt(project.dir, commit, path) : undefined;
  if (!commit || !object || object.type !== 'tree') {
    return notFound('Tree');
  }
  const entries = (await listTree(project.dir, commit, path, recursive)).map((e) => {
    const full = path ? `${path}/${e.path}` : e.path;
    return { id: e.sha, name: full.slice(full.lastIndexOf('/') + 1), type: e.type, path: full, mode: e.mode };
  });
  const perPage = perPageOf(query);
  const self = `${ctx.apiUrl}/${segments.join('/')}`;
  const link = (params: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(params)) {
      next.set(k, v);
    }
    next.set('per_page', String(perPage));
    return `${self}?${next.toString()}`;
  };

  if (query.get('pagination') === 'keyset') {
    // The page token is opaque to clients; here it names the last entry of the previous page.
    const token = query.get('page_token');
    let start = 0;
    if (token) {
      const after = decodePageToken(token);
      const index = after === undefined ? -1 : entries.findIndex((e) => e.path === after);
      if (index < 0) {
        return json(400, { message: '400 Bad request - invalid page_token' });
      }
      start = index + 1;
    }
    const page = entries.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    if (start + perPage < entries.length) {
      headers.link = `<${link({ page_token: encodePageToken(page[page.length - 1].path) })}>; rel="next"`;
    }
    return json(200, page, headers);
  }

  const totalPages = Math.max(1, Math.ceil(entries.length / perPage));
  const pageNumber = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const page = entries.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const links = [
    pageNumber > 1 ? `<${link({ page: String(pageNumber - 1) })}>; rel="prev"` : '',
    pageNumber < totalPages ? `<${link({ page: String(pageNumber + 1) })}>; rel="next"` : '',
    `<${link({ page: '1' })}>; rel="first"`,
    `<${link({ page: String(totalPages) })}>; rel="last"`,
  ].filter((l) => l !== '');
  return json(200, page, {
    link: links.join(', '),
    'x-page': String(pageNumber),
    'x-per-page': String(perPage),
    'x-next-page': pageNumber < totalPages ? String(pageNumber + 1) : '',
    'x-prev-page': pageNumber > 1 ? String(pageNumber - 1) : '',
    'x-total': String(entries.length),
    'x-total-pages': String(totalPages),
  });
}

function encodePageToken(path: string): string {
  return Buffer.from(JSON.stringify({ file_name: path })).toString('base64');
}

function decodePageToken(token: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { file_name?: unknown };
    return typeof parsed.file_name === 'string' ? parsed.file_name : undefined;
  } catch {
    return undefined;
  }
}

async function commits(
  ctx: RestContext,
  project: GitLabDoubleProject,
  more: string[],
  query: URLSearchParams
): Promise<Reply> {
  if (more.length === 0) {
    const head = await resolveCommit(project.dir, query.get('ref_name') || (await defaultBranchOf(project)));
    if (!head) {
      return json(200, []);
    }
    const shas = await recentCommits(project.dir, head, perPageOf(query));
    return json(
      200,
      await Promise.all(shas.map(async (sha) => commitJson(ctx, project, await commitInfo(project.dir, sha))))
    );
  }
  if (more.length !== 1) {
    return json(404, { error: '404 Not Found' });
  }
  // A sha, a branch or a tag name (one URL-encoded segment).
  const sha = await resolveCommit(project.dir, decodeURIComponent(more[0]));
  if (!sha) {
    return notFound('Commit');
  }
  const info = await commitInfo(project.dir, sha);
  const numstat = (await git(project.dir, ['show', '--numstat', '--format=', sha])).toString().trim();
  let additions = 0;
  let deletions = 0;
  for (const line of numstat ? numstat.split('\n') : []) {
    const [added, deleted] = line.split('\t');
    additions += Number(added) || 0;
    deletions += Number(deleted) || 0;
  }
  return json(200, {
    ...commitJson(ctx, project, info),
    stats: { additions, deletions, total: additions + deletions },
    status: null,
    project_id: ctx.projectId(project),
    last_pipeline: null,
  });
}

async function branches(ctx: RestContext, project: GitLabDoubleProject, more: string[]): Promise<Reply> {
  const listed = (await git(project.dir, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])).toString();
  const names = listed.split('\n').filter((n) => n !== '');
  const defaultBranch = await defaultBranchOf(project);
  const branchJson = async (name: string) => {
    const sha = (await resolveCommit(project.dir, `heads/${name}`)) as string;
    return {
      name,
      commit: commitJson(ctx, project, await commitInfo(project.dir, sha)),
      merged: false,
      protected: name === defaultBranch,
      developers_can_push: false,
      developers_can_merge: false,
      can_push: false,
      default: name === defaultBranch,
      web_url: `${webUrlOf(ctx, project)}/-/tree/${name}`,
    };
  };
  if (more.length === 0) {
    return json(200, await Promise.all(names.map(branchJson)));
  }
  const name = decodeURIComponent(more.join('/'));
  return names.includes(name) ? json(200, await branchJson(name)) : notFound('Branch');
}

async function tags(ctx: RestContext, project: GitLabDoubleProject, more: string[]): Promise<Reply> {
  const listed = (
    await git(project.dir, ['for-each-ref', '--format=%(refname:short)%00%(objectname)%00%(contents)', 'refs/tags'])
  ).toString();
  const entries = listed
    .split('\n')
    .filter((line) => line.includes('\0'))
    .map((line) => {
      const [name, target, message] = line.split('\0');
      return { name, target, message: message ?? '' };
    });
  const tagJson = async (tag: { name: string; target: string; message: string }) => {
    const sha = (await resolveCommit(project.dir, `tags/${tag.name}`)) as string;
    return {
      name: tag.name,
      message: tag.message.trim(),
      target: tag.target,
      commit: commitJson(ctx, project, await commitInfo(project.dir, sha)),
      release: null,
      protected: false,
      created_at: null,
    };
  };
  if (more.length === 0) {
    return json(200, await Promise.all(entries.map(tagJson)));
  }
  const name = decodeURIComponent(more.join('/'));
  const tag = entries.find((t) => t.name === name);
  return tag ? json(200, await tagJson(tag)) : notFound('Tag');
}
