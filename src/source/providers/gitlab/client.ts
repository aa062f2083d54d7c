// linescope.v1.GitlabService through Grafana's data source proxy, beside vcs.v1 on the same source server.
import { createClient, type Client } from '@connectrpc/connect';
import { GitlabService } from '../../../../proto/gen/linescope/v1/gitlab_pb';
import { createVcsTransport, type VcsTransportOptions } from '../../core/transport';

export type GitLabClient = Client<typeof GitlabService>;

export function createGitLabClient(options: VcsTransportOptions): GitLabClient {
  return createClient(GitlabService, createVcsTransport(options));
}
