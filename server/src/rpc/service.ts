/**
 * vcs.v1.VCSService: the six RPCs with Pyroscope's messages and codes (reference §1.4), and the documented
 * deviations where Pyroscope has a bug (see README "The source server").
 */
import { Code, ConnectError, ConnectRouter, HandlerContext } from '@connectrpc/connect';
import { create } from '@bufbuild/protobuf';
import {
  CommitInfo,
  CommitInfoSchema,
  GetCommitResponse,
  ResolutionExplanationSchema,
  VCSService,
} from '../../../proto/gen/vcs/v1/vcs_pb';
import { githubConfigured, ServerConfig } from '../config';
import { FileNotFoundError, GitHubAuthError, GitHubError, RateLimitError } from '../github/errors';
import { parseRepositoryUrl, Repository, RepositoryUrlError } from '../github/repository-url';
import { CommitJson, GitHubSource, UserSource } from '../github/source';
import { Logger, scrub } from '../log';
import { BadPathError, resolveFile } from '../resolve/resolver';
import { NotResolvedError } from '../resolve/resolution';
import { decodeSessionCookie, legacyCookieString, readCookie, SESSION_LIFETIME_MS } from '../session/cookie';
import { GrantedToken, OAuthClient, OAuthError } from '../session/oauth';
import { tenantFromHeaders } from '../session/tenant';
import { deriveKey, encryptToken, OAuthToken } from '../session/token';

export interface ServiceDeps {
  config: ServerConfig;
  source: GitHubSource;
  oauth: OAuthClient;
  logger: Logger;
  now: () => number;
}

const MAX_PARALLEL_COMMITS = 10;

