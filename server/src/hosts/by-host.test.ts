/** Reading each repository from the host it lives on, and never from a host that is not configured. */
import { HostNotConfiguredError, readerByHost } from './by-host';

const repo = (webUrl: string) => ({ owner: 'o', repo: 'r', fullName: 'o/r', webUrl });
const reader = (name: string) => ({
  readFile: async () => ({ content: Buffer.from(name), url: name }),
  listFiles: async () => new Set([name]),
});

describe('readerByHost', () => {
  it('reads from the host whose web URL the repository is under, the longest one first', async () => {
    const byHost = readerByHost([
      { name: 'GitHub', webUrl: 'https://example.com', reader: reader('github') },
      { name: 'GitLab', webUrl: 'https://example.com/gitlab', reader: reader('gitlab') },
    ]);
    expect((await byHost.readFile(repo('https://example.com/gitlab/o/r'), 'a', '')).url).toBe('gitlab');
    expect((await byHost.readFile(repo('https://example.com/o/r'), 'a', '')).url).toBe('github');
    expect(await byHost.listFiles(repo('https://example.com/gitlabby/r'), '')).toEqual(new Set(['github']));
  });

  it('refuses a host that is not configured, or none at all, without calling anything', async () => {
    const byHost = readerByHost([
      { name: 'GitHub', webUrl: 'https://github.com', reader: undefined },
      { name: 'GitLab', webUrl: 'https://gitlab.com', reader: reader('gitlab') },
    ]);
    await expect(byHost.readFile(repo('https://github.com/golang/go'), 'a', '')).rejects.toThrow(
      new HostNotConfiguredError('GitHub is not configured on this server (https://github.com)')
    );
    await expect(byHost.listFiles(repo('https://bitbucket.org/o/r'), '')).rejects.toThrow(
      'https://bitbucket.org/o/r is on no configured Git host'
    );
  });
});
