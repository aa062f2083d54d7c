import { sourceLinks } from './links';

test('links: from GetFile’s URL when the server found the file, else built from repository, ref and path', () => {
  expect(
    sourceLinks({
      repository: 'https://github.com/o/r',
      ref: 'main',
      commitSha: 'abc123',
      path: 'x/y.go',
      line: 12,
      fileUrl: 'https://github.com/golang/go/blob/go1.19.8/src/strings/strings.go',
    })
  ).toEqual({
    file: 'https://github.com/golang/go/blob/go1.19.8/src/strings/strings.go#L12',
    blame: 'https://github.com/golang/go/blame/go1.19.8/src/strings/strings.go#L12',
    commit: 'https://github.com/o/r/commit/abc123',
  });
  expect(sourceLinks({ repository: 'https://github.com/o/r', ref: 'v1', path: 'a.py' })).toEqual({
    file: 'https://github.com/o/r/blob/v1/a.py',
    blame: 'https://github.com/o/r/blame/v1/a.py',
    commit: 'https://github.com/o/r/commit/v1',
  });
  expect(sourceLinks({ repository: 'ssh://git@ghe.example.com/team/app.git', ref: 'v1', path: 'a.py' })).toEqual({
    file: 'https://ghe.example.com/team/app/blob/v1/a.py',
    blame: 'https://ghe.example.com/team/app/blame/v1/a.py',
    commit: 'https://ghe.example.com/team/app/commit/v1',
  });
  expect(sourceLinks({})).toEqual({ file: undefined, blame: undefined, commit: undefined });
});

test('links on GitLab, Bitbucket Cloud and Azure DevOps, built from the repository URL and ref', () => {
  const sha = '566858d100226d94880ccb1d3dd2f25b153148ce';
  expect(
    sourceLinks({ repository: 'git@gitlab.com:group/sub/app.git', ref: 'main', commitSha: sha, path: 'a.go', line: 3 })
  ).toEqual({
    file: `https://gitlab.com/group/sub/app/-/blob/${sha}/a.go#L3`,
    blame: `https://gitlab.com/group/sub/app/-/blame/${sha}/a.go#L3`,
    commit: `https://gitlab.com/group/sub/app/-/commit/${sha}`,
  });
  // GetFile's GitLab page of the file: its blame twin.
  expect(
    sourceLinks({
      repository: 'https://gitlab.com/g/app',
      ref: sha,
      path: 'a.go',
      line: 9,
      fileUrl: `https://gitlab.com/g/app/-/blob/${sha}/a.go`,
    })
  ).toEqual({
    file: `https://gitlab.com/g/app/-/blob/${sha}/a.go#L9`,
    blame: `https://gitlab.com/g/app/-/blame/${sha}/a.go#L9`,
    commit: `https://gitlab.com/g/app/-/commit/${sha}`,
  });
  expect(sourceLinks({ repository: 'https://bitbucket.org/ws/repo', ref: 'v1', path: 'a.py', line: 2 })).toEqual({
    file: 'https://bitbucket.org/ws/repo/src/v1/a.py#lines-2',
    blame: 'https://bitbucket.org/ws/repo/annotate/v1/a.py#lines-2',
    commit: 'https://bitbucket.org/ws/repo/commits/v1',
  });
  const azure = sourceLinks({
    repository: 'https://dev.azure.com/org/proj/_git/repo',
    ref: 'main',
    commitSha: sha,
    path: 'src/A.java',
    line: 5,
  });
  expect(azure.file).toBe(
    `https://dev.azure.com/org/proj/_git/repo?path=%2Fsrc%2FA.java&version=GC${sha}&line=5&lineEnd=6&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`
  );
  expect(azure.commit).toBe(`https://dev.azure.com/org/proj/_git/repo/commit/${sha}`);
  expect(
    sourceLinks({ repository: 'https://org.visualstudio.com/proj/_git/repo', ref: 'main', path: 'x' }).blame
  ).toMatch(/^https:\/\/org\.visualstudio\.com\/proj\/_git\/repo\?path=%2Fx&version=GBmain&_a=blame$/);
});

