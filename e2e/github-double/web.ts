/**
 * The GitHub double's web side, so that links from the plugin lead somewhere: a repository's page, a file's
 * (`/<owner>/<repo>/blob|blame/<ref>/<path>`) and a commit's (`/<owner>/<repo>/commit/<ref>`) as plain pages of
 * public repositories, avatars, and GitHub's 404 page for anything else.
 */
import { escapeHtml, GitHubContext, html, Reply } from './shapes';

const NOT_FOUND = '<!doctype html><title>Page not found</title><h1>404</h1>';

export const avatar = (): Reply => ({
  status: 200,
  headers: { 'content-type': 'image/svg+xml' },
  body: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#8ab8ff"/></svg>'
  ),
});

/** `segments` are the path's segments, still URL-encoded. */
export async function webPage(ctx: GitHubContext, segments: string[]): Promise<Reply> {
  const [owner, name, kind, ref, ...rest] = segments.map((s) => decodeURIComponent(s));
  const repo = owner && name ? ctx.visibleRepo(owner, name, null) : undefined;
  if (!repo) {
    return html(404, NOT_FOUND);
  }
  if (segments.length === 2) {
    const title = escapeHtml(`${owner}/${name}`);
    return html(200, `<!doctype html><title>${title}</title><h1>${title}</h1>`);
  }
  if (!((kind === 'blob' || kind === 'commit' || kind === 'blame') && ref)) {
    return html(404, NOT_FOUND);
  }
  const commit = await repo.git.resolveCommit(ref);
  if (commit && kind === 'commit') {
    const c = await repo.git.commitInfo(commit);
    return html(200, `<!doctype html><title>${c.sha}</title><h1>${escapeHtml(c.message)}</h1><p>${c.sha}</p>`);
  }
  const object = commit ? await repo.git.objectAt(commit, rest.join('/')) : undefined;
  if (object?.type !== 'blob') {
    return html(404, NOT_FOUND);
  }
  const content = await repo.git.readBlob(object.sha);
  const path = escapeHtml(rest.join('/'));
  return html(200, `<!doctype html><title>${path}</title><pre>${escapeHtml(content.toString('utf8'))}</pre>`);
}
