/** Bitbucket Cloud's web pages of a file (`src`) and a commit. */
import { Repository } from '../git-host';

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** A file at a ref; "" is the main branch, which Bitbucket's `src/HEAD/…` shows. */
export function bitbucketFileUrl(repo: Repository, ref: string, path: string): string {
  return `${repo.webUrl}/src/${encodePath(ref || 'HEAD')}/${encodePath(path)}`;
}

export function bitbucketCommitUrl(repo: Repository, sha: string): string {
  return `${repo.webUrl}/commits/${sha}`;
}
