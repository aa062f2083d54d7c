/** Go modules hosted on the configured GitLab: import paths with nested groups, major versions, a path prefix. */
import { locateModule, toGitLabProject } from './go-modules';
import { parseGoMod } from './gomod';

const GITLAB_COM = [{ host: 'gitlab.com', pathPrefix: '' }];

describe('Go modules on GitLab', () => {
  it('takes the whole module path as the project, groups nested or not, without a major-version suffix', () => {
    expect(toGitLabProject('gitlab.com/group/project', GITLAB_COM)).toBe('group/project');
    expect(toGitLabProject('gitlab.com/group/sub/project/v2', GITLAB_COM)).toBe('group/sub/project');
    expect(toGitLabProject('gitlab.com/group', GITLAB_COM)).toBeUndefined();
    expect(toGitLabProject('github.com/group/project', GITLAB_COM)).toBeUndefined();
    expect(toGitLabProject('gitlab.com.evil.example/group/project', GITLAB_COM)).toBeUndefined();
  });

  it('knows a self-managed GitLab under a path prefix, and only the configured ones', () => {
    const selfManaged = [{ host: 'example.com', pathPrefix: '/gitlab' }];
    expect(toGitLabProject('example.com/gitlab/team/svc', selfManaged)).toBe('team/svc');
    expect(toGitLabProject('example.com/team/svc', selfManaged)).toBeUndefined();
    expect(toGitLabProject('gitlab.com/team/svc', [])).toBeUndefined();
  });

  it('locates a required module on GitLab at its go.mod version, after replacements', () => {
    const mod = parseGoMod(
      [
        'module github.com/acme/app',
        'go 1.21',
        'require gitlab.com/acme/platform/lib/v3 v3.1.0',
        'require example.com/old v1.0.0',
        'replace example.com/old => gitlab.com/acme/forks/old v1.0.1',
      ].join('\n')
    );
    expect(locateModule('gitlab.com/acme/platform/lib/v3', 'v3.0.0', mod, GITLAB_COM)).toEqual({
      kind: 'gitlab',
      project: 'acme/platform/lib',
      version: 'v3.1.0',
      modulePath: 'gitlab.com/acme/platform/lib/v3',
    });
    expect(locateModule('example.com/old', 'v1.0.0', mod, GITLAB_COM)).toMatchObject({
      kind: 'gitlab',
      project: 'acme/forks/old',
      version: 'v1.0.1',
    });
    // Without GitLab configured such a module stays unsupported (its host is never contacted).
    expect(locateModule('gitlab.com/acme/platform/lib/v3', 'v3.0.0', mod)).toMatchObject({ kind: 'unsupported' });
  });
});
