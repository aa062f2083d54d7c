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
