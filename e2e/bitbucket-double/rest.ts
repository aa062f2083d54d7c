/**
 * Bitbucket Cloud's REST API 2.0 routes the source server reads, answered from local git repositories:
 * repositories, `src/{commit}/{path}` (raw file bytes, `format=meta`, paginated directory listings whose root
 * needs a trailing slash), `commit/{revision}`, `refs/branches|tags/{name}` and `commits?include=&exclude=`
 * (iterator-paged: an opaque `next`, no `size` or `page`). Missing things are 404 in Bitbucket's error body.
 */
import { commitInfo, git, listTree, objectAt, readBlob, resolveCommit } from '../git-fixtures';
import { BitbucketDoubleRepository, canRead, commitJson, error, json, Reply, RestContext } from './shapes';

const DEFAULT_PAGELEN = 10;
const MAX_PAGELEN = 100;
const SAFE_NAME = /^[^\s~^:?*[\\]+$/;

const CONTENT_TYPES: Record<string, string> = {
  go: 'text/x-go',
  py: 'text/x-python',
  js: 'application/javascript',
  json: 'application/json',
  md: 'text/markdown',
  txt: 'text/plain',
  yaml: 'application/x-yaml',
  yml: 'application/x-yaml',
  mod: 'text/plain',
};

/** `segments` are the decoded path segments after `/2.0`. */
export async function restApi(
  ctx: RestContext,
  method: string,
  segments: string[],
  query: URLSearchParams,
  username: string | null,
  trailingSlash: boolean
): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') {
    return error(405, 'Method not allowed');
  }
  if (segments[0] !== 'repositories' || segments.length < 3) {
    return error(404, 'Resource not found');
  }
  const [, workspace, slug, section, ...rest] = segments;
  const repo = ctx.findRepository(workspace, slug);
  if (!repo) {
    return error(
      404,
      'You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated.'
    );
  }
  if (!canRead(repo, username)) {
    return error(403, 'Access denied. You must have read access to this repository.');
  }
  switch (section) {
    case undefined:
      return json(200, await repositoryJson(ctx, repo));
    case 'src':
      return source(ctx, repo, rest, query, trailingSlash);
    case 'commit':
      return rest.length === 1 ? commit(ctx, repo, rest[0]) : error(404, 'Resource not found');
    case 'refs':
      return ref(ctx, repo, rest);
    case 'commits':
      return commits(ctx, repo, rest, query);
    default:
      return error(404, 'Resource not found');
  }
}

async function mainBranch(repo: BitbucketDoubleRepository): Promise<string> {
  return repo.mainBranch ?? (await git(repo.dir, ['symbolic-ref', '--short', 'HEAD'])).toString().trim();
}

async function repositoryJson(ctx: RestContext, repo: BitbucketDoubleRepository) {
  return {
    type: 'repository',
    full_name: repo.fullName,
    name: repo.fullName.split('/')[1],
    is_private: repo.isPrivate === true,
    scm: 'git',
    mainbranch: { type: 'branch', name: await mainBranch(repo) },
    links: { html: { href: `${ctx.webUrl}/${repo.fullName}` } },
  };
}

async function commit(ctx: RestContext, repo: BitbucketDoubleRepository, revision: string): Promise<Reply> {
  const sha = await resolveCommit(repo.dir, revision);
  if (!sha) {
    return error(404, `Commit not found`);
  }
  return json(200, commitJson(ctx, repo, await commitInfo(repo.dir, sha)));
}

