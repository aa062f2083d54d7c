/** GitHub's commit JSON: the part Linescope keeps, and its conversion into the host-neutral commit. */
import { MalformedAnswerError } from '../errors';
import { Commit } from '../git-host';

export interface CommitJson {
  sha?: string;
  html_url?: string;
  commit?: { message?: string; author?: { date?: string } | null };
  author?: { login?: string; avatar_url?: string } | null;
}

/** The fields of GitHub's answer worth caching (the answer itself also lists files and patches). */
export function keptFields(data: CommitJson): CommitJson {
  return {
    sha: data.sha,
    html_url: data.html_url,
    commit: data.commit,
    author: data.author && { login: data.author.login, avatar_url: data.author.avatar_url },
  };
}

/** `fallbackUrl` serves when GitHub's answer has no html_url. */
export function toCommit(json: CommitJson, fallbackUrl: (sha: string) => string): Commit {
  if (!json.commit || typeof json.commit.message !== 'string') {
    throw new MalformedAnswerError('commit contains no message');
  }
  const date = json.commit.author?.date;
  if (!date) {
    throw new MalformedAnswerError('commit contains no date');
  }
  const sha = json.sha ?? '';
  const login = json.author?.login;
  const avatarUrl = json.author?.avatar_url;
  return {
    sha,
    message: json.commit.message,
    date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: json.html_url || fallbackUrl(sha),
    author: login && avatarUrl ? { login, avatarUrl } : undefined,
  };
}
