/** Bitbucket's settings: defaults, what must be set together, and a server with only Bitbucket. */
import { bitbucketConfigured, ConfigError, githubConfigured, loadConfig } from '../src/config';

const SECRET = 'a-session-secret-of-some-length';
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('Bitbucket settings', () => {
  it("default to the public hosts' URLs and are off without their application", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      bitbucketUrl: 'https://bitbucket.org',
      bitbucketApiUrl: 'https://api.bitbucket.org/2.0',
      bitbucketRepositoryHostAliases: [],
    });
    expect(bitbucketConfigured(config)).toBe(false);
  });

  it('a server with only Bitbucket needs no GitHub App', () => {
    const bitbucketOnly = loadConfig({
      BITBUCKET_CLIENT_ID: 'k',
      BITBUCKET_CLIENT_SECRET: 's',
      SESSION_SECRET: SECRET,
    });
    expect(bitbucketConfigured(bitbucketOnly)).toBe(true);
    expect(githubConfigured(bitbucketOnly)).toBe(false);
    const aliased = loadConfig({ BITBUCKET_REPOSITORY_HOSTS: 'Bitbucket.org, bb.example.com' });
    expect(aliased.bitbucketRepositoryHostAliases).toEqual(['bitbucket.org', 'bb.example.com']);
  });

  it('refuses half an application, a bad URL and a bad alias, saying what to set', () => {
    expect(problems({ BITBUCKET_CLIENT_ID: 'k', SESSION_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET and SESSION_SECRET must be set together/),
    ]);
    expect(problems({ BITBUCKET_API_URL: 'ftp://x' })).toEqual([
      expect.stringMatching(/^BITBUCKET_API_URL="ftp:\/\/x" must be an http\(s\) URL/),
    ]);
    expect(problems({ BITBUCKET_REPOSITORY_HOSTS: 'bitbucket.org, not a host' })).toEqual([
      "BITBUCKET_REPOSITORY_HOSTS: 'not a host' is not a host name",
    ]);
  });
});
