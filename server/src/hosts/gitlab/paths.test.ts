/** GitLab projects named by `.pyroscope.yaml` and by Go import paths: nested groups, major versions, a path prefix. */
import { gitlabGoModules, gitlabMapping } from './paths';

const GITLAB_COM = [{ host: 'gitlab.com', kind: 'gitlab' as const }];
const project = (modulePath: string, names = GITLAB_COM) => gitlabGoModules.locate(modulePath, names)?.repositoryPath;

describe('Go modules on GitLab', () => {
  it('takes the whole module path as the project, groups nested or not, without a major-version suffix', () => {
    expect(project('gitlab.com/group/project')).toBe('group/project');
    expect(project('gitlab.com/group/sub/project/v2')).toBe('group/sub/project');
    expect(project('GitLab.com/group/project')).toBe('group/project');
    expect(project('gitlab.com/group')).toBeUndefined();
    expect(project('github.com/group/project')).toBeUndefined();
    expect(project('gitlab.com.evil.example/group/project')).toBeUndefined();
  });

  it('knows a self-managed GitLab under a path prefix, and only the names it is given', () => {
    const selfManaged = [{ host: 'example.com', kind: 'gitlab' as const, pathPrefix: '/gitlab' }];
    expect(project('example.com/gitlab/team/svc', selfManaged)).toBe('team/svc');
    expect(project('example.com/team/svc', selfManaged)).toBeUndefined();
    expect(project('gitlab.com/team/svc', [])).toBeUndefined();
    expect(gitlabGoModules.modulePath('team/svc', selfManaged[0])).toBe('example.com/gitlab/team/svc');
  });
});

describe('source.gitlab', () => {
  it('names a project by its path, and says what is wrong with one that names no group or climbs out', () => {
    expect(gitlabMapping.repositoryPath({ project: '/group/sub/project/' })).toBe('group/sub/project');
    for (const bad of ['project', 'group/../x', '', 'group//x']) {
      expect(gitlabMapping.repositoryPath({ project: bad })).toEqual({
        problem: expect.stringMatching(/^a gitlab source needs project: <group>\/<project>/),
      });
    }
  });
});