test("GetFile's page of the file on Bitbucket or Azure DevOps: the links take the line the host's way, with its blame", () => {
  const sha = '566858d100226d94880ccb1d3dd2f25b153148ce';
  // The source server's own host (a stand-in over http, as the standalone stack's doubles are) may serve the page.
  const doubles = [{ host: '127.0.0.1:4100', kind: 'bitbucket' as const, scheme: 'http' as const }];
  expect(
    sourceLinks({
      repository: 'https://bitbucket.org/ws/repo',
      ref: 'main',
      commitSha: sha,
      path: 'catalog/search.go',
      line: 9,
      fileUrl: `http://127.0.0.1:4100/ws/repo/src/${sha}/catalog/search.go`,
      hosts: doubles,
    })
  ).toEqual({
    file: `https://bitbucket.org/ws/repo/src/${sha}/catalog/search.go#lines-9`,
    blame: `https://bitbucket.org/ws/repo/annotate/${sha}/catalog/search.go#lines-9`,
    commit: `https://bitbucket.org/ws/repo/commits/${sha}`,
  });
  const azure = sourceLinks({
    repository: 'https://dev.azure.com/org/proj/_git/repo',
    ref: sha,
    path: 'catalog/search.go',
    line: 9,
    fileUrl: `https://dev.azure.com/org/proj/_git/repo?path=%2Fcatalog%2Fsearch.go&version=GC${sha}`,
  });
  expect(azure.file).toMatch(/[?&]line=9&.*&_a=contents$/);
  expect(azure.blame).toMatch(/[?&]line=9&.*&_a=blame$/);
  expect(azure.file).not.toContain('#L');
  // A page the links cannot be built beside (no repository) is still the file's link, as it is.
  expect(sourceLinks({ fileUrl: `https://bitbucket.org/ws/repo/src/${sha}/a.go` }).file).toBe(
    `https://bitbucket.org/ws/repo/src/${sha}/a.go`
  );
});

describe('links pass the URL policy', () => {
  const repository = 'https://github.com/o/r';
  it.each([
    'javascript:alert(document.domain)//https://github.com/o/r/blob/main/a.go',
    'JaVaScRiPt:alert(1)//x/blob/y',
    ' javascript:alert(1)',
    'java\tscript:alert(1)//x/blob/y',
    'data:text/html,<script>alert(1)</script>/blob/',
    'vbscript:msgbox(1)',
    '//evil.example/o/r/blob/main/a.go',
    'http://github.com/o/r/blob/main/a.go',
    'https://user:pass@github.com/o/r/blob/main/a.go',
  ])('a hostile GetFile URL is ignored; the links are built from the repository: %j', (fileUrl) => {
    const links = sourceLinks({ repository, ref: 'main', path: 'a.go', line: 2, fileUrl });
    expect(links).toEqual({
      file: 'https://github.com/o/r/blob/main/a.go#L2',
      blame: 'https://github.com/o/r/blame/main/a.go#L2',
      commit: 'https://github.com/o/r/commit/main',
    });
  });

  it('http links only for a host the server configured with http', () => {
    const selfManaged = [{ host: 'gitlab.internal', kind: 'gitlab' as const, scheme: 'http' as const }];
    const args = { repository: 'http://gitlab.internal/g/app', ref: 'v1', path: 'a.go' };
    expect(sourceLinks({ ...args, hosts: selfManaged }).file).toBe('http://gitlab.internal/g/app/-/blob/v1/a.go');
    expect(
      sourceLinks({ ...args, hosts: selfManaged, fileUrl: 'http://gitlab.internal/g/app/-/blob/v1/a.go' }).blame
    ).toBe('http://gitlab.internal/g/app/-/blame/v1/a.go');
    // The same GetFile URL on a host the server did not configure with http: not a link.
    expect(sourceLinks({ ...args, fileUrl: 'http://other.internal/g/app/-/blob/v1/a.go' })).toEqual({
      file: 'https://gitlab.internal/g/app/blob/v1/a.go',
      blame: 'https://gitlab.internal/g/app/blame/v1/a.go',
      commit: 'https://gitlab.internal/g/app/commit/v1',
    });
  });
});
