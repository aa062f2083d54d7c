import { parseRepositoryUrl, repositoryLabel, sourceLinks } from './repositoryUrl';

test('parses the forms repository URLs come in, and says why others are not', () => {
  expect(parseRepositoryUrl('https://github.com/o/r.git/')).toEqual({
    ok: true,
    value: { webUrl: 'https://github.com/o/r', host: 'github.com', owner: 'o', repo: 'r' },
  });
  expect(parseRepositoryUrl('git@ghe.corp:team/svc.git')).toMatchObject({
    ok: true,
    value: { webUrl: 'https://ghe.corp/team/svc' },
  });
  expect(parseRepositoryUrl('ftp://github.com/o/r')).toMatchObject({
    ok: false,
    reason: expect.stringMatching(/https/),
  });
  expect(parseRepositoryUrl('https://github.com/o/r/tree/main')).toMatchObject({ ok: false });
  expect(parseRepositoryUrl('https://github.com/o/r?tab=x')).toMatchObject({ ok: false });
  expect(repositoryLabel('https://github.com/linescope-demo/shop-go')).toBe('linescope-demo/shop-go');
  expect(repositoryLabel('not a url')).toBe('not a url');
  // Labels come in more forms than the form accepts: the label and the links read them like the panel does.
  expect(repositoryLabel('ssh://git@ghe.example.com/team/app.git')).toBe('team/app');
});

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