export function vcsRoutes(deps: ServiceDeps): (router: ConnectRouter) => void {
  const { config, logger } = deps;

  const tenantKey = (ctx: HandlerContext): Buffer =>
    deriveKey(config.githubSessionSecret, tenantFromHeaders(ctx.requestHeader));

  /** Cookie → token (any failure: 401 "invalid token"); the access-token expiry is checked unless skipped. */
  const session = (ctx: HandlerContext, checkExpiry = true): OAuthToken => {
    let token: OAuthToken;
    try {
      const cookie = readCookie(ctx.requestHeader.get('cookie'));
      if (cookie === undefined) {
        throw new Error('failed to read cookie pyroscope_git_session: http: named cookie not present');
      }
      token = decodeSessionCookie(cookie, tenantKey(ctx));
    } catch (error) {
      logger.debug({ err: scrub((error as Error).message) }, 'session cookie rejected');
      throw new ConnectError('invalid token', Code.Unauthenticated);
    }
    // A token without expiry (OAuth apps, or GitHub Apps with expiring tokens off) never expires; Pyroscope
    // treats its zero time as always expired.
    if (checkExpiry && token.expiry !== undefined && deps.now() > token.expiry) {
      throw new ConnectError('token is expired', Code.Unauthenticated);
    }
    return token;
  };

  const repositoryOf = (url: string): Repository => {
    try {
      return parseRepositoryUrl(url, config.githubUrl, config.repositoryHostAliases);
    } catch (error) {
      if (error instanceof RepositoryUrlError) {
        throw new ConnectError(error.message, Code.InvalidArgument);
      }
      throw error;
    }
  };

  const tokenResponse = (granted: GrantedToken, key: Buffer) => {
    const now = deps.now();
    return {
      cookie: legacyCookieString(granted.token, key, now),
      token: encryptToken(granted.token, key),
      tokenExpiresAt: BigInt(granted.token.expiry ?? 0),
      refreshTokenExpiresAt: BigInt(granted.refreshTokenExpiry ?? now + SESSION_LIFETIME_MS),
    };
  };

  return (router: ConnectRouter) => {
    router.service(VCSService, {
      githubApp() {
        if (!githubConfigured(config)) {
          throw new ConnectError('GitHub integration is not configured', Code.Unimplemented);
        }
        return {
          clientID: config.githubClientId,
          callbackURL: config.githubCallbackUrl,
          authorizeURL: `${config.githubUrl}/login/oauth/authorize`,
        };
      },

      async githubLogin(request, ctx) {
        const fail = (code: Code) => new ConnectError('failed to authorize with GitHub', code);
        if (!config.githubClientId || !config.githubClientSecret) {
          throw fail(Code.Internal);
        }
        let key: Buffer;
        try {
          key = tenantKey(ctx);
        } catch {
          throw fail(Code.Internal);
        }
        let granted: GrantedToken;
        try {
          granted = await deps.oauth.exchangeCode(request.authorizationCode, deps.now());
        } catch (error) {
          logger.warn({ err: scrub((error as Error).message) }, 'GitHub code exchange failed');
          throw fail(Code.Unauthenticated);
        }
        return tokenResponse(granted, key);
      },

      async githubRefresh(_request, ctx) {
        const old = session(ctx, false);
        const key = tenantKey(ctx);
        if (!old.refreshToken) {
          throw new ConnectError('failed to refresh token: the session has no refresh token', Code.Unauthenticated);
        }
        let granted: GrantedToken;
        try {
          granted = await deps.oauth.refresh(old.refreshToken, deps.now());
        } catch (error) {
          const message = scrub((error as Error).message);
          logger.warn({ err: message }, 'GitHub token refresh failed');
          // GitHub's verdict that the refresh token is bad ends the session: 401 lets the client reconnect.
          const dead = error instanceof OAuthError && /bad_refresh_token|incorrect_client/.test(message);
          throw new ConnectError('failed to refresh token', dead ? Code.Unauthenticated : Code.Internal);
        }
        return tokenResponse(granted, key);
      },

      async getFile(request, ctx) {
        const token = session(ctx);
        const repository = repositoryOf(request.repositoryURL);
        const reader = deps.source.forUser(token.accessToken, ctx.signal);
        try {
          const resolved = await resolveFile(
            reader,
            {
              repository,
              ref: request.ref,
              path: request.localPath,
              rootPath: request.rootPath,
              functionName: request.functionName,
              runtimeVersion: request.runtimeVersion,
            },
            config.githubUrl
          );
          return {
            content: resolved.content.toString('base64'),
            URL: resolved.url,
            resolvedRepositoryUrl: resolved.repository.webUrl,
            resolvedRef: resolved.ref,
            resolvedPath: resolved.path,
            rule: resolved.rule,
          };
        } catch (error) {
          if (error instanceof NotResolvedError) {
            const detail = {
              desc: ResolutionExplanationSchema,
              value: create(ResolutionExplanationSchema, { ...error.explanation }),
            };
            throw new ConnectError(error.message, error.unavailable ? Code.Unavailable : Code.NotFound, undefined, [
              detail,
            ]);
          }
          if (error instanceof BadPathError) {
            throw new ConnectError(error.message, Code.InvalidArgument);
          }
          throw githubFailure(error);
        }
      },

      async getCommit(request, ctx) {
        const token = session(ctx);
        const repository = repositoryOf(request.repositoryURL);
        const commit = await findCommit(deps.source.forUser(token.accessToken, ctx.signal), repository, request.ref);
        return toCommit(commit, repository);
      },

      async getCommits(request, ctx) {
        const token = session(ctx);
        const repository = repositoryOf(request.repositoryUrl);
        const reader = deps.source.forUser(token.accessToken, ctx.signal);
        const unique = [...new Set(request.refs)];
        const results = new Map<string, CommitInfo | Error>();
        for (let i = 0; i < unique.length; i += MAX_PARALLEL_COMMITS) {
          await Promise.all(
            unique.slice(i, i + MAX_PARALLEL_COMMITS).map(async (ref) => {
              try {
                const commit = toCommit(await findCommit(reader, repository, ref), repository);
                results.set(ref, create(CommitInfoSchema, { ...commit, ref }));
              } catch (error) {
                logger.info({ ref, err: scrub((error as Error).message) }, 'GetCommits: ref not resolved');
                results.set(ref, error as Error);
              }
            })
          );
        }
        const commits = request.refs
          .map((ref) => results.get(ref))
          .filter((c): c is CommitInfo => c !== undefined && !(c instanceof Error));
        if (commits.length === 0 && unique.length > 0) {
          const errors = [...results.values()] as ConnectError[];
          // A rate limit, a refused token or GitHub being down says more than "failed".
          const decisive = [Code.ResourceExhausted, Code.Unauthenticated, Code.Unavailable, Code.DeadlineExceeded]
            .map((code) => errors.find((e) => e.code === code))
            .find((e) => e !== undefined);
          throw (
            decisive ??
            new ConnectError(
              'failed to fetch any commits',
              errors.every((e) => e.code === Code.NotFound) ? Code.NotFound : Code.Unknown
            )
          );
        }
        return { commits };
      },
    });
  };
}

