/**
 * How `.pyroscope.yaml` (`source.azure_devops`) and Go module paths name an Azure DevOps repository: its
 * organization, project and repository, whose page is `<org>/<project>/_git/<repo>` below the web URL. `go get`
 * reads Azure Repos by the `.git` in the import path: `dev.azure.com/<org>/<project>/_git/<repo>.git[/<folder>]`, or
 * on the organization's older host `<org>.visualstudio.com/[DefaultCollection/]<project>/_git/<repo>.git[/<folder>]`.
 */
import type { KnownHost } from '@linescope/repository-url';
import { HostGoModules, HostMapping, importPathBase, isMajorVersion, segmentsBelow } from '../host-paths';
import { isRepositoryName } from '../repository';

/** A project's name may hold spaces; never a separator, nor `.` or `..`. */
const isProjectName = (name: string) => /^[^/\\?#]+$/.test(name) && name.trim() !== '' && name !== '.' && name !== '..';

/** The repository's page path below the web URL (the project's name URL-encoded, as Azure DevOps' pages have it). */
const pagePath = (organization: string, project: string, repo: string) =>
  `${organization}/${encodeURIComponent(project)}/_git/${repo}`;

export const azureDevopsMapping: HostMapping = {
  key: 'azure_devops',
  fields: [
    { key: 'organization', type: 'string', meaning: 'the organization on Azure DevOps Services' },
    { key: 'project', type: 'string', meaning: 'the project (its name may hold spaces)' },
    { key: 'repo', type: 'string', meaning: 'the repository name' },
  ],
  example: [
    '- path: [{ prefix: /opt/shared-go }]',
    '  language: go',
    '  source: { azure_devops: { organization: acme, project: Platform, repo: shared-go, ref: v1.4.0, path: pkg } }',
  ].join('\n'),
  repositoryPath: ({ organization = '', project = '', repo = '' }) => {
    if (!organization || !project || !repo) {
      return { problem: 'an azure_devops source needs organization, project and repo' };
    }
    if (!isRepositoryName(organization) || !isRepositoryName(repo) || !isProjectName(project)) {
      return {
        problem: `an azure_devops source's organization and repo are names of letters, digits, '.', '-' and '_', its project has no '/', '\\\\', '?' or '#': '${organization}/${project}/${repo}'`,
      };
    }
    return pagePath(organization, project, repo);
  },
  setup: 'AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET, SESSION_SECRET',
};

const LEGACY_HOST = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com\//i;

/** `<project>/_git/<repo>[.git]/<folders…>` into its parts, or undefined when the segments are not that shape. */
function repositoryOf(organization: string, segments: string[]) {
  const [project, git, repoSegment, ...folders] = segments;
  const repo = repoSegment?.replace(/\.git$/i, '');
  if (
    git !== '_git' ||
    !repo ||
    !isRepositoryName(organization) ||
    !isRepositoryName(repo) ||
    !isProjectName(project)
  ) {
    return undefined;
  }
  if (folders.length > 0 && isMajorVersion(folders[folders.length - 1])) {
    folders.pop();
  }
  return { repositoryPath: pagePath(organization, project, repo), subdir: folders.join('/') };
}

export const azureDevopsGoModules: HostGoModules = {
  locate(modulePath, names) {
    for (const name of names) {
      const segments = segmentsBelow(modulePath, importPathBase(name));
      if (segments) {
        const [organization = '', ...rest] = segments;
        return repositoryOf(organization, rest);
      }
    }
    // The older host names the organization; it is Azure DevOps Services', so only a server that reads that.
    const legacy = LEGACY_HOST.exec(modulePath);
    if (legacy && names.some(isServices)) {
      const segments = modulePath
        .slice(legacy[0].length)
        .split('/')
        .filter((s) => s !== '');
      return repositoryOf(legacy[1].toLowerCase(), segments[0] === 'DefaultCollection' ? segments.slice(1) : segments);
    }
    return undefined;
  },
  modulePath: (repositoryPath, name) => `${importPathBase(name)}${decoded(repositoryPath)}.git`,
};

function isServices(name: KnownHost): boolean {
  return name.host.toLowerCase() === 'dev.azure.com';
}

/** A page path as import paths spell it (`My%20Project` → `My Project`); a path that does not decode stays as it is. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
