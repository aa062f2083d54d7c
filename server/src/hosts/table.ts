/**
 * The server's Git hosts, one entry each (mirroring the plugin's src/source/providers/table.ts): a host is its
 * folder plus one line here. Everything above (the RPCs, the session code, the wiring) goes through this table and
 * names no host.
 */
import { ServerConfig } from '../config';
import { OpenedSessions } from '../session/opened-sessions';
import { HostOAuthClient } from '../session/oauth';
import { GitHostProvider } from './git-host';
import { azureDevopsEntry } from './azure-devops/entry';
import { bitbucketEntry } from './bitbucket/entry';
import { githubEntry } from './github/entry';
import { gitlabEntry } from './gitlab/entry';
import { HostContext, HostEntry, HostLogin } from './host-entry';
import { HostMapping } from './host-paths';

export type { HostApp, HostContext, HostEntry, HostLogin, HostSessionCookie } from './host-entry';

/**
 * Every host the server knows. The first is the default: a bare `owner/repo` is on it, and it answers when no host
 * is configured (Pyroscope's GitHub, as the server was before GitLab).
 */
export const HOST_TABLE: readonly HostEntry[] = [githubEntry, gitlabEntry, bitbucketEntry, azureDevopsEntry];

export type HostKind = HostEntry['kind'];

/** How `.pyroscope.yaml` names each host's repositories (`source.<key>`), in the table's order. */
export const HOST_MAPPINGS: readonly HostMapping[] = HOST_TABLE.flatMap((entry) =>
  entry.mapping ? [entry.mapping] : []
);

/** A host as this server runs it. */
export interface ServerHost {
  entry: HostEntry;
  /** Configured, or the default host of a server where none is: requests may name its repositories. */
  serves: boolean;
  source: GitHostProvider;
  /** How users sign in to it; undefined for a source read anonymously. */
  login?: ServerLogin;
}

export interface ServerLogin {
  entry: HostLogin;
  oauth: HostOAuthClient;
  /** Session cookies opened recently (the expiry is still checked per request). */
  sessions: OpenedSessions;
}

/** Opened sessions: a minute, and some 10,000 users' worth of memory per host. */
const OPENED_SESSIONS_TTL_MS = 60_000;
const OPENED_SESSIONS_BYTES = 4 * 1024 * 1024;

/** Whether a server reads from a host: it is configured, or it is the default host of a server where none is. */
export function servesHost(config: ServerConfig, entry: HostEntry): boolean {
  return entry.configured(config) || (entry === HOST_TABLE[0] && !HOST_TABLE.some((e) => e.configured(config)));
}

export function createServerHosts(config: ServerConfig, context: HostContext): ServerHost[] {
  return HOST_TABLE.map((entry) => ({
    entry,
    serves: servesHost(config, entry),
    source: entry.createSource(config, context),
    login: entry.login && {
      entry: entry.login,
      oauth: entry.login.createOAuth(config, context),
      sessions: new OpenedSessions({
        maxBytes: OPENED_SESSIONS_BYTES,
        ttlMs: OPENED_SESSIONS_TTL_MS,
        now: context.now,
      }),
    },
  }));
}

/** The host of that kind (every kind in the table has one). */
export function hostOfKind(hosts: readonly ServerHost[], kind: HostKind): ServerHost {
  const host = hosts.find((h) => h.entry.kind === kind);
  if (!host) {
    throw new Error(`no ${kind} host in the host table`);
  }
  return host;
}

/** The sign-in of a host that has one (the session RPCs of a host). */
export function loginOf(host: ServerHost): ServerLogin {
  if (!host.login) {
    throw new Error(`${host.entry.name} has no sign-in`);
  }
  return host.login;
}
