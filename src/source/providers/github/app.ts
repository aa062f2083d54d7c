// GitHub's app info (GithubApp), asked once per data source and kept: its authorize page names the GitHub the
// source server is configured with (github.com, an Enterprise host, or the standalone stack's double over http).
import { queryOptions } from '@tanstack/react-query';
import { knownHostOf, type KnownHost } from '@linescope/repository-url';
import type { GitHubServices } from './services';

export function gitHubAppQuery(services: GitHubServices, vcsDataSourceUid: string) {
  return queryOptions({
    queryKey: ['vcs.v1/GithubApp', vcsDataSourceUid],
    queryFn: () => services.api(vcsDataSourceUid).githubApp(),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The configured GitHub as a known host, read from the authorize page's origin: only when it is not github.com's
 * (whose https links need nothing), so that an Enterprise or local GitHub served over http may be linked to.
 */
export function gitHubHostsOf(authorizeUrl: string | undefined): KnownHost[] {
  if (!authorizeUrl) {
    return [];
  }
  let origin: string;
  try {
    origin = new URL(authorizeUrl).origin;
  } catch {
    return [];
  }
  const host = knownHostOf(origin, 'github');
  return host && host.host !== 'github.com' ? [host] : [];
}
