/**
 * The GitHub double's REST routes for what Octokit calls, in the shapes of GitHub's REST reference: the signed-in
 * user, rate_limit, repositories, contents (JSON with base64 in 60-character lines, `encoding: "none"` over 1 MB,
 * directory listings, the raw media type), commits (lists, one commit, the sha media type, 422 for an unknown
 * ref), compare (compare.ts), branches, git trees (recursive, truncated past the limit) and git refs. Everything
 * else is GitHub's 404 body.
 */
import { githubCompare } from './compare';
import {
  apiError,
  commitJson,
  contentEntry,
  GitHubContext,
  hashNumber,
  json,
  notFound,
  RATE_LIMIT,
  Reply,
  ServedRepo,
  userJson,
  wrap60,
} from './shapes';

const CONTENTS_JSON_MAX = 1024 * 1024;

async function defaultBranchOf(repo: ServedRepo): Promise<string> {
  return repo.defaultBranch ?? (await repo.git.currentBranch());
}

/** `segments` are the path's segments (without a GHE /api/v3 prefix), still URL-encoded. */
export async function restApi(
  ctx: GitHubContext,
  method: string,
  segments: string[],
  url: URL,
  accept: string,
  login: string | null
): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') {
    return notFound();
  }
  if (segments[0] === 'user' && segments.length === 1) {
    return login ? json(200, userJson(ctx, login)) : apiError(401, 'Requires authentication');
  }
  if (segments[0] === 'rate_limit') {
    return json(200, {
      resources: {
        core: { limit: RATE_LIMIT, remaining: RATE_LIMIT, reset: Math.floor(ctx.now() / 1000) + 3600, used: 0 },
      },
    });
  }
  const [, owner, name, kind, ...rest] = segments.map((s) => decodeURIComponent(s));
  const repo = owner && name ? ctx.visibleRepo(owner, name, login) : undefined;
  if (!repo) {
    return notFound();
  }
  const fullName = `${owner}/${name}`;
  const repoRoute = { ctx, repo, fullName, rest, url };
  switch (kind) {
    case undefined:
      return json(200, {
        id: hashNumber(fullName),
        name,
        full_name: fullName,
        private: !!repo.private,
        owner: userJson(ctx, owner),
        html_url: `${ctx.baseUrl}/${fullName}`,
        default_branch: await defaultBranchOf(repo),
        url: `${ctx.baseUrl}/repos/${fullName}`,
      });
    case 'contents':
      return contents(repoRoute, accept);
    case 'commits':
      return commits(repoRoute, accept);
    case 'compare':
      return compare(repoRoute);
    case 'branches':
      return branch(repoRoute);
    case 'git':
      return rest[0] === 'trees' ? gitTree(repoRoute) : rest[0] === 'ref' ? gitRef(repoRoute) : notFound();
    default:
      return notFound();
  }
}

/** A route under /repos/{owner}/{repo}/: `rest` is the decoded path after its kind. */
interface RepoRoute {
  ctx: GitHubContext;
  repo: ServedRepo;
  fullName: string;
  rest: string[];
  url: URL;
}

async function contents({ ctx, repo, fullName, rest, url }: RepoRoute, accept: string): Promise<Reply> {
  const path = rest.join('/').replace(/\/+$/, '');
  const ref = url.searchParams.get('ref') || (await defaultBranchOf(repo));
  const commit = await repo.git.resolveCommit(ref);
  if (!commit) {
    return apiError(404, `No commit found for the ref ${ref}`);
  }
  const object = await repo.git.objectAt(commit, path);
  if (!object) {
    return notFound();
  }
  if (object.type === 'tree') {
    const entries = await repo.git.listTree(commit, path, false);
    return json(
      200,
      entries.map((e) =>
        contentEntry(
          ctx,
          fullName,
          ref,
          path ? `${path}/${e.path}` : e.path,
          e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : 'file',
          e.sha,
          e.size ?? 0
        )
      )
    );
  }
  if (object.type !== 'blob') {
    return notFound();
  }
  const content = await repo.git.readBlob(object.sha);
  if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
    return { status: 200, headers: { 'content-type': 'application/vnd.github.raw' }, body: content };
  }
  const entry = contentEntry(ctx, fullName, ref, path, 'file', object.sha, content.length);
  const tooLarge = content.length > CONTENTS_JSON_MAX;
  return json(200, {
    ...entry,
    encoding: tooLarge ? 'none' : 'base64',
    content: tooLarge ? '' : wrap60(content.toString('base64')),
  });
}

