import { safeLinkUrl } from '../../../domain/safeUrl';
import { gitHubHostsOf } from './app';

describe('gitHubHostsOf: the configured GitHub, from GithubApp’s authorize page', () => {
  it('adds nothing for github.com, an empty or a broken URL', () => {
    expect(gitHubHostsOf('https://github.com/login/oauth/authorize')).toEqual([]);
    expect(gitHubHostsOf('')).toEqual([]);
    expect(gitHubHostsOf(undefined)).toEqual([]);
    expect(gitHubHostsOf('not a url')).toEqual([]);
  });

  it('an Enterprise or local GitHub over http may then be linked to over http, and no other http host', () => {
    const hosts = gitHubHostsOf('http://127.0.0.1:3001/login/oauth/authorize');
    expect(hosts).toEqual([expect.objectContaining({ host: '127.0.0.1:3001', kind: 'github' })]);
    const file = 'http://127.0.0.1:3001/nodejs/node/blob/v20.20.2/lib/crypto.js';
    expect(safeLinkUrl(file)).toBeUndefined();
    expect(safeLinkUrl(file, { hosts })).toBe(file);
    expect(safeLinkUrl('http://127.0.0.1:9999/x', { hosts })).toBeUndefined();
    expect(safeLinkUrl('javascript:alert(1)', { hosts })).toBeUndefined();
  });
});
