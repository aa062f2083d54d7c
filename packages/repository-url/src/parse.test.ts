import { hostKindOf, knownHostOf, parseRepositoryUrl, type KnownHost, type RepositoryUrl } from './index';

const GHE: KnownHost = { host: 'ghe.corp', kind: 'github' };
const GITLAB_UNDER_PATH: KnownHost = { host: 'example.com', kind: 'gitlab', pathPrefix: '/gitlab' };
const hosts = [GHE, GITLAB_UNDER_PATH];

const lenient = (text: string) => parseRepositoryUrl(text, { mode: 'lenient', hosts });
const strict = (text: string) => parseRepositoryUrl(text, { mode: 'strict', hosts });

type Expected = Pick<RepositoryUrl, 'kind' | 'host' | 'owner' | 'repo' | 'webUrl'>;

describe('lenient: what labels, build ids and requests carry', () => {
  it.each<[string, Expected]>([
    // GitHub and GitHub Enterprise
    [
      'https://github.com/o/r',
      { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' },
    ],
    [
      'https://github.com/o/r.git/',
      { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' },
    ],
    [
      'https://github.com/o/r/tree/main/src',
      { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' },
    ],
    [
      'git@github.com:o/r.git',
      { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' },
    ],
    ['github.com:o/r', { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' }],
    ['github.com/o/r', { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' }],
    [
      'git+ssh://git@github.com/o/r.git',
      { kind: 'github', host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' },
    ],
    [
      'ssh://git@ghe.corp:2222/team/app.git',
      { kind: 'github', host: 'ghe.corp', owner: 'team', repo: 'app', webUrl: 'https://ghe.corp/team/app' },
    ],
    [
      'https://GHE.corp/team/app/blob/main/x.go',
      { kind: 'github', host: 'ghe.corp', owner: 'team', repo: 'app', webUrl: 'https://ghe.corp/team/app' },
    ],
    // GitLab: nested groups, the /-/ pages, self-managed under a path prefix
    [
      'https://gitlab.com/g/s/p',
      { kind: 'gitlab', host: 'gitlab.com', owner: 'g/s', repo: 'p', webUrl: 'https://gitlab.com/g/s/p' },
    ],
    [
      'https://gitlab.com/g/s/p/-/tree/main',
      { kind: 'gitlab', host: 'gitlab.com', owner: 'g/s', repo: 'p', webUrl: 'https://gitlab.com/g/s/p' },
    ],
    [
      'git@gitlab.com:g/s/p.git',
      { kind: 'gitlab', host: 'gitlab.com', owner: 'g/s', repo: 'p', webUrl: 'https://gitlab.com/g/s/p' },
    ],
    [
      'https://example.com/gitlab/g/p.git',
      { kind: 'gitlab', host: 'example.com', owner: 'g', repo: 'p', webUrl: 'https://example.com/gitlab/g/p' },
    ],
    [
      'git@example.com:g/sub/p.git',
      { kind: 'gitlab', host: 'example.com', owner: 'g/sub', repo: 'p', webUrl: 'https://example.com/gitlab/g/sub/p' },
    ],
    // Bitbucket Cloud
    [
      'https://bitbucket.org/ws/repo/src/main/a.py',
      { kind: 'bitbucket', host: 'bitbucket.org', owner: 'ws', repo: 'repo', webUrl: 'https://bitbucket.org/ws/repo' },
    ],
    [
      'git@bitbucket.org:ws/repo.git',
      { kind: 'bitbucket', host: 'bitbucket.org', owner: 'ws', repo: 'repo', webUrl: 'https://bitbucket.org/ws/repo' },
    ],
    [
      'ssh://git@bitbucket.org/ws/repo.git',
      { kind: 'bitbucket', host: 'bitbucket.org', owner: 'ws', repo: 'repo', webUrl: 'https://bitbucket.org/ws/repo' },
    ],
    [
      'https://user@bitbucket.org/ws/repo.git',
      { kind: 'bitbucket', host: 'bitbucket.org', owner: 'ws', repo: 'repo', webUrl: 'https://bitbucket.org/ws/repo' },
    ],
    [
      'https://bitbucket.org/ws/repo/commits/abc',
      { kind: 'bitbucket', host: 'bitbucket.org', owner: 'ws', repo: 'repo', webUrl: 'https://bitbucket.org/ws/repo' },
    ],
    [
      'ssh://git@ssh.dev.azure.com/v3/org/proj/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/proj/_git/repo',
      },
    ],
    [
      'git@ssh.dev.azure.com:v3/org/My%20Project/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/My Project',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/My%20Project/_git/repo',
      },
    ],
    [
      'org@vs-ssh.visualstudio.com:v3/org/proj/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/proj/_git/repo',
      },
    ],
    // Azure DevOps, today's and the older host, https and ssh
    [
      'https://dev.azure.com/org/proj/_git/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/proj/_git/repo',
      },
    ],
    [
      'https://org@dev.azure.com/org/proj/_git/repo?path=/a.go',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/proj/_git/repo',
      },
    ],
    [
      'https://dev.azure.com/org/_git/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/repo',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/repo/_git/repo',
      },
    ],
    [
      'https://dev.azure.com/org/My%20Project/_git/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/My Project',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/My%20Project/_git/repo',
      },
    ],
    [
      'git@ssh.dev.azure.com:v3/org/proj/repo',
      {
        kind: 'azure-devops',
        host: 'dev.azure.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://dev.azure.com/org/proj/_git/repo',
      },
    ],
    [
      'https://org.visualstudio.com/proj/_git/repo',
      {
        kind: 'azure-devops',
        host: 'org.visualstudio.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://org.visualstudio.com/proj/_git/repo',
      },
    ],
    [
      'https://org.visualstudio.com/DefaultCollection/proj/_git/repo',
      {
        kind: 'azure-devops',
        host: 'org.visualstudio.com',
        owner: 'org/proj',
        repo: 'repo',
        webUrl: 'https://org.visualstudio.com/proj/_git/repo',
      },
    ],
    // Unknown hosts: the last segment is the repository, the rest its owner; an http(s) port stays
    [
      'https://code.example.net:8443/team/app',
      {
        kind: undefined,
        host: 'code.example.net:8443',
        owner: 'team',
        repo: 'app',
        webUrl: 'https://code.example.net:8443/team/app',
      },
    ],
    [
      'https://git.example.net/a/b/c.git',
      { kind: undefined, host: 'git.example.net', owner: 'a/b', repo: 'c', webUrl: 'https://git.example.net/a/b/c' },
    ],
  ])('reads %s', (text, expected) => {
    const result = lenient(text);
    expect(result).toEqual({ ok: true, value: expect.objectContaining(expected) });
    if (result.ok) {
      expect(result.value.fullName).toBe(`${expected.owner}/${expected.repo}`);
    }
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['not a url', /names no host/],
    ['o/r', /names no host/],
    ['https://github.com/only-owner', /expecting <owner>\/<repo>.*'\/only-owner'/],
    ['https://gitlab.com/g/-/tree/main', /expecting <owner>\/<repo>/],
    ['https://dev.azure.com/org/proj/repo', /<organization>\/<project>\/_git\/<repo>/],
    ['javascript:alert(1)', /names no host|host name/],
    ['file:///etc/passwd', /scheme 'file' not supported/],
    ['ftp://github.com/o/r', /scheme 'ftp' not supported/],
    ['https://github.com/a%20b/c', /invalid owner or repository name 'a b'/],
    ['https://github.com/../r', /expecting|invalid/],
    ['https://localhost/o/r', /not a host name/],
  ])('refuses %j', (text, reason) => {
    expect(lenient(text)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('reads a bare owner/repo on the default host when there is one', () => {
    const read = parseRepositoryUrl('o/r', { mode: 'lenient', defaultHost: 'github.com' });
    expect(read).toMatchObject({ ok: true, value: { host: 'github.com', kind: 'github', fullName: 'o/r' } });
    const local = parseRepositoryUrl('o/r', {
      mode: 'lenient',
      defaultHost: 'localhost:3000',
      hosts: [{ host: 'localhost:3000', kind: 'github' }],
    });
    expect(local).toMatchObject({ ok: true, value: { webUrl: 'https://localhost:3000/o/r' } });
  });

  it('keeps its answer for a huge path to the repository and its first pages', () => {
    const tail = Array.from({ length: 10_000 }, (_, i) => `p${i}`).join('/');
    expect(lenient(`https://github.com/o/r/tree/${tail}`)).toMatchObject({ ok: true, value: { fullName: 'o/r' } });
  });
});

describe('lenient: what a failure says beside its sentence', () => {
  it.each([
    ['', 'empty', undefined],
    ['not a url', 'no-host', undefined],
    ['https://localhost/o/r', 'no-host', undefined],
    ['ftp://github.com/o/r', 'scheme', undefined],
    ['https://[::1/o/r', 'syntax', undefined],
    ['https://github.com/only-owner', 'shape', 'github.com'],
    ['git@gitlab.com:', 'shape', 'gitlab.com'],
    ['https://code.example.net:8443/a%20b/c', 'name', 'code.example.net:8443'],
  ])('%j: %s, naming host %s', (text, problem, host) => {
    const result = lenient(text);
    expect(result).toMatchObject({ ok: false, problem });
    expect(!result.ok && result.host).toBe(host);
  });
});

describe('lenient: git remotes as git writes them', () => {
  it.each([
    ['git+https://github.com/o/r.git', 'https://github.com/o/r'],
    ['git+http://git.internal:8080/team/repo.git', 'https://git.internal:8080/team/repo'],
    ['ssh+git://git@github.com/o/r.git', 'https://github.com/o/r'],
    ['git://github.com/o/r.git', 'https://github.com/o/r'],
  ])('reads %s as %s', (text, webUrl) => {
    expect(lenient(text)).toMatchObject({ ok: true, value: { webUrl } });
  });

  it('keeps http when asked, for http remotes only', () => {
    const keep = (text: string) => parseRepositoryUrl(text, { mode: 'lenient', keepHttp: true });
    expect(keep('http://git.internal:8080/team/repo.git')).toMatchObject({
      ok: true,
      value: { webUrl: 'http://git.internal:8080/team/repo' },
    });
    expect(keep('git+http://git.internal/team/repo')).toMatchObject({
      ok: true,
      value: { webUrl: 'http://git.internal/team/repo' },
    });
    expect(keep('ssh://git@git.internal:22/team/repo')).toMatchObject({
      ok: true,
      value: { webUrl: 'https://git.internal/team/repo' },
    });
    expect(lenient('http://ghe.corp/team/repo')).toMatchObject({
      ok: true,
      value: { webUrl: 'https://ghe.corp/team/repo' },
    });
  });
});

describe('strict: what a person types in the override form', () => {
  it.each<[string, Partial<Expected>]>([
    ['https://github.com/o/r.git/', { host: 'github.com', owner: 'o', repo: 'r', webUrl: 'https://github.com/o/r' }],
    ['http://ghe.corp/o/r', { webUrl: 'http://ghe.corp/o/r' }],
    ['git@ghe.corp:team/svc.git', { webUrl: 'https://ghe.corp/team/svc' }],
    ['https://gitlab.com/g/s/p', { owner: 'g/s', repo: 'p' }],
    ['https://example.com/gitlab/g/p', { webUrl: 'https://example.com/gitlab/g/p' }],
    ['https://dev.azure.com/org/proj/_git/repo', { owner: 'org/proj', repo: 'repo' }],
    ['https://bitbucket.org/ws/repo', { owner: 'ws', repo: 'repo' }],
  ])('accepts %s', (text, expected) => {
    expect(strict(text)).toEqual({ ok: true, value: expect.objectContaining(expected) });
  });

  it.each([
    ['', /Enter the repository URL/],
    ['not a url', /not a URL/],
    ['ftp://github.com/o/r', /must start with https/],
    ['ssh://git@github.com/o/r', /must start with https/],
    ['https://github.com/o/r?tab=x', /query or fragment/],
    ['https://github.com/o/r#readme', /query or fragment/],
    ['https://github.com/o/r/tree/main', /exactly an owner and a repository/],
    ['https://github.com/o', /exactly an owner and a repository/],
    ['https://git.example.net/a/b/c', /exactly an owner and a repository/],
    ['https://gitlab.com/g/p/-/tree/main', /a group and a project/],
    ['https://dev.azure.com/org/proj/_git/repo/commit/abc', /organization, a project and a repository/],
  ])('refuses %j with a reason', (text, reason) => {
    expect(strict(text)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('host kinds', () => {
  it.each([
    ['github.com', 'github'],
    ['gitlab.com', 'gitlab'],
    ['bitbucket.org', 'bitbucket'],
    ['dev.azure.com', 'azure-devops'],
    ['contoso.visualstudio.com', 'azure-devops'],
    ['ghe.corp:8443', 'github'],
    ['example.com', 'gitlab'],
    ['unknown.example.org', undefined],
  ])('%s is %s', (host, kind) => {
    expect(hostKindOf(host, hosts)?.kind).toBe(kind);
  });

  it('a configured host wins over a public one', () => {
    expect(hostKindOf('github.com', [{ host: 'github.com', kind: 'gitlab' }])?.kind).toBe('gitlab');
  });
});

describe('a host from a configured web URL', () => {
  it.each<[string, KnownHost | undefined]>([
    ['https://gitlab.example.com', { host: 'gitlab.example.com', kind: 'gitlab' }],
    ['https://Example.com/gitlab/', { host: 'example.com', kind: 'gitlab', pathPrefix: '/gitlab' }],
    [
      'http://localhost:8929/git/lab',
      { host: 'localhost:8929', kind: 'gitlab', pathPrefix: '/git/lab', scheme: 'http' },
    ],
    ['https://gitlab.com:443', { host: 'gitlab.com', kind: 'gitlab' }],
    ['', undefined],
    ['gitlab.example.com', undefined],
    ['ssh://git@gitlab.example.com', undefined],
  ])('%j', (webUrl, expected) => {
    expect(knownHostOf(webUrl, 'gitlab')).toEqual(expected);
  });

  it('reads that host’s repository URLs by its layout, below its path', () => {
    const selfManaged = [knownHostOf('https://example.com/gitlab', 'gitlab')!];
    const read = parseRepositoryUrl('https://example.com/gitlab/g/sub/p/-/tree/main', {
      mode: 'lenient',
      hosts: selfManaged,
    });
    expect(read).toMatchObject({ ok: true, value: { kind: 'gitlab', owner: 'g/sub', repo: 'p' } });
    expect(read.ok && read.value.webUrl).toBe('https://example.com/gitlab/g/sub/p');
  });

  it('keeps a web URL served over http for that host’s repository pages, whatever scheme the label used', () => {
    const plain = [knownHostOf('http://gitlab.internal', 'gitlab')!];
    for (const label of ['https://gitlab.internal/g/p', 'git@gitlab.internal:g/p.git']) {
      const read = parseRepositoryUrl(label, { mode: 'lenient', hosts: plain });
      expect(read.ok && read.value.webUrl).toBe('http://gitlab.internal/g/p');
    }
  });
});
