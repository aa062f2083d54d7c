/**
 * How `.pyroscope.yaml` (`source.gitlab`) and Go module paths name a GitLab project: its full path, groups nested
 * (`group/subgroup/project`).
 */
import { HostGoModules, HostMapping, importPathBase, isMajorVersion, segmentsBelow } from '../host-paths';

export const gitlabMapping: HostMapping = {
  key: 'gitlab',
  fields: [
    {
      key: 'project',
      type: 'string',
      meaning: 'the project path on the configured GitLab (`group/subgroup/project`)',
    },
  ],
  example: [
    '- function_name: [{ prefix: com/acme/lib }]',
    '  language: java',
    '  source: { gitlab: { project: acme/platform/lib, ref: v1.2.0, path: src/main/java } }',
  ].join('\n'),
  repositoryPath: (fields) => {
    const project = (fields.project ?? '').replace(/^\/+|\/+$/g, '');
    const segments = project.split('/');
    if (segments.length < 2 || segments.some((s) => s === '' || s === '.' || s === '..')) {
      return { problem: `a gitlab source needs project: <group>/<project> (groups may nest), got '${project}'` };
    }
    return project;
  },
  setup: 'GITLAB_URL, GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET',
};

/**
 * `gitlab.com/group/sub/project[/vN]` → `group/sub/project`. With nested groups the import path cannot say where a
 * project ends and a package folder begins; a module's path is its project's (GitLab's own go-get answer), so the
 * whole path is taken, without a major-version suffix.
 */
export const gitlabGoModules: HostGoModules = {
  locate(modulePath, names) {
    for (const name of names) {
      const segments = segmentsBelow(modulePath, importPathBase(name));
      if (!segments) {
        continue;
      }
      if (segments.length > 2 && isMajorVersion(segments[segments.length - 1])) {
        segments.pop();
      }
      return segments.length >= 2 ? { repositoryPath: segments.join('/'), subdir: '' } : undefined;
    }
    return undefined;
  },
  modulePath: (repositoryPath, name) => `${importPathBase(name)}${repositoryPath}`,
};
