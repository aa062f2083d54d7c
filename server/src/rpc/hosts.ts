/**
 * Which configured Git host a request's repository is on, and each host as this user for this request. The
 * repository URL's host picks the provider (the configured GitLab or GitHub, with their aliases); a host that is
 * not configured is invalid_argument naming the configured ones, and nothing is requested from it. The provider's
 * session cookie is required; the other host (Go's standard library lives on GitHub, a mapping may name a GitLab
 * project) is read with its own session when the request carries one, else anonymously.
 */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { githubConfigured, gitlabConfigured, ServerConfig } from '../config';
import { readerByHost } from '../hosts/by-host';
import { GitHost, Repository, SourceReader } from '../hosts/git-host';
import {
  hostNames,
  hostOfRepositoryUrl,
  knownHosts,
  parseRepositoryUrl,
  RepositoryHost,
  RepositoryUrlError,
} from '../hosts/repository';
import { GitlabContext } from '../resolve/resolution';
import { gitlabSession } from './gitlab-session';
import { repositoryOf, ServiceDeps, session } from './context';

export type HostKind = 'github' | 'gitlab';

export interface RequestHosts {
  kind: HostKind;
  repository: Repository;
  /** The repository's host, as this user. */
  host: GitHost;
  /** Every configured host, for resolutions that leave the repository's host. */
  reader: SourceReader;
  gitlab?: GitlabContext;
}

/** GitHub answers when it is configured, and also when nothing is (the server before GitLab did so). */
function githubServes(config: ServerConfig): boolean {
  return githubConfigured(config) || !gitlabConfigured(config);
}

function githubRepositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'github', webUrl: config.githubUrl, aliases: config.repositoryHostAliases };
}

function gitlabRepositoryHost(config: ServerConfig): RepositoryHost {
  return { kind: 'gitlab', webUrl: config.gitlabUrl, aliases: config.gitlabRepositoryHostAliases };
}

export function gitlabContext(config: ServerConfig): GitlabContext | undefined {
  return gitlabConfigured(config)
    ? {
        webUrl: config.gitlabUrl,
        moduleHosts: knownHosts(gitlabRepositoryHost(config)).map((h) => ({
          host: h.host,
          pathPrefix: h.pathPrefix ?? '',
        })),
      }
    : undefined;
}

/** The hosts repository URLs may name on this server, for messages. */
function configuredHosts(config: ServerConfig): string[] {
  return [
    ...(githubServes(config) ? hostNames(githubRepositoryHost(config)) : []),
    ...(gitlabContext(config)?.moduleHosts.map((h) => `${h.host}${h.pathPrefix}`) ?? []),
  ];
}

function notSupported(config: ServerConfig, host: string): ConnectError {
  return new ConnectError(
    `repository host '${host}' not supported; supported hosts: ${configuredHosts(config).join(', ')}`,
    Code.InvalidArgument
  );
}

/** The session token of the other host, when the request carries a valid one (else anonymous). */
function optionalToken(read: () => { accessToken: string }): string | undefined {
  try {
    return read().accessToken;
  } catch {
    return undefined;
  }
}

export function requestHosts(deps: ServiceDeps, ctx: HandlerContext, repositoryUrl: string): RequestHosts {
  const { config } = deps;
  const gitlab = gitlabContext(config);
  const urlHost = hostOfRepositoryUrl(repositoryUrl);
  const onGitlab = gitlab !== undefined && gitlab.moduleHosts.some((h) => h.host === urlHost);
  let kind: HostKind;
  let repository: Repository;
  let githubToken: string | undefined;
  let gitlabToken: string | undefined;
  if (onGitlab) {
    kind = 'gitlab';
    gitlabToken = gitlabSession(deps, ctx).accessToken;
    try {
      repository = parseRepositoryUrl(repositoryUrl, gitlabRepositoryHost(config));
    } catch (error) {
      if (error instanceof RepositoryUrlError) {
        throw new ConnectError(error.message, Code.InvalidArgument);
      }
      throw error;
    }
    githubToken = githubServes(config) ? optionalToken(() => session(deps, ctx)) : undefined;
  } else if (githubServes(config)) {
    // Refused before the session is read: a host nobody configured is the first thing to say.
    const githubHosts = hostNames(githubRepositoryHost(config));
    if (gitlab && urlHost !== undefined && !githubHosts.includes(urlHost)) {
      throw notSupported(config, urlHost);
    }
    kind = 'github';
    githubToken = session(deps, ctx).accessToken;
    repository = repositoryOf(deps, repositoryUrl);
    gitlabToken = gitlab ? optionalToken(() => gitlabSession(deps, ctx)) : undefined;
  } else {
    throw notSupported(config, urlHost ?? repositoryUrl);
  }
  const githubHost = githubServes(config) ? deps.source.forUser(githubToken, ctx.signal) : undefined;
  const gitlabHost = deps.gitlab?.forUser(gitlabToken, ctx.signal);
  const host = kind === 'gitlab' ? gitlabHost : githubHost;
  if (!host) {
    throw notSupported(config, urlHost ?? repositoryUrl);
  }
  const reader = readerByHost([
    { name: 'GitHub', webUrl: config.githubUrl, reader: githubHost },
    { name: 'GitLab', webUrl: config.gitlabUrl, reader: gitlabHost },
  ]);
  return { kind, repository, host, reader, gitlab };
}