/** `refs/branches/{name}` and `refs/tags/{name}`: a name may hold slashes (more segments). */
async function ref(ctx: RestContext, repo: BitbucketDoubleRepository, rest: string[]): Promise<Reply> {
  const [kind, ...nameParts] = rest;
  const name = nameParts.join('/');
  if ((kind !== 'branches' && kind !== 'tags') || !name || !SAFE_NAME.test(name) || name.includes('..')) {
    return error(404, 'Resource not found');
  }
  const full = `refs/${kind === 'branches' ? 'heads' : 'tags'}/${name}`;
  let sha: string;
  try {
    sha = (await git(repo.dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${full}^{commit}`]))
      .toString()
      .trim();
  } catch {
    return error(404, `${kind === 'branches' ? 'Branch' : 'Tag'} "${name}" does not exist.`);
  }
  const target = commitJson(ctx, repo, await commitInfo(repo.dir, sha));
  const links = { html: { href: `${ctx.webUrl}/${repo.fullName}/src/${name}` } };
  return json(
    200,
    kind === 'branches'
      ? { type: 'branch', name, target, links }
      : { type: 'tag', name, target, links, message: null, date: null, tagger: null }
  );
}

async function source(
  ctx: RestContext,
  repo: BitbucketDoubleRepository,
  rest: string[],
  query: URLSearchParams,
  trailingSlash: boolean
): Promise<Reply> {
  const [revision, ...pathParts] = rest;
  const path = pathParts.join('/');
  const sha = revision ? await resolveCommit(repo.dir, revision) : undefined;
  // The root listing is `src/{commit}/`: without the slash there is no such resource.
  if (!sha || (path === '' && !trailingSlash)) {
    return error(404, `No such file or directory: ${path}`);
  }
  const object = await objectAt(repo.dir, sha, path);
  if (!object) {
    return error(404, `No such file or directory: ${path}`);
  }
  const commitRef = {
    type: 'commit',
    hash: sha,
    links: { self: { href: `${ctx.apiUrl}/repositories/${repo.fullName}/commit/${sha}` } },
  };
  if (object.type === 'tree') {
    return directory(ctx, repo, sha, path, commitRef, query);
  }
  const content = await readBlob(repo.dir, object.sha);
  if (query.get('format') === 'meta') {
    return json(200, {
      type: 'commit_file',
      path,
      size: content.length,
      attributes: [],
      commit: commitRef,
      links: { self: { href: `${ctx.apiUrl}/repositories/${repo.fullName}/src/${sha}/${path}` } },
    });
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'content-disposition': 'attachment',
      etag: `"${object.sha}"`,
    },
    body: content,
  };
}

function pageOf(query: URLSearchParams): { page: number; pagelen: number } | undefined {
  const page = Number(query.get('page') ?? '1');
  const pagelen = Number(query.get('pagelen') ?? DEFAULT_PAGELEN);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pagelen) || pagelen < 1) {
    return undefined;
  }
  return { page, pagelen: Math.min(pagelen, MAX_PAGELEN) };
}

async function directory(
  ctx: RestContext,
  repo: BitbucketDoubleRepository,
  sha: string,
  path: string,
  commitRef: unknown,
  query: URLSearchParams
): Promise<Reply> {
  const paging = pageOf(query);
  if (!paging) {
    return error(400, 'Invalid page or pagelen');
  }
  const entries = await listTree(repo.dir, sha, path, false);
  const { page, pagelen } = paging;
  const values = entries.slice((page - 1) * pagelen, page * pagelen).map((e) => {
    const full = path ? `${path}/${e.path}` : e.path;
    return e.type === 'tree'
      ? { type: 'commit_directory', path: full, commit: commitRef }
      : { type: 'commit_file', path: full, size: e.size, attributes: [], commit: commitRef };
  });
  const base = `${ctx.apiUrl}/repositories/${repo.fullName}/src/${sha}/${path ? `${path}/` : ''}`;
  return json(200, {
    pagelen,
    page,
    size: entries.length,
    values,
    ...(page * pagelen < entries.length ? { next: `${base}?page=${page + 1}&pagelen=${pagelen}` } : {}),
  });
}

/** `commits[/{revision}]?include=&exclude=`: `git log include ^exclude`, iterator-paged. */
async function commits(
  ctx: RestContext,
  repo: BitbucketDoubleRepository,
  rest: string[],
  query: URLSearchParams
): Promise<Reply> {
  const include = [...query.getAll('include'), ...rest.slice(0, 1)];
  const exclude = query.getAll('exclude');
  const revisions: string[] = [];
  for (const [names, prefix] of [
    [include.length > 0 ? include : [await mainBranch(repo)], ''],
    [exclude, '^'],
  ] as const) {
    for (const name of names) {
      const sha = await resolveCommit(repo.dir, name);
      if (!sha) {
        return error(404, `Commit not found: ${name}`);
      }
      revisions.push(`${prefix}${sha}`);
    }
  }
  // The page is an opaque token here (Bitbucket's commit lists are iterator-paged).
  const token = query.get('page');
  const paging = pageOf(
    new URLSearchParams({
      page: token === null ? '1' : Buffer.from(token, 'base64url').toString('utf8'),
      pagelen: query.get('pagelen') ?? String(DEFAULT_PAGELEN),
    })
  );
  if (!paging) {
    return error(400, 'Invalid page');
  }
  const { page, pagelen } = paging;
  const out = (await git(repo.dir, ['rev-list', ...revisions, '--'])).toString().trim();
  const shas = out ? out.split('\n') : [];
  const values = await Promise.all(
    shas
      .slice((page - 1) * pagelen, page * pagelen)
      .map(async (s) => commitJson(ctx, repo, await commitInfo(repo.dir, s)))
  );
  const next = new URL(`${ctx.apiUrl}/repositories/${repo.fullName}/commits`);
  query.forEach((v, k) => k !== 'page' && next.searchParams.append(k, v));
  next.searchParams.set('page', Buffer.from(`${page + 1}`).toString('base64url'));
  return json(200, { values, pagelen, ...(page * pagelen < shas.length ? { next: next.toString() } : {}) });
}
