// Which Git host's provider serves a repository, by the kind its URL reads as. A host without an entry gets no
// request: the panel says its source cannot be shown rather than letting the source server refuse it.
import { type ComponentType, useMemo } from 'react';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { HostKind, KnownHost } from '@linescope/repository-url';
import { configuredHostsOf } from '../../domain/repository';
import type { HostAppResponse } from '../../../proto/gen/linescope/v1/host_session_pb';
import type { VcsApi } from '../core/api';
import type { SessionState } from '../core/session';
import { gitHubAppQuery, gitHubHostsOf } from './github/app';
import { GitHubConnection } from './github/GitHubConnection';
import { GITHUB_STATE_PREFIX } from './github/login';
import { useGitHubServices, useGitHubSession } from './github/services';
import { gitLabAppQuery } from './gitlab/app';
import { GitLabConnection } from './gitlab/GitLabConnection';
import { GITLAB_STATE_PREFIX } from './gitlab/login';
import { useGitLabServices, useGitLabSession } from './gitlab/services';
import { type createSessionServiceHost, loginStatePrefix } from '../connection/sessionServiceHost';
import { azureDevops as azureDevopsHost } from './azure-devops/host';
import { bitbucket as bitbucketHost } from './bitbucket/host';

export interface SourceConnection {
  session: SessionState;
  api: () => VcsApi;
}

export interface SourceProvider {
  /** The host's name, as people know it ("GitHub"). */
  name: string;
  /** Whether the host's API has blame; without it the panel offers the host's blame page, not its own blame. */
  blame: boolean;
  /** What its logins put in front of their one-time state, so the callback page knows whose login came back. */
  loginStatePrefix: string;
  /** The session for a source data source and the vcs.v1 API that uses it. */
  useConnection(vcsDataSourceUid: string): SourceConnection;
  /** The repository row's Connect / Connected / Disconnect part for this host. */
  Connection: ComponentType<{ vcsDataSourceUid: string; repositoryName?: string }>;
}

const github: SourceProvider = {
  name: 'GitHub',
  blame: true,
  loginStatePrefix: GITHUB_STATE_PREFIX,
  useConnection(uid) {
    const services = useGitHubServices();
    const { state } = useGitHubSession(uid);
    return { session: state, api: () => services.api(uid) };
  },
  Connection: GitHubConnection,
};

const gitlab: SourceProvider = {
  name: 'GitLab',
  blame: true,
  loginStatePrefix: GITLAB_STATE_PREFIX,
  useConnection(uid) {
    const services = useGitLabServices();
    const { state } = useGitLabSession(uid);
    return { session: state, api: () => services.api(uid) };
  },
  Connection: GitLabConnection,
};

type SessionServiceHost = ReturnType<typeof createSessionServiceHost>;

/** The hosts that sign in through HostSessionService, one entry each (their hooks run in this order). */
export const SESSION_SERVICE_HOSTS: readonly SessionServiceHost[] = [bitbucketHost, azureDevopsHost];

/** A host that signs in through HostSessionService, as a provider. */
function sessionServiceProvider(host: SessionServiceHost): SourceProvider {
  return {
    name: host.spec.name,
    blame: host.spec.blame,
    loginStatePrefix: loginStatePrefix(host.spec),
    useConnection(uid) {
      const services = host.useServices();
      const { state } = host.useSession(uid);
      return { session: state, api: () => services.api(uid) };
    },
    Connection: host.Connection,
  };
}

export const SOURCE_PROVIDERS: Partial<Record<HostKind, SourceProvider>> = {
  github,
  gitlab,
  ...Object.fromEntries(SESSION_SERVICE_HOSTS.map((host) => [host.spec.kind, sessionServiceProvider(host)])),
};

/**
 * The provider for a repository's kind. A host whose layout the URL reader does not know (kind undefined) goes to
 * GitHub: the source server may serve a GitHub Enterprise host the plugin cannot know of, and refuses any other.
 * The configured GitLab is known once its app info arrives (useRepositoryHosts).
 */
export function providerKindFor(kind: HostKind | undefined): HostKind | undefined {
  const chosen = kind ?? 'github';
  return SOURCE_PROVIDERS[chosen] ? chosen : undefined;
}

/** The provider whose login started with this one-time state: the longest prefix that matches. */
export function providerOfLoginState(state: string): SourceProvider | undefined {
  return Object.values(SOURCE_PROVIDERS)
    .filter((provider) => state.startsWith(provider.loginStatePrefix))
    .sort((a, b) => b.loginStatePrefix.length - a.loginStatePrefix.length)[0];
}

/** Every provider's connection, in the table's fixed order, so the hooks run the same way on every render. */
export function useSourceConnections(vcsDataSourceUid: string): Partial<Record<HostKind, SourceConnection>> {
  const connections: Partial<Record<HostKind, SourceConnection>> = {};
  for (const [kind, provider] of Object.entries(SOURCE_PROVIDERS) as Array<[HostKind, SourceProvider]>) {
    connections[kind] = provider.useConnection(vcsDataSourceUid);
  }
  return connections;
}

const NO_HOSTS: readonly KnownHost[] = [];

/** The answers of the HostSessionService hosts' HostApp, in their order; kept as long as no answer changes. */
const appsOf = (results: Array<UseQueryResult<HostAppResponse>>) => results.map((result) => result.data);

/**
 * The Git hosts the source server is configured with beyond the public ones, for reading repository URLs and for
 * the URL policy (which links over http only to a host configured with http): its GitLab (GITLAB_URL, self-managed,
 * maybe below a path, and GITLAB_REPOSITORY_HOSTS) once GitlabApp answers, its GitHub when GithubApp names an
 * authorize page elsewhere than github.com, and each HostSessionService host's web URL and other host names once its
 * HostApp answers. A server without them (or one that is not Linescope's) adds none; the answers are kept rather than
 * asked again by every panel.
 */
export function useRepositoryHosts(vcsDataSourceUid: string): readonly KnownHost[] {
  const gitLabServices = useGitLabServices();
  const gitHubServices = useGitHubServices();
  const enabled = vcsDataSourceUid !== '';
  const { data: gitlabApp } = useQuery({
    ...gitLabAppQuery(gitLabServices, vcsDataSourceUid),
    enabled,
    retryOnMount: false,
  });
  const { data: githubApp } = useQuery({
    ...gitHubAppQuery(gitHubServices, vcsDataSourceUid),
    enabled,
    retryOnMount: false,
  });
  // Each host's services from its own context, in the table's fixed order.
  const sessionServices = SESSION_SERVICE_HOSTS.map((host) => host.useServices());
  const sessionApps = useQueries({
    queries: SESSION_SERVICE_HOSTS.map((host, i) => ({
      ...host.appQuery(sessionServices[i], vcsDataSourceUid),
      enabled,
      retryOnMount: false,
    })),
    combine: appsOf,
  });
  return useMemo(() => {
    const hosts = [
      ...(gitlabApp ? configuredHostsOf('gitlab', gitlabApp.webUrl, gitlabApp.repositoryHosts) : []),
      ...gitHubHostsOf(githubApp?.authorizeURL),
      ...SESSION_SERVICE_HOSTS.flatMap((host, i) => {
        const app = sessionApps[i];
        return app ? configuredHostsOf(host.spec.kind, app.webUrl, app.repositoryHosts) : [];
      }),
    ];
    return hosts.length > 0 ? hosts : NO_HOSTS;
  }, [gitlabApp, githubApp, sessionApps]);
}
