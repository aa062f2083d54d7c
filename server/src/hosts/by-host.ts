/**
 * One reader over every configured Git host: each repository is read from the host whose web URL it lives under
 * (a resolution that starts on GitLab may read Go's standard library from GitHub, and the other way round). A
 * host that is not configured is never contacted: reading from it fails with a sentence that says so.
 */
import { RepoFile, Repository, SourceReader } from './git-host';

export interface HostReader {
  /** The host's name in messages ("GitHub", "GitLab"). */
  name: string;
  /** The web URL its repositories' URLs start with (GITHUB_URL, GITLAB_URL). */
  webUrl: string;
  /** Undefined when the host is not configured on this server. */
  reader: SourceReader | undefined;
}

export class HostNotConfiguredError extends Error {}

export function readerByHost(hosts: readonly HostReader[]): SourceReader {
  // The longest web URL first: a GitLab under https://example.com/gitlab is not the GitHub at https://example.com.
  const ordered = [...hosts].sort((a, b) => b.webUrl.length - a.webUrl.length);
  const readerOf = (repo: Repository): SourceReader => {
    const host = ordered.find((h) => repo.webUrl.startsWith(`${h.webUrl.replace(/\/+$/, '')}/`));
    if (!host) {
      throw new HostNotConfiguredError(`${repo.webUrl} is on no configured Git host`);
    }
    if (!host.reader) {
      throw new HostNotConfiguredError(`${host.name} is not configured on this server (${host.webUrl})`);
    }
    return host.reader;
  };
  return {
    readFile: (repo: Repository, path: string, ref: string): Promise<RepoFile> => {
      try {
        return readerOf(repo).readFile(repo, path, ref);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    listFiles: (repo: Repository, ref: string) => {
      try {
        return readerOf(repo).listFiles(repo, ref);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
