/**
 * Which configured Git host a request's repository is on, and each host as this user for this request. The
 * repository URL's host picks the host (by the names each host's repository URLs may carry); a bare `owner/repo`
 * is on the table's default host; a host that is not configured is invalid_argument naming the configured ones,
 * and nothing is requested from it. The chosen host's session cookie is required; the other hosts (Go's standard
 * library lives on GitHub, a mapping may name a GitLab project) are read with their own sessions when the request
 * carries them, else anonymously.
 */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { readerByHost } from '../hosts/by-host';
import { GitHost, Repository, SourceReader } from '../hosts/git-host';
import {
  hostNames,
  hostOfRepositoryUrl,
  knownHosts,
  parseRepositoryUrl,
  RepositoryUrlError,
  servesHostName,
} from '../hosts/repository';
import { HOST_TABLE, HostEntry, HostKind, ServerHost } from '../hosts/table';
import { ServerConfig } from '../config';
import { ResolutionHost } from '../resolve/resolution';
import { hostSession, ServiceDeps } from './context';

export interface RequestHosts {
  kind: HostKind;
  repository: Repository;
  /** The repository's host, as this user. */
  host: GitHost;
  /** Every configured host, for resolutions that leave the repository's host. */
  reader: SourceReader;
  /** Every host of the table, for mappings and Go module paths that name another repository. */
  resolutionHosts: ResolutionHost[];
}

/** Each host of the table as resolution sees it: whether it is read, where its repositories live, their shapes. */
export function resolutionHosts(deps: Pick<ServiceDeps, 'config' | 'hosts'>): ResolutionHost[] {
  return deps.hosts.map(({ entry, serves }) => resolutionHost(entry, deps.config, serves));
}

export function resolutionHost(entry: HostEntry, config: ServerConfig, serves: boolean): ResolutionHost {
  const repositoryHost = entry.repositoryHost(config);
  return {
    name: entry.name,
    serves,
    repositoryHost,
    names: knownHosts(repositoryHost),
    mapping: entry.mapping,
    goModules: entry.goModules,
  };
}

function notSupported(deps: ServiceDeps, host: string): ConnectError {
  const supported = deps.hosts.filter((h) => h.serves).flatMap((h) => hostNames(h.entry.repositoryHost(deps.config)));
  return new ConnectError(
    `repository host '${host}' not supported; supported hosts: ${supported.join(', ')}`,
    Code.InvalidArgument
  );
}

/** The host a repository URL is on: the one whose names include the URL's host; a bare owner/repo's is the default. */
function chooseHost(deps: ServiceDeps, repositoryUrl: string): ServerHost {
  const served = deps.hosts.filter((h) => h.serves);
  const urlHost = hostOfRepositoryUrl(repositoryUrl);
  const chosen =
    urlHost === undefined
      ? served.find((h) => h.entry === HOST_TABLE[0])
      : served.find((h) => servesHostName(h.entry.repositoryHost(deps.config), urlHost));
  // A server of the default host alone answers as Pyroscope does: the session first, then the URL's host refused.
  const pyroscope = served.length === 1 && served[0].entry === HOST_TABLE[0] ? served[0] : undefined;
  const host = chosen ?? pyroscope;
  if (!host) {
    throw notSupported(deps, urlHost ?? repositoryUrl);
  }
  return host;
}

/** The session token of another host, when the request carries a valid one (else anonymous). */
function optionalToken(deps: ServiceDeps, ctx: HandlerContext, host: ServerHost): string | undefined {
  try {
    return host.login && hostSession(deps, ctx, host.login).accessToken;
  } catch {
    return undefined;
  }
}

export function requestHosts(deps: ServiceDeps, ctx: HandlerContext, repositoryUrl: string): RequestHosts {
  const chosen = chooseHost(deps, repositoryUrl);
  // A host users sign in to needs this request's session; a source read anonymously does not.
  const token = chosen.login && hostSession(deps, ctx, chosen.login).accessToken;
  let repository: Repository;
  try {
    repository = parseRepositoryUrl(repositoryUrl, chosen.entry.repositoryHost(deps.config));
  } catch (error) {
    if (error instanceof RepositoryUrlError) {
      throw new ConnectError(error.message, Code.InvalidArgument);
    }
    throw error;
  }
  const views = deps.hosts.map((h) => {
    if (!h.serves) {
      return undefined;
    }
    return h.source.forUser(h === chosen ? token : optionalToken(deps, ctx, h), ctx.signal);
  });
  const reader = readerByHost(
    deps.hosts.map((h, i) => ({
      name: h.entry.name,
      webUrl: h.entry.repositoryHost(deps.config).webUrl,
      reader: views[i],
    }))
  );
  const host = views[deps.hosts.indexOf(chosen)] as GitHost;
  return { kind: chosen.entry.kind, repository, host, reader, resolutionHosts: resolutionHosts(deps) };
}
