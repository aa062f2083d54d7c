/**
 * How `.pyroscope.yaml` (`source.bitbucket`) and Go module paths name a Bitbucket Cloud repository: its workspace and
 * repository slug. `go get` knows bitbucket.org itself: `bitbucket.org/<workspace>/<repo>` is the repository, what
 * follows is a folder in it (a module of a multi-module repository).
 */
import { HostGoModules, HostMapping, importPathBase, isMajorVersion, pathOfNames, segmentsBelow } from '../host-paths';
import { isRepositoryName } from '../repository';

const NAMES = ['workspace', 'repo'];

export const bitbucketMapping: HostMapping = {
  key: 'bitbucket',
  fields: [
    { key: 'workspace', type: 'string', meaning: 'the workspace on the configured Bitbucket Cloud' },
    { key: 'repo', type: 'string', meaning: 'the repository slug' },
  ],
  example: [
    '- path: [{ prefix: /opt/shared-go }]',
    '  language: go',
    '  source: { bitbucket: { workspace: acme, repo: shared-go, ref: v1.4.0, path: pkg } }',
  ].join('\n'),
  repositoryPath: (fields) => pathOfNames('bitbucket', NAMES, fields),
  setup: 'BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET, SESSION_SECRET',
};

export const bitbucketGoModules: HostGoModules = {
  locate(modulePath, names) {
    for (const name of names) {
      const segments = segmentsBelow(modulePath, importPathBase(name));
      if (!segments) {
        continue;
      }
      const [workspace, repo, ...folders] = segments;
      if (!isRepositoryName(workspace ?? '') || !isRepositoryName(repo ?? '')) {
        return undefined;
      }
      if (folders.length > 0 && isMajorVersion(folders[folders.length - 1])) {
        folders.pop();
      }
      return { repositoryPath: `${workspace}/${repo}`, subdir: folders.join('/') };
    }
    return undefined;
  },
  modulePath: (repositoryPath, name) => `${importPathBase(name)}${repositoryPath}`,
};
