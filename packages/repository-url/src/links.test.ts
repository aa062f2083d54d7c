import { hostLinks } from './index';

const SHA = '566858d100226d94880ccb1d3dd2f25b153148ce';

describe('hostLinks', () => {
  it('GitHub (and Enterprise): blob, blame and commit pages, #L anchors', () => {
    expect(
      hostLinks({
        kind: 'github',
        webUrl: 'https://github.com/o/r',
        ref: SHA,
        refIsSha: true,
        path: 'pkg/a b.go',
        line: 12,
        sha: SHA,
      })
    ).toEqual({
      file: `https://github.com/o/r/blob/${SHA}/pkg/a%20b.go#L12`,
      blame: `https://github.com/o/r/blame/${SHA}/pkg/a%20b.go#L12`,
      commit: `https://github.com/o/r/commit/${SHA}`,
    });
  });

  it.each(['github', 'gitlab', 'bitbucket'] as const)(
    '%s: a path given from the root (/src/a.go) is the same file, never a doubled slash',
    (kind) => {
      const links = hostLinks({
        kind,
        webUrl: 'https://host.example/o/r',
        ref: SHA,
        refIsSha: true,
        path: '/src/a.go',
        sha: SHA,
      });
      expect(links.file).toMatch(new RegExp(`/${SHA}/src/a\\.go$`));
      expect(links.file!.replace('https://', '')).not.toContain('//');
    }
  );

  it('GitLab (nested groups, self-managed under a path): the /-/ pages', () => {
    expect(
      hostLinks({
        kind: 'gitlab',
        webUrl: 'https://example.com/gitlab/group/sub/project',
        ref: 'release/1.x',
        refIsSha: false,
        path: 'cmd/main.go',
        line: 3,
        sha: SHA,
      })
    ).toEqual({
      file: 'https://example.com/gitlab/group/sub/project/-/blob/release/1.x/cmd/main.go#L3',
      blame: 'https://example.com/gitlab/group/sub/project/-/blame/release/1.x/cmd/main.go#L3',
      commit: `https://example.com/gitlab/group/sub/project/-/commit/${SHA}`,
    });
  });

  it('Bitbucket Cloud: src, annotate and commits pages, #lines- anchors', () => {
    expect(
      hostLinks({
        kind: 'bitbucket',
        webUrl: 'https://bitbucket.org/ws/repo',
        ref: 'main',
        refIsSha: false,
        path: 'a.py',
        line: 7,
        sha: SHA,
      })
    ).toEqual({
      file: 'https://bitbucket.org/ws/repo/src/main/a.py#lines-7',
      blame: 'https://bitbucket.org/ws/repo/annotate/main/a.py#lines-7',
      commit: `https://bitbucket.org/ws/repo/commits/${SHA}`,
    });
  });

  it('Azure DevOps: path and version in the query (GC commit, GB branch, GT tag), the line selected, blame', () => {
    const links = hostLinks({
      kind: 'azure-devops',
      webUrl: 'https://dev.azure.com/org/My%20Project/_git/repo',
      ref: SHA,
      refIsSha: true,
      path: 'src/Main.java',
      line: 40,
      sha: SHA,
    });
    const file = new URL(links.file as string);
    expect(`${file.origin}${file.pathname}`).toBe('https://dev.azure.com/org/My%20Project/_git/repo');
    expect(Object.fromEntries(file.searchParams)).toEqual({
      path: '/src/Main.java',
      version: `GC${SHA}`,
      line: '40',
      lineEnd: '41',
      lineStartColumn: '1',
      lineEndColumn: '1',
      lineStyle: 'plain',
      _a: 'contents',
    });
    expect(new URL(links.blame as string).searchParams.get('_a')).toBe('blame');
    expect(links.commit).toBe(`https://dev.azure.com/org/My%20Project/_git/repo/commit/${SHA}`);
    const branch = hostLinks({
      kind: 'azure-devops',
      webUrl: 'https://org.visualstudio.com/p/_git/r',
      ref: 'main',
      refIsSha: false,
      path: 'x',
    });
    expect(new URL(branch.file as string).searchParams.get('version')).toBe('GBmain');
    const tag = hostLinks({
      kind: 'azure-devops',
      webUrl: 'https://dev.azure.com/o/p/_git/r',
      ref: 'tags/v1.0.0',
      refIsSha: false,
      path: 'x',
    });
    expect(new URL(tag.file as string).searchParams.get('version')).toBe('GTv1.0.0');
  });

  it('gives only the commit link without a path, and nothing without a commit', () => {
    expect(hostLinks({ kind: 'gitlab', webUrl: 'https://gitlab.com/g/p', ref: 'main', refIsSha: false })).toEqual({
      file: undefined,
      blame: undefined,
      commit: undefined,
    });
    expect(
      hostLinks({
        kind: 'azure-devops',
        webUrl: 'https://dev.azure.com/o/p/_git/r',
        ref: 'main',
        refIsSha: false,
        sha: SHA,
      })
    ).toEqual({
      commit: `https://dev.azure.com/o/p/_git/r/commit/${SHA}`,
    });
  });
});
