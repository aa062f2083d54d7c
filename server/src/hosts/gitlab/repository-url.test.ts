/** GitLab repository URLs from requests: nested groups, .git, ssh, pages of a project, a path prefix, only known hosts. */
import { gitlabHosts, hostOfRepositoryUrl, parseGitlabRepositoryUrl } from './repository-url';

const GITLAB = 'https://gitlab.example.com';
const hosts = gitlabHosts(GITLAB, ['gitlab.com']);
const parse = (url: string) => parseGitlabRepositoryUrl(url, GITLAB, hosts);

describe('GitLab repository URLs', () => {
  it.each([
    'https://gitlab.example.com/group/sub/project',
    'https://gitlab.example.com/group/sub/project.git',
    'https://gitlab.example.com/group/sub/project/-/tree/main/src',
    'git@gitlab.example.com:group/sub/project.git',
    'ssh://git@gitlab.example.com:2222/group/sub/project.git',
    'gitlab.example.com/group/sub/project',
    'https://gitlab.com/group/sub/project',
  ])('%s', (url) => {
    expect(parse(url)).toEqual({
      owner: 'group/sub',
      repo: 'project',
      fullName: 'group/sub/project',
      webUrl: 'https://gitlab.example.com/group/sub/project',
    });
  });

  it('strips a self-managed instance path prefix', () => {
    const prefixed = gitlabHosts('https://example.com/gitlab');
    expect(prefixed).toEqual([{ host: 'example.com', pathPrefix: '/gitlab' }]);
    expect(
      parseGitlabRepositoryUrl('https://example.com/gitlab/team/svc', 'https://example.com/gitlab', prefixed)
    ).toMatchObject({
      fullName: 'team/svc',
      webUrl: 'https://example.com/gitlab/team/svc',
    });
  });

  it('refuses other hosts, a project without group, and bad names', () => {
    expect(() => parse('https://github.com/o/r')).toThrow(
      "repository host 'github.com' not supported; supported hosts: gitlab.example.com, gitlab.com"
    );
    expect(() => parse('https://gitlab.com/project')).toThrow('expecting <group>/<project>');
    expect(() => parse('https://gitlab.com/group/pro ject')).toThrow("invalid group or project name 'pro ject'");
  });

  it('tells the host of any URL form, and none for owner/repo', () => {
    expect(hostOfRepositoryUrl('https://GitLab.com:8443/a/b')).toBe('gitlab.com:8443');
    expect(hostOfRepositoryUrl('ssh://git@gitlab.com:22/a/b')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('git@gitlab.com:a/b.git')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('gitlab.com/a/b')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('a/b')).toBeUndefined();
  });
});
