/**
 * The GitLab double's file blame (`GET /projects/:id/repository/files/:file_path/blame?ref=…[&range[start]=…&
 * range[end]=…]`) and repository compare (`GET /projects/:id/repository/compare?from=…&to=…[&straight=…]`), in the
 * shapes of GitLab's API docs: blame is `[{commit, lines}]` in file order with implicit line numbers, its commit
 * without title or web_url; compare has `commit` (the newest), `commits` (oldest first), `diffs`,
 * `compare_timeout`, `compare_same_ref` and `web_url`. Computed with `git blame --porcelain` and `git log`.
 */
import {
  blameRuns,
  changedFiles,
  commitInfo,
  CommitInfo,
  commitsBetween,
  git,
  objectAt,
  resolveCommit,
} from '../git-fixtures';
import { commitJson, GitLabDoubleProject, gitlabDate, json, notFound, Reply, RestContext } from './shapes';

/** GitLab's blame names the commit without title or web_url. */
function blameCommitJson(c: CommitInfo) {
  return {
    id: c.sha,
    parent_ids: c.parents,
    message: `${c.message}\n`,
    authored_date: gitlabDate(c.authorDate),
    author_name: c.authorName,
    author_email: c.authorEmail,
    committed_date: gitlabDate(c.committerDate),
    committer_name: c.committerName,
    committer_email: c.committerEmail,
  };
}

export async function fileBlame(project: GitLabDoubleProject, path: string, query: URLSearchParams): Promise<Reply> {
  const ref = query.get('ref') ?? '';
  if (ref === '') {
    return json(400, { error: 'ref is missing, ref is empty' });
  }
  const start = query.get('range[start]');
  const end = query.get('range[end]');
  let range: { start: number; end: number } | undefined;
  if (start !== null || end !== null) {
    if (start === null || end === null) {
      return json(400, { error: start === null ? 'range[start] is missing' : 'range[end] is missing' });
    }
    const [s, e] = [Number(start), Number(end)];
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 1 || e < 1) {
      return json(400, { error: 'range[start] is invalid, range[end] is invalid' });
    }
    if (s > e) {
      return json(400, { message: 'range[start] must be less than or equal to range[end]' });
    }
    range = { start: s, end: e };
  }
  const commit = await resolveCommit(project.dir, ref);
  if (!commit) {
    return notFound('Commit');
  }
  const object = await objectAt(project.dir, commit, path);
  if (!object || object.type !== 'blob') {
    return notFound('File');
  }
  const runs = await blameRuns(project.dir, commit, path);
  const infos = new Map<string, CommitInfo>();
  const body = [];
  for (const run of runs) {
    const from = Math.max(run.startLine, range?.start ?? 1);
    const to = Math.min(run.endLine, range?.end ?? Number.MAX_SAFE_INTEGER);
    if (from > to) {
      continue;
    }
    if (!infos.has(run.sha)) {
      infos.set(run.sha, await commitInfo(project.dir, run.sha));
    }
    body.push({
      commit: blameCommitJson(infos.get(run.sha)!),
      lines: run.lines.slice(from - run.startLine, to - run.startLine + 1),
    });
  }
  return json(200, body, {
    'x-gitlab-blob-id': object.sha,
    'x-gitlab-commit-id': commit,
    'x-gitlab-ref': encodeURIComponent(ref),
  });
}

export async function repositoryCompare(
  ctx: RestContext,
  project: GitLabDoubleProject,
  query: URLSearchParams
): Promise<Reply> {
  const fromRef = query.get('from') ?? '';
  const toRef = query.get('to') ?? '';
  if (fromRef === '' || toRef === '') {
    return json(400, { error: fromRef === '' ? 'from is missing' : 'to is missing' });
  }
  const from = await resolveCommit(project.dir, fromRef);
  const to = await resolveCommit(project.dir, toRef);
  if (!from || !to) {
    return notFound('Ref');
  }
  // straight=true compares the two directly (from..to); the default goes from their merge base (from...to).
  const straight = query.get('straight') === 'true';
  const base = straight ? from : (await git(project.dir, ['merge-base', from, to])).toString().trim();
  const commits = await commitsBetween(project.dir, base, to);
  const files = await changedFiles(project.dir, base, to);
  return json(200, {
    commit: commits.length > 0 ? commitJson(ctx, project, commits[commits.length - 1]) : null,
    commits: commits.map((c) => commitJson(ctx, project, c)),
    diffs: files.map((f) => ({
      diff: f.patch,
      old_path: f.previousPath ?? f.path,
      new_path: f.path,
      a_mode: f.status === 'added' ? '0' : '100644',
      b_mode: f.status === 'removed' ? '0' : '100644',
      new_file: f.status === 'added',
      renamed_file: f.status === 'renamed',
      deleted_file: f.status === 'removed',
      generated_file: false,
      too_large: false,
    })),
    compare_timeout: false,
    compare_same_ref: from === to,
    web_url: `${ctx.webUrl}/${project.path}/-/compare/${fromRef}...${toRef}`,
  });
}
