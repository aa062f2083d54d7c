import { parseRepositoryUrl } from './repository-url';

describe('repository URLs', () => {
  const gh = 'https://github.com';
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
    expect(parseRepositoryUrl(url, gh)).toEqual({
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
    expect(() => parseRepositoryUrl(url, gh)).toThrow(message);
  });

  it('accepts the GitHub Enterprise host (and configured aliases) only', () => {
    const ghe = 'https://ghe.corp.example';
    expect(parseRepositoryUrl('git@ghe.corp.example:team/svc.git', ghe).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
    expect(() => parseRepositoryUrl('https://github.com/team/svc', ghe)).toThrow('supported hosts: ghe.corp.example');
    expect(parseRepositoryUrl('https://old-ghe.corp.example/team/svc', ghe, ['old-ghe.corp.example']).webUrl).toBe(
      'https://ghe.corp.example/team/svc'
    );
  });
});