/** ref, then heads/<ref>, then tags/<ref> (Pyroscope's order); a rate limit or a rejected token stops at once. */
async function findCommit(reader: UserSource, repository: Repository, ref: string): Promise<CommitJson> {
  const wanted = ref || 'HEAD';
  let last: unknown;
  for (const candidate of [wanted, `heads/${wanted}`, `tags/${wanted}`]) {
    try {
      return await reader.getCommit(repository, candidate);
    } catch (error) {
      // A rate limit, a refused token or an unreachable GitHub will not be different for the next form of the ref.
      if (
        error instanceof RateLimitError ||
        error instanceof GitHubAuthError ||
        (error instanceof GitHubError && (error.status === undefined || error.status >= 500))
      ) {
        throw githubFailure(error);
      }
      last = error;
    }
  }
  throw githubFailure(last);
}

/** GitHub commit JSON → GetCommitResponse (RFC 3339 date without fractions; URL filled in, unlike Pyroscope). */
function toCommit(commit: CommitJson, repository: Repository): Omit<GetCommitResponse, '$typeName' | '$unknown'> {
  if (!commit.commit || typeof commit.commit.message !== 'string') {
    throw new ConnectError('commit contains no message', Code.Internal);
  }
  const date = commit.commit.author?.date;
  if (!date) {
    throw new ConnectError('commit contains no date', Code.Internal);
  }
  const sha = commit.sha ?? '';
  const login = commit.author?.login;
  const avatar = commit.author?.avatar_url;
  return {
    message: commit.commit.message,
    author: login && avatar ? { $typeName: 'vcs.v1.CommitAuthor', login, avatarURL: avatar } : undefined,
    date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sha,
    URL: commit.html_url || `${repository.webUrl}/commit/${sha}`,
  };
}

/** GitHub failures as Connect errors; a 404 is not_found (Pyroscope answers 501 unimplemented). */
function githubFailure(error: unknown): ConnectError {
  if (error instanceof ConnectError) {
    return error;
  }
  if (error instanceof RateLimitError) {
    return new ConnectError(
      error.message,
      Code.ResourceExhausted,
      error.resetAt ? { 'x-ratelimit-reset': String(Math.floor(error.resetAt / 1000)) } : undefined
    );
  }
  if (error instanceof GitHubAuthError) {
    return new ConnectError(`GitHub rejected the session's token: ${error.message}`, Code.Unauthenticated);
  }
  if (error instanceof FileNotFoundError) {
    return new ConnectError(error.message, Code.NotFound);
  }
  if (error instanceof GitHubError) {
    const status = error.status;
    const code =
      status === undefined
        ? Code.Unavailable
        : status === 504
          ? Code.DeadlineExceeded
          : status === 422
            ? Code.NotFound
            : status === 403
              ? Code.PermissionDenied
              : status === 409
                ? Code.FailedPrecondition
                : status >= 500
                  ? Code.Unavailable
                  : Code.Unknown;
    return new ConnectError(error.message, code);
  }
  return new ConnectError(scrub((error as Error)?.message ?? String(error)), Code.Unknown);
}
