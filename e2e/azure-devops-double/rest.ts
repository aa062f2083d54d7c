/**
 * Azure DevOps' Git REST routes (api-version 7.1) the source server reads, answered from local git repositories:
 * the repository, Items - Get (JSON, or the bytes with `Accept: application/octet-stream`; a version descriptor of
 * type branch, tag or commit), Refs - List (a starts-with `filter`, `peelTags`, `$top` and the
 * `x-ms-continuationtoken` header), Commits - Get and a one-commit Commits - Get Commits. Missing things are 404
 * with the server's exception: TF401174 (item), TF401175 (version), TF401019 (repository, also without access).
 */
import { commitInfo, git, objectAt, readBlob, resolveCommit } from '../git-fixtures';
import { AzureDoubleRepository, azureError, commitJson, json, Reply, repositoryBase, RestContext } from './shapes';

const FULL_SHA = /^[0-9a-f]{40}$/;
const SAFE_NAME = /^[^\s~^:?*[\\]+$/;

async function defaultBranch(repo: AzureDoubleRepository): Promise<string> {
  return (await git(repo.dir, ['symbolic-ref', '--short', 'HEAD'])).toString().trim();
}

async function refSha(repo: AzureDoubleRepository, full: string): Promise<string | undefined> {
  if (!SAFE_NAME.test(full) || full.includes('..')) {
    return undefined;
  }
  try {
    return (await git(repo.dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${full}^{commit}`]))
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/** A version descriptor as Azure DevOps reads it: the type defaults to branch, no version is the default branch. */
async function resolveVersion(repo: AzureDoubleRepository, query: URLSearchParams, prefix: string) {
  const version = query.get(`${prefix}.version`) ?? query.get(`${prefix}.Version`);
  const type = (query.get(`${prefix}.versionType`) ?? 'branch').toLowerCase();
  if (!version) {
    return { sha: await refSha(repo, `refs/heads/${await defaultBranch(repo)}`), label: 'Branch: default' };
  }
  const label = `${type[0].toUpperCase()}${type.slice(1)}: ${version}`;
  if (type === 'commit') {
    return { sha: FULL_SHA.test(version) ? await resolveCommit(repo.dir, version) : undefined, label };
  }
  return { sha: await refSha(repo, `refs/${type === 'tag' ? 'tags' : 'heads'}/${version}`), label };
}

const unresolvable = (repo: AzureDoubleRepository, label: string) =>
  azureError(
    404,
    'GitUnresolvableToCommitException',
    `TF401175: The version descriptor <${label}> could not be resolved to a version in the repository ${repo.name}`
  );

export async function restApi(
  ctx: RestContext,
  repo: AzureDoubleRepository,
  rest: string[],
  query: URLSearchParams,
  accept: string
): Promise<Reply> {
  const [section, id] = rest;
  switch (section) {
    case undefined:
      return json(200, await repositoryJson(ctx, repo));
    case 'items':
      return item(ctx, repo, query, accept);
    case 'refs':
      return refs(repo, query);
    case 'commits':
      return id ? commit(ctx, repo, id) : commitList(ctx, repo, query);
    default:
      return azureError(404, 'RouteNotFoundException', `TF400898: An Internal Error Occurred.`);
  }
}

async function repositoryJson(ctx: RestContext, repo: AzureDoubleRepository) {
  const base = repositoryBase(ctx, repo);
  return {
    id: `repo-${repo.organization}-${repo.project}-${repo.name}`,
    name: repo.name,
    project: { id: `project-${repo.project}`, name: repo.project, visibility: repo.visibility ?? 'public' },
    defaultBranch: `refs/heads/${await defaultBranch(repo)}`,
    remoteUrl: `${base}/_git/${encodeURIComponent(repo.name)}`,
    webUrl: `${base}/_git/${encodeURIComponent(repo.name)}`,
    isDisabled: false,
  };
}

async function item(ctx: RestContext, repo: AzureDoubleRepository, query: URLSearchParams, accept: string) {
  const path = query.get('path');
  if (!path) {
    return azureError(400, 'ArgumentNullException', 'Value cannot be null.\r\nParameter name: path');
  }
  const { sha, label } = await resolveVersion(repo, query, 'versionDescriptor');
  if (!sha) {
    return unresolvable(repo, label);
  }
  const clean = path.replace(/^\/+/, '').replace(/\/+$/, '');
  const object = await objectAt(repo.dir, sha, clean);
  if (!object) {
    return azureError(
      404,
      'GitItemNotFoundException',
      `TF401174: The item '${path}' could not be found in the repository '${repo.name}' at the version specified by '<Commit: ${sha}>' (resolved from '<${label}>').`
    );
  }
  const folder = object.type === 'tree';
  // `$format` overrides Accept (documented values: json, zip).
  const format = query.get('$format')?.toLowerCase();
  const wantsBytes = format === undefined && /application\/octet-stream|text\/plain/.test(accept);
  if (wantsBytes && !folder) {
    const content = await readBlob(repo.dir, object.sha);
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: content };
  }
  const includeContent = query.get('includeContent') === 'true' && !folder;
  return json(200, {
    objectId: object.sha,
    gitObjectType: folder ? 'tree' : 'blob',
    commitId: sha,
    path: `/${clean}`,
    ...(folder ? { isFolder: true } : {}),
    ...(includeContent ? { content: (await readBlob(repo.dir, object.sha)).toString('utf8') } : {}),
    url: `${repositoryBase(ctx, repo)}/_apis/git/repositories/${encodeURIComponent(repo.name)}/items?path=${encodeURIComponent(`/${clean}`)}&versionType=Commit&version=${sha}`,
  });
}

/** Refs whose name (after `refs/`) starts with `filter`, `$top` at a time, the next page's token in a header. */
async function refs(repo: AzureDoubleRepository, query: URLSearchParams): Promise<Reply> {
  const filter = query.get('filter') ?? '';
  const top = Math.min(Number(query.get('$top') ?? 1000) || 1000, 1000);
  const start = Number(Buffer.from(query.get('continuationToken') ?? '', 'base64url').toString() || '0');
  const out = (
    await git(repo.dir, [
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(*objectname)',
      `refs/${filter.replace(/\/[^/]*$/, '')}`,
    ])
  ).toString();
  const all = out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\0'))
    .filter(([name]) => name.startsWith(`refs/${filter}`));
  const page = all.slice(start, start + top);
  const value = page.map(([name, objectId, peeled]) => ({
    name,
    objectId,
    ...(query.get('peelTags') === 'true' && peeled ? { peeledObjectId: peeled } : {}),
    creator: { displayName: 'Double' },
  }));
  const headers: Record<string, string> =
    start + top < all.length
      ? { 'x-ms-continuationtoken': Buffer.from(String(start + top)).toString('base64url') }
      : {};
  return json(200, { value, count: value.length }, headers);
}

async function commit(ctx: RestContext, repo: AzureDoubleRepository, id: string): Promise<Reply> {
  const sha = FULL_SHA.test(id) ? await resolveCommit(repo.dir, id) : undefined;
  if (!sha) {
    return azureError(
      404,
      'GitCommitDoesNotExistException',
      `TF401175: The version descriptor <Commit: ${id}> could not be resolved to a version in the repository ${repo.name}`
    );
  }
  return json(200, commitJson(ctx, repo, await commitInfo(repo.dir, sha)));
}

/** `searchCriteria.itemVersion` and `searchCriteria.$top`: the newest commits reachable from a version. */
async function commitList(ctx: RestContext, repo: AzureDoubleRepository, query: URLSearchParams): Promise<Reply> {
  const { sha, label } = await resolveVersion(repo, query, 'searchCriteria.itemVersion');
  if (!sha) {
    return unresolvable(repo, label);
  }
  const top = Math.min(Number(query.get('searchCriteria.$top') ?? 100) || 100, 1000);
  const shas = (await git(repo.dir, ['rev-list', `--max-count=${top}`, sha, '--'])).toString().trim().split('\n');
  const value = await Promise.all(shas.map(async (s) => commitJson(ctx, repo, await commitInfo(repo.dir, s))));
  return json(200, { count: value.length, value });
}
