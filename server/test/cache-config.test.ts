/** CACHE_URL and CACHE_TIMEOUT_MS as the environment gives them. */
import { ConfigError, loadConfig } from '../src/config';

const SECRETS = {
  GITHUB_CLIENT_ID: 'id',
  GITHUB_CLIENT_SECRET: 'secret',
  GITHUB_SESSION_SECRET: 'a-session-secret-of-enough-length',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('CACHE_URL', () => {
  it('is off unless set', () => {
    expect(loadConfig(SECRETS).cacheUrl).toBeUndefined();
    expect(loadConfig({ ...SECRETS, CACHE_URL: '  ' }).cacheUrl).toBeUndefined();
  });

  it.each(['redis://valkey:6379', 'rediss://user:pw@cache.example.com:6380/2', 'redis://:pw@10.0.0.5/0'])(
    'takes %s with a short default timeout',
    (url) => {
      const config = loadConfig({ ...SECRETS, CACHE_URL: url });
      expect(config.cacheUrl).toBe(url);
      expect(config.cacheTimeoutMs).toBe(250);
    }
  );

  it.each(['http://valkey:6379', 'valkey:6379', 'redis://', 'not a url :pw@'])(
    'refuses %s without echoing it (it may hold a password)',
    (url) => {
      const found = problems({ ...SECRETS, CACHE_URL: url.replace(':pw@', ':hunter2@') });
      expect(found).toEqual(['CACHE_URL must be a redis:// or rediss:// URL, e.g. redis://:password@valkey:6379/0']);
      expect(found.join()).not.toContain('hunter2');
    }
  );

  it('needs the session secret, which keys and seals its values', () => {
    expect(problems({ CACHE_URL: 'redis://valkey:6379' })).toEqual([
      'CACHE_URL needs GITHUB_SESSION_SECRET: the shared cache keys and seals its values with it',
    ]);
  });

  it('bounds CACHE_TIMEOUT_MS', () => {
    expect(loadConfig({ ...SECRETS, CACHE_TIMEOUT_MS: '40' }).cacheTimeoutMs).toBe(40);
    expect(problems({ ...SECRETS, CACHE_TIMEOUT_MS: '5' })).toEqual([
      'CACHE_TIMEOUT_MS="5" must be an integer between 10 and 60000',
    ]);
  });
});
