/** GetFile: a profile's frame resolved to a file at a commit, or not_found with every place tried. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { create } from '@bufbuild/protobuf';
import { GetFileRequest, ResolutionExplanationSchema } from '../../../proto/gen/vcs/v1/vcs_pb';
import { toConnectError } from '../hosts/error-policy';
import { BadPathError, resolveFile } from '../resolve/resolver';
import { NotResolvedError } from '../resolve/resolution';
import { ServiceDeps } from './context';
import { requestHosts } from './hosts';
import { checkFields } from './limits';

export async function getFile(deps: ServiceDeps, request: GetFileRequest, ctx: HandlerContext) {
  checkFields('GetFile', {
    repositoryURL: request.repositoryURL,
    ref: request.ref,
    localPath: request.localPath,
    rootPath: request.rootPath,
    functionName: request.functionName,
    runtime_version: request.runtimeVersion,
  });
  const { reader, repository, resolutionHosts } = requestHosts(deps, ctx, request.repositoryURL);
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
      deps.config.githubUrl,
      resolutionHosts,
      deps.registries
    );
    const fromPackage = resolved.packageSource;
    return {
      content: resolved.content.toString('base64'),
      // A registry's file: the package's page at that version; no repository of its own.
      URL: resolved.url,
      resolvedRepositoryUrl: fromPackage ? '' : resolved.repository.webUrl,
      resolvedRef: resolved.ref,
      resolvedPath: resolved.path,
      rule: resolved.rule,
      packageSource: fromPackage && { ...fromPackage, platform: fromPackage.platform ?? '' },
    };
  } catch (error) {
    if (error instanceof NotResolvedError) {
      const detail = {
        desc: ResolutionExplanationSchema,
        value: create(ResolutionExplanationSchema, { ...error.explanation }),
      };
      throw new ConnectError(error.message, error.unavailable ? Code.Unavailable : Code.NotFound, undefined, [detail]);
    }
    if (error instanceof BadPathError) {
      throw new ConnectError(error.message, Code.InvalidArgument);
    }
    throw toConnectError(error);
  }
}
