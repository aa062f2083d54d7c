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
