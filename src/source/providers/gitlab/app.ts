// GitLab's app info (GitlabApp), asked once per data source and kept: the login needs it, and its web URL tells the
// panel which repositories are on the configured GitLab (a self-managed one too, maybe below a path).
import { queryOptions } from '@tanstack/react-query';
import type { GitLabServices } from './services';

export function gitLabAppQuery(services: GitLabServices, vcsDataSourceUid: string) {
  return queryOptions({
    queryKey: ['linescope.v1/GitlabApp', vcsDataSourceUid],
    queryFn: () => services.login(vcsDataSourceUid).gitlabApp(),
    staleTime: Infinity,
  });
}
