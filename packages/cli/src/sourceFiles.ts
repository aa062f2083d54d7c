// Where the text beside the numbers comes from: a local checkout (--source <dir>) or a source server (vcs.v1
// GetFile over Connect, the Git session in a cookie as the plugin sends it). Both read untrusted names from the
// profile: a local path never leaves the checkout, and the server applies its own rules.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';

import { VCSService } from '../../../proto/gen/vcs/v1/vcs_pb';
import type { FileWithOrigin } from './annotate';

export type SourceResult = { text: string; from: string } | { missing: string };

export interface SourceFiles {
  read(file: FileWithOrigin): Promise<SourceResult>;
}

/** Files larger than this are not shown (a generated or minified file is no help beside a function's lines). */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/**
 * The checkout-relative paths a profile's file name may stand for, longest first: the name itself when relative,
 * then without its leading directories one at a time (`/opt/app/shop/catalog.go` → `opt/app/shop/catalog.go`,
 * `app/shop/catalog.go`, ...). A name with a `..` segment stands for none.
 */
export function candidatePaths(fileName: string, rootPath = ''): string[] {
  const parts = fileName
    .replace(/^file:\/\//, '')
    .split(/[\\/]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.includes('..')) {
    return [];
  }
  const suffixes = parts.map((_, i) => parts.slice(i).join('/'));
  const root = rootPath.split('/').filter(Boolean);
  const underRoot = root.length && !root.includes('..') ? suffixes.map((s) => [...root, s].join('/')) : [];
  return [...underRoot, ...suffixes];
}

/** Files of the checkout at `dir`, named in messages as under `shownAs` (the directory as the user typed it). */
export function localSource(dir: string, shownAs = dir): SourceFiles {
  const root = realpathSync(dir);
  return {
    async read(file) {
      for (const candidate of candidatePaths(file.annotated.file, file.version?.rootPath)) {
        const full = path.join(root, candidate);
        if (!existsSync(full)) {
          continue;
        }
        // A symlink in the checkout must not lead out of it.
        const real = realpathSync(full);
        if (real !== root && !real.startsWith(root + path.sep)) {
          continue;
        }
        const stat = statSync(real);
        if (!stat.isFile()) {
          continue;
        }
        if (stat.size > MAX_SOURCE_BYTES) {
          return { missing: `${candidate} is larger than ${MAX_SOURCE_BYTES} bytes` };
        }
        return { text: readFileSync(real, 'utf8'), from: path.join(shownAs, candidate) };
      }
      return { missing: `no file under ${shownAs} matches ${file.annotated.file}` };
    },
  };
}

export interface SourceServerOptions {
  url: string;
  /** The sealed session token (or the whole cookie value) for GitHub and for GitLab. */
  githubSession?: string;
  gitlabSession?: string;
  /** X-Scope-OrgID: the server seals sessions per tenant. */
  tenant?: string;
  /** Repository, ref and root path when the profile does not say (or to override it). */
  version?: Partial<FileWithOrigin['version']>;
}

/** A cookie value as the plugin writes it: base64 of {"token": sealed}; a value that already is one is kept. */
export function sessionCookieValue(session: string): string {
  const trimmed = session.trim();
  try {
    const decoded = JSON.parse(Buffer.from(trimmed, 'base64').toString('utf8'));
    if (decoded && typeof decoded === 'object' && (typeof decoded.token === 'string' || 'metadata' in decoded)) {
      return trimmed;
    }
  } catch {
    // Not a cookie value: a sealed token.
  }
  return Buffer.from(JSON.stringify({ token: trimmed })).toString('base64');
}

/** The session environment variables the command reads, in order of precedence per host. */
export function sessionsFromEnv(env: NodeJS.ProcessEnv): Pick<SourceServerOptions, 'githubSession' | 'gitlabSession'> {
  return {
    githubSession: env.LINESCOPE_GIT_TOKEN || env.GITHUB_TOKEN || undefined,
    gitlabSession: env.LINESCOPE_GIT_TOKEN || env.GITLAB_TOKEN || undefined,
  };
}

export function sourceServer(options: SourceServerOptions): SourceFiles {
  const cookies = [
    options.githubSession ? `pyroscope_git_session=${sessionCookieValue(options.githubSession)}` : '',
    options.gitlabSession ? `linescope_gitlab_session=${sessionCookieValue(options.gitlabSession)}` : '',
  ].filter(Boolean);
  const transport = createConnectTransport({
    baseUrl: options.url,
    httpVersion: '1.1',
    interceptors: [
      (next) => (request) => {
        if (cookies.length) {
          request.header.set('cookie', cookies.join('; '));
        }
        if (options.tenant) {
          request.header.set('x-scope-orgid', options.tenant);
        }
        return next(request);
      },
    ],
  });
  const client = createClient(VCSService, transport);
  return {
    async read(file) {
      const version = { ...file.version, ...definedOnly(options.version ?? {}) };
      if (!version.repository || !version.gitRef) {
        return {
          missing:
            'the profile does not say which repository and commit it was built from (no Pyroscope build id): ' +
            'give --repository and --ref, or --source <dir>',
        };
      }
      try {
        const answer = await client.getFile(
          {
            repositoryURL: version.repository,
            ref: version.gitRef,
            localPath: file.annotated.file,
            rootPath: version.rootPath ?? '',
            functionName: file.annotated.function,
          },
          { timeoutMs: 30_000 }
        );
        if (answer.content.length > (MAX_SOURCE_BYTES * 4) / 3 + 4) {
          return { missing: `${file.annotated.file} is larger than ${MAX_SOURCE_BYTES} bytes` };
        }
        return { text: Buffer.from(answer.content, 'base64').toString('utf8'), from: answer.URL || version.repository };
      } catch (error) {
        return { missing: sourceServerFailure(ConnectError.from(error)) };
      }
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** What the source server's refusal means for someone at a terminal. */
function sourceServerFailure(error: ConnectError): string {
  if (error.code === Code.Unauthenticated) {
    return (
      `the source server refused the Git session (${error.rawMessage}): LINESCOPE_GIT_TOKEN (or GITHUB_TOKEN / ` +
      'GITLAB_TOKEN) must be a session that server sealed (the pyroscope_git_session or linescope_gitlab_session ' +
      "cookie's value after Connect in Grafana), not a personal access token; or use --source <dir>"
    );
  }
  return `the source server could not give the file (${Code[error.code]}): ${error.rawMessage}`;
}
