import { LabelsError } from '../src/errors';
import { normaliseRepositoryUrl } from '../src/repositoryUrl';

describe('normaliseRepositoryUrl', () => {
  it.each([
    ['https://github.com/linescope-demo/shop-go', 'https://github.com/linescope-demo/shop-go'],
    ['https://github.com/linescope-demo/shop-go.git', 'https://github.com/linescope-demo/shop-go'],
    ['https://github.com/linescope-demo/shop-go/', 'https://github.com/linescope-demo/shop-go'],
    ['https://github.com/linescope-demo/shop-go.git/', 'https://github.com/linescope-demo/shop-go'],
    ['git@github.com:linescope-demo/shop-go.git', 'https://github.com/linescope-demo/shop-go'],
    ['github.com:linescope-demo/shop-go', 'https://github.com/linescope-demo/shop-go'],
    ['ssh://git@github.com/linescope-demo/shop-go.git', 'https://github.com/linescope-demo/shop-go'],
    ['ssh://git@gitlab.example.com:2222/group/sub/project.git', 'https://gitlab.example.com/group/sub/project'],
    ['git+ssh://git@github.com/o/r.git', 'https://github.com/o/r'],
    ['git://github.com/o/r.git', 'https://github.com/o/r'],
    ['https://x-access-token:ghs_secret@github.com/o/r.git', 'https://github.com/o/r'],
    ['https://gitlab-ci-token:glcbt-64_secret@gitlab.com/group/project.git', 'https://gitlab.com/group/project'],
    ['https://oauth2@GitHub.COM/o/r', 'https://github.com/o/r'],
    ['http://git.internal:8080/team/repo.git', 'http://git.internal:8080/team/repo'],
    ['https://github.com/o/r.git?ref=main#readme', 'https://github.com/o/r'],
    ['git@ssh.dev.azure.com:v3/org/project/repo', 'https://dev.azure.com/org/project/_git/repo'],
    ['https://org@dev.azure.com/org/project/_git/repo', 'https://dev.azure.com/org/project/_git/repo'],
    ['  git@bitbucket.org:team/repo.git\n', 'https://bitbucket.org/team/repo'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRepositoryUrl(input)).toBe(expected);
  });

  it.each([
    'https://x-access-token:ghs_secret@github.com',
    'https://x-access-token:ghs_secret@github.com/',
    'https://oauth2:glpat-secret@gitlab.example.com:99999/g/p.git',
    'ftp://deploy:ghs_secret@host.example/o/r',
    'https://ghs_secret@/o/r',
  ])('never quotes the credentials of %s in its refusal', (input) => {
    let message = '';
    try {
      normaliseRepositoryUrl(input);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toMatch(/secret/);
    expect(message).toMatch(/:\/\/\*\*\*@/);
  });

  it('never keeps credentials, whatever the form', () => {
    for (const input of [
      'https://user:pa%40ss@github.com/o/r',
      'ssh://deploy:secret@host.example/o/r.git',
      'https://token@github.com/o/r',
    ]) {
      const out = normaliseRepositoryUrl(input);
      expect(out).not.toMatch(/secret|pa%40ss|token|user|deploy|@/);
      expect(out.startsWith('https://')).toBe(true);
    }
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['/srv/git/repo.git', /local path/],
    ['../repo', /local path/],
    ['file:///srv/git/repo.git', /local path/],
    ['C:\\repos\\r', /local path/],
    ['https://github.com/', /no repository path/],
    ['git@github.com:', /not a repository URL|no repository path/],
    ['ftp://example.com/o/r', /has no web address/],
    ['not a url', /not a repository URL/],
    ['git@github.com:o/../r', /no repository path/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => normaliseRepositoryUrl(input)).toThrow(LabelsError);
    expect(() => normaliseRepositoryUrl(input)).toThrow(message);
  });
});
