/** Azure DevOps' web pages of a file (`?path=&version=GC|GB|GT…`) and a commit (`/commit/<sha>`). */
import { Repository } from '../git-host';

const FULL_SHA = /^[0-9a-f]{40}$/;

/** The version as Azure DevOps' links name it: GC<commit>, GT<tag>, GB<branch> ("" is the default branch). */
function versionOf(ref: string): string | undefined {
  if (ref === '') {
    return undefined;
  }
  if (FULL_SHA.test(ref)) {
    return `GC${ref}`;
  }
  const tag = /^(?:refs\/)?tags\/(.+)$/.exec(ref)?.[1];
  return tag ? `GT${tag}` : `GB${ref.replace(/^(?:refs\/)?heads\//, '')}`;
}

export function azureFileUrl(repo: Repository, ref: string, path: string): string {
  const version = versionOf(ref);
  return `${repo.webUrl}?${new URLSearchParams({ path: `/${path}`, ...(version ? { version } : {}) })}`;
}

export function azureCommitUrl(repo: Repository, sha: string): string {
  return `${repo.webUrl}/commit/${sha}`;
}
