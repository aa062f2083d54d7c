/** Repository URLs from requests, on each configured host: its forms, its aliases, its path, and nothing else. */
import {
  hostNames,
  hostOfRepositoryUrl,
  parseRepositoryUrl,
  RepositoryHost,
  RepositoryUrlError,
  servesHostName,
} from './repository';

const GITHUB: RepositoryHost = { kind: 'github', webUrl: 'https://github.com', aliases: [] };
const GITLAB: RepositoryHost = { kind: 'gitlab', webUrl: 'https://gitlab.example.com', aliases: ['gitlab.com'] };

describe('GitHub repository URLs', () => {
  it.each([
    'https://github.com/grafana/pyroscope',
    'https://github.com/grafana/pyroscope.git',
    'http://github.com/grafana/pyroscope',
    'https://www.github.com/grafana/pyroscope/tree/main/pkg',
    'git@github.com:grafana/pyroscope.git',
    'git@github.com:grafana/pyroscope',
    'ssh://git@github.com/grafana/pyroscope.git',
    'ssh://git@github.com:22/grafana/pyroscope',
    'github.com/grafana/pyroscope',
    'grafana/pyroscope',
  ])('%s', (url) => {
    expect(parseRepositoryUrl(url, GITHUB)).toEqual({
      owner: 'grafana',
      repo: 'pyroscope',
      fullName: 'grafana/pyroscope',
      webUrl: 'https://github.com/grafana/pyroscope',
    });
  });

  it.each([
    [
      'https://gitlab.com/a/b',
      "repository host 'gitlab.com' not supported; supported hosts: github.com, www.github.com, raw.githubusercontent.com",
    ],
    ['https://github.example.com/a/b', "repository host 'github.example.com' not supported"],
    ['https://github.com/grafana', "expecting <owner>/<repo> in url path, received: '/grafana'"],
    ['ftp://github.com/a/b', "scheme 'ftp' not supported"],
    ['', 'repository URL is empty'],
    ['https://github.com/a%20b/c', 'invalid owner or repository name'],
  ])('%s is refused', (url, message) => {
    expect(() => parseRepositoryUrl(url, GITHUB)).toThrow(message);
  });

  it('accepts the GitHub Enterprise host (and configured aliases) only, answering with the configured web URL', () => {
    const ghe: RepositoryHost = { kind: 'github', webUrl: 'https://ghe.corp.example', aliases: [] };
    expect(parseRepositoryUrl('git@ghe.corp.example:team/svc.git', ghe).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
    expect(() => parseRepositoryUrl('https://github.com/team/svc', ghe)).toThrow('supported hosts: ghe.corp.example');
    const aliased = { ...ghe, aliases: ['old-ghe.corp.example'] };
    expect(parseRepositoryUrl('https://old-ghe.corp.example/team/svc', aliased).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
  });

  it('keeps a double or a GitHub Enterprise served over http with a port', () => {
    const local: RepositoryHost = { kind: 'github', webUrl: 'http://127.0.0.1:4010', aliases: ['github.com'] };
    expect(parseRepositoryUrl('https://github.com/acme/shop', local).webUrl).toBe('http://127.0.0.1:4010/acme/shop');
    expect(parseRepositoryUrl('acme/shop', local).webUrl).toBe('http://127.0.0.1:4010/acme/shop');
    expect(hostNames(local)).toEqual(['127.0.0.1:4010', 'github.com', 'www.github.com', 'raw.githubusercontent.com']);
  });
});

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
    expect(parseRepositoryUrl(url, GITLAB)).toEqual({
      owner: 'group/sub',
      repo: 'project',
      fullName: 'group/sub/project',
      webUrl: 'https://gitlab.example.com/group/sub/project',
    });
  });

  it('strips a self-managed instance path prefix', () => {
    const prefixed: RepositoryHost = { kind: 'gitlab', webUrl: 'https://example.com/gitlab', aliases: [] };
    expect(hostNames(prefixed)).toEqual(['example.com']);
    expect(parseRepositoryUrl('https://example.com/gitlab/team/svc', prefixed)).toMatchObject({
      fullName: 'team/svc',
      webUrl: 'https://example.com/gitlab/team/svc',
    });
    expect(parseRepositoryUrl('git@example.com:team/sub/svc.git', prefixed).webUrl).toBe(
      'https://example.com/gitlab/team/sub/svc'
    );
  });

  it('refuses other hosts, a project without group, and bad names', () => {
    expect(() => parseRepositoryUrl('https://github.com/o/r', GITLAB)).toThrow(
      "repository host 'github.com' not supported; supported hosts: gitlab.example.com, gitlab.com"
    );
    expect(() => parseRepositoryUrl('https://gitlab.com/project', GITLAB)).toThrow('expecting <owner>/<repo>');
    expect(() => parseRepositoryUrl('https://gitlab.com/group/pro ject', GITLAB)).toThrow(
      "invalid owner or repository name 'pro ject'"
    );
  });

  it('gives github.com’s aliases to GitHub only', () => {
    expect(hostNames({ kind: 'gitlab', webUrl: 'https://gitlab.example.com', aliases: ['github.com'] })).toEqual([
      'gitlab.example.com',
      'github.com',
    ]);
  });
});

describe('the host a URL names', () => {
  it('tells the host of any URL form, even one that names no repository, and none for owner/repo', () => {
    expect(hostOfRepositoryUrl('https://GitLab.com:8443/a/b')).toBe('gitlab.com:8443');
    expect(hostOfRepositoryUrl('ssh://git@gitlab.com:22/a/b')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('git@gitlab.com:a/b.git')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('gitlab.com/a/b')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('https://gitlab.com/project')).toBe('gitlab.com');
    expect(hostOfRepositoryUrl('git@ssh.dev.azure.com:v3/org/proj/repo')).toBe('dev.azure.com');
    expect(hostOfRepositoryUrl('a/b')).toBeUndefined();
    expect(hostOfRepositoryUrl('')).toBeUndefined();
  });
});

describe('host names served by a rule', () => {
  // A host whose older names carry the owner's first segment in the host name (as <org>.visualstudio.com does).
  const RULED: RepositoryHost = {
    kind: 'azure-devops',
    webUrl: 'https://dev.azure.com',
    aliases: [],
    byRule: {
      serves: (name) => /^[a-z]+\.visualstudio\.com$/.test(name),
      pagePath: (owner, repo) => encodeURI(`${owner}/_git/${repo}`),
    },
  };

  it('reads a repository on a ruled name with its page below the configured web URL', () => {
    expect(servesHostName(RULED, 'org.visualstudio.com')).toBe(true);
    expect(parseRepositoryUrl('https://org.visualstudio.com/My%20Project/_git/app', RULED)).toEqual({
      owner: 'org/My Project',
      repo: 'app',
      fullName: 'org/My Project/app',
      webUrl: 'https://dev.azure.com/org/My%20Project/_git/app',
    });
  });

  it('refuses names the rule does not serve, and hosts without a rule serve only their names', () => {
    expect(servesHostName(RULED, 'org.visualstudio.com.evil.example')).toBe(false);
    expect(() => parseRepositoryUrl('https://org.visualstudio.com.evil.example/p/_git/app', RULED)).toThrow(
      RepositoryUrlError
    );
    const { byRule: _rule, ...unruled } = RULED;
    expect(servesHostName(unruled, 'org.visualstudio.com')).toBe(false);
    expect(() => parseRepositoryUrl('https://org.visualstudio.com/p/_git/app', unruled)).toThrow(RepositoryUrlError);
  });
});