async function commits({ ctx, repo, fullName, rest, url }: RepoRoute, accept: string): Promise<Reply> {
  const ref = rest.join('/');
  if (ref === '') {
    const head = await repo.git.resolveCommit(url.searchParams.get('sha') || (await defaultBranchOf(repo)));
    const shas = head ? await repo.git.recentCommits(head, Number(url.searchParams.get('per_page') ?? 30)) : [];
    return json(200, await Promise.all(shas.map((sha) => commitJson(ctx, repo, fullName, sha))));
  }
  const sha = await repo.git.resolveCommit(ref);
  if (!sha) {
    return apiError(422, `No commit found for SHA: ${ref}`);
  }
  if (/application\/vnd\.github(?:\.v3)?\.sha/.test(accept)) {
    return {
      status: 200,
      headers: { 'content-type': 'application/vnd.github.sha; charset=utf-8' },
      body: Buffer.from(sha),
    };
  }
  return json(200, await commitJson(ctx, repo, fullName, sha));
}

/** Compare reads git itself: a repository served from a store (the load benchmark's) has none to give. */
async function compare({ ctx, repo, fullName, rest, url }: RepoRoute): Promise<Reply> {
  if (rest.length === 0 || !('dir' in repo)) {
    return notFound();
  }
  const compared = await githubCompare(repo.dir, fullName, rest.join('/'), url, ctx.baseUrl, (sha) =>
    commitJson(ctx, repo, fullName, sha)
  );
  return json(compared.status, compared.body, compared.headers);
}

async function branch({ ctx, repo, fullName, rest }: RepoRoute): Promise<Reply> {
  if (rest.length === 0) {
    return notFound();
  }
  const name = rest.join('/');
  const sha = await repo.git.resolveCommit(`heads/${name}`);
  if (!sha) {
    return apiError(404, 'Branch not found');
  }
  return json(200, { name, commit: await commitJson(ctx, repo, fullName, sha), protected: false });
}

async function gitTree({ ctx, repo, fullName, rest, url }: RepoRoute): Promise<Reply> {
  const commit = rest.length >= 2 ? await repo.git.resolveCommit(rest.slice(1).join('/')) : undefined;
  if (!commit) {
    return notFound();
  }
  const entries = await repo.git.listTree(commit, '', url.searchParams.has('recursive'));
  const limit = ctx.treeEntryLimit;
  const treeSha = (await repo.git.objectAt(commit, ''))?.sha;
  return json(200, {
    sha: treeSha,
    url: `${ctx.baseUrl}/repos/${fullName}/git/trees/${treeSha}`,
    tree: entries.slice(0, limit).map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size !== undefined ? { size: e.size } : {}),
      url: `${ctx.baseUrl}/repos/${fullName}/git/${e.type}s/${e.sha}`,
    })),
    truncated: entries.length > limit,
  });
}

/** `GET /repos/{owner}/{repo}/git/ref/heads/<b>` or `…/tags/<t>`. */
async function gitRef({ ctx, repo, fullName, rest }: RepoRoute): Promise<Reply> {
  const ref = rest.slice(1).join('/');
  const sha = rest.length >= 2 ? await repo.git.resolveCommit(ref) : undefined;
  if (!sha || !(ref.startsWith('heads/') || ref.startsWith('tags/'))) {
    return notFound();
  }
  return json(200, {
    ref: `refs/${ref}`,
    object: { sha, type: 'commit', url: `${ctx.baseUrl}/repos/${fullName}/git/commits/${sha}` },
  });
}
