// Repository URLs as the panel reads them. One reader (@linescope/repository-url, shared with the server): lenient
// for what build ids and labels carry, strict for what a person types in the override form. `hosts` are the Git hosts
// the source server is configured with (a self-managed GitLab), beyond the public ones the reader knows by itself.
import {
  knownHostOf,
  parseRepositoryUrl,
  type HostKind,
  type KnownHost,
  type RepositoryUrl,
} from '@linescope/repository-url';

export type { KnownHost, RepositoryUrl };

export interface RepositoryInfo extends RepositoryUrl {
  /** owner/repo (group/sub/project on GitLab) */
  display: string;
}

/**
 * The hosts one of the source server's Git hosts answers for, from its app's answer (GitlabApp, HostApp): the web URL
 * (GITLAB_URL, maybe below a path, or the like) and the other host names repository URLs may use for it
 * (GITLAB_REPOSITORY_HOSTS, …). None without a usable web URL.
 */
export function configuredHostsOf(kind: HostKind, webUrl: string, aliases: readonly string[] = []): KnownHost[] {
  const own = knownHostOf(webUrl, kind);
  if (!own) {
    return [];
  }
  const others = aliases.map((host) => host.trim().toLowerCase()).filter((host) => host && host !== own.host);
  return [own, ...others.map((host): KnownHost => ({ host, kind }))];
}

/** A repository from a build id or a label (https, git@host:owner/repo.git, ssh://…), or undefined. */
export function describeRepository(
  url: string | undefined,
  hosts: readonly KnownHost[] = []
): RepositoryInfo | undefined {
  const read = url ? parseRepositoryUrl(url, { mode: 'lenient', hosts }) : undefined;
  return read?.ok ? { ...read.value, display: read.value.fullName } : undefined;
}

/**
 * What a user types as a repository: one repository's URL (`https://host/owner/repo`, with or without `.git` and
 * a trailing slash, or `git@host:owner/repo.git`), with a reason when it is not one.
 */
export function parseTypedRepository(input: string, hosts: readonly KnownHost[] = []) {
  return parseRepositoryUrl(input, { mode: 'strict', hosts });
}

/** A git ref as people read it: a full commit sha shortened to 7, branch and tag names as they are. */
export function shortRef(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref) || /^[0-9a-f]{64}$/i.test(ref) ? ref.slice(0, 7) : ref;
}
