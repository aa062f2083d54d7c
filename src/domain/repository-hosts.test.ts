import { configuredHostsOf, describeRepository, parseTypedRepository } from './repository';

const gitLabHostsOf = (webUrl: string, aliases?: string[]) => configuredHostsOf('gitlab', webUrl, aliases);

test('the override form accepts GitLab (nested groups), Bitbucket Cloud and Azure DevOps repository URLs', () => {
  for (const [url, kind] of [
    ['https://gitlab.com/group/sub/project', 'gitlab'],
    ['https://bitbucket.org/workspace/repo', 'bitbucket'],
    ['https://dev.azure.com/org/project/_git/repo', 'azure-devops'],
    ['https://org.visualstudio.com/project/_git/repo', 'azure-devops'],
  ]) {
    const parsed = parseTypedRepository(url);
    expect(parsed.ok && parsed.value.kind).toBe(kind);
  }
});

describe("the source server's own GitLab (GITLAB_URL, from GitlabApp)", () => {
  const selfManaged = gitLabHostsOf('https://gitlab.example.com');
  const underPath = gitLabHostsOf('https://example.com/gitlab/');

  it('are the web URL’s host below its path, then the other names repository URLs may use', () => {
    expect(gitLabHostsOf('https://example.com/gitlab/', ['Git.Example.com', 'example.com', ' '])).toEqual([
      { host: 'example.com', kind: 'gitlab', pathPrefix: '/gitlab' },
      { host: 'git.example.com', kind: 'gitlab' },
    ]);
    // A server that did not say (Pyroscope's, or an empty answer) adds nothing.
    expect(gitLabHostsOf('', ['git.example.com'])).toEqual([]);
  });

  it('read a repository on an alias host as GitLab’s too', () => {
    const hosts = gitLabHostsOf('https://gitlab.example.com', ['git.example.com']);
    expect(describeRepository('git@git.example.com:group/sub/project.git', hosts)).toMatchObject({
      kind: 'gitlab',
      display: 'group/sub/project',
    });
  });

  it('reads a self-managed host by GitLab’s layout: nested groups, the /-/ pages, ssh', () => {
    for (const url of [
      'https://gitlab.example.com/group/sub/project/-/tree/main',
      'git@gitlab.example.com:group/sub/project.git',
      'ssh://git@gitlab.example.com:2222/group/sub/project.git',
    ]) {
      expect(describeRepository(url, selfManaged)).toMatchObject({
        kind: 'gitlab',
        display: 'group/sub/project',
        webUrl: 'https://gitlab.example.com/group/sub/project',
      });
    }
  });

  it('reads a GitLab below a path prefix without the prefix in the name, and keeps it in the links', () => {
    expect(describeRepository('https://example.com/gitlab/group/project.git', underPath)).toMatchObject({
      kind: 'gitlab',
      display: 'group/project',
      webUrl: 'https://example.com/gitlab/group/project',
    });
    expect(describeRepository('git@example.com:group/project.git', underPath)?.webUrl).toBe(
      'https://example.com/gitlab/group/project'
    );
  });

  it('without the server’s answer the same URLs are an unknown host’s (the provider table sends those to GitHub)', () => {
    expect(describeRepository('https://example.com/gitlab/group/project')).toMatchObject({
      kind: undefined,
      display: 'gitlab/group/project',
    });
    expect(parseTypedRepository('https://gitlab.example.com/group/sub/project')).toMatchObject({ ok: false });
  });

  it('the override form accepts the self-managed host’s nested groups and its path prefix', () => {
    expect(parseTypedRepository('https://gitlab.example.com/group/sub/project', selfManaged)).toMatchObject({
      ok: true,
      value: { kind: 'gitlab', webUrl: 'https://gitlab.example.com/group/sub/project' },
    });
    expect(parseTypedRepository('https://example.com/gitlab/group/sub/project', underPath)).toMatchObject({
      ok: true,
      value: { kind: 'gitlab', owner: 'group/sub', repo: 'project' },
    });
  });

  it('leaves the public hosts as they are: gitlab.com stays GitLab’s, github.com GitHub’s, others unknown', () => {
    expect(describeRepository('https://gitlab.com/g/s/p', selfManaged)).toMatchObject({ kind: 'gitlab' });
    expect(describeRepository('https://github.com/o/r', selfManaged)).toMatchObject({ kind: 'github' });
    expect(describeRepository('https://git.example.net/o/r', selfManaged)?.kind).toBeUndefined();
    expect(describeRepository('https://gitlab.com/g/p', gitLabHostsOf('https://gitlab.com'))).toMatchObject({
      kind: 'gitlab',
      webUrl: 'https://gitlab.com/g/p',
    });
  });
});
