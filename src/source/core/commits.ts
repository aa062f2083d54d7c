import type { CommitInfo } from '../../../proto/gen/vcs/v1/vcs_pb';
import type { KnownHost } from '../../domain/repository';
import { safeLinkUrl } from '../../domain/safeUrl';
import type { CommitSummary } from './types';

/** GetCommits' answer for a ref: by the ref the server echoes (Linescope), else by sha prefix, else by position. */
export function commitForRef(commits: CommitInfo[], refs: string[], ref: string): CommitInfo | undefined {
  return (
    commits.find((c) => c.ref === ref) ??
    commits.find((c) => c.sha && (c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)))) ??
    (commits.length === refs.length ? commits[refs.indexOf(ref)] : undefined)
  );
}

/**
 * Each ref's commit as the panel shows it (refs GetCommits did not describe are left out). Its commit page and the
 * author's avatar pass the URL policy (`hosts`: the source server's own); a refused one is left empty.
 */
export function commitsByRef(
  commits: CommitInfo[],
  refs: string[],
  hosts: readonly KnownHost[] = []
): Record<string, CommitSummary> {
  const byRef: Record<string, CommitSummary> = {};
  for (const ref of refs) {
    const c = commitForRef(commits, refs, ref);
    if (c) {
      byRef[ref] = {
        sha: c.sha,
        message: c.message,
        login: c.author?.login ?? '',
        avatarUrl: safeLinkUrl(c.author?.avatarURL, { hosts }) ?? '',
        date: c.date,
        url: safeLinkUrl(c.URL, { hosts }) ?? '',
      };
    }
  }
  return byRef;
}
