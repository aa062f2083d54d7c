/**
 * vcs.v1.VCSService: a router over one function per RPC, with Pyroscope's messages and codes, except where
 * Pyroscope's answer is a bug (each such place says so).
 */
import { ConnectRouter } from '@connectrpc/connect';
import { VCSService } from '../../../proto/gen/vcs/v1/vcs_pb';
import { ServiceDeps } from './context';
import { getCommit } from './get-commit';
import { getCommits } from './get-commits';
import { getFile } from './get-file';
import { githubApp } from './github-app';
import { githubLogin } from './github-login';
import { githubRefresh } from './github-refresh';

export type { ServiceDeps } from './context';

export function vcsRoutes(deps: ServiceDeps): (router: ConnectRouter) => void {
  return (router) => {
    router.service(VCSService, {
      githubApp: () => githubApp(deps),
      githubLogin: (request, ctx) => githubLogin(deps, request, ctx),
      githubRefresh: (_request, ctx) => githubRefresh(deps, ctx),
      getFile: (request, ctx) => getFile(deps, request, ctx),
      getCommit: (request, ctx) => getCommit(deps, request, ctx),
      getCommits: (request, ctx) => getCommits(deps, request, ctx),
    });
  };
}
