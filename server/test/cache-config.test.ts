/** CACHE_URL and CACHE_TIMEOUT_MS as the environment gives them. */
import { Writable } from 'node:stream';
import { createSharedCache } from '../src/cache/shared-tier';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createMetrics } from '../src/metrics';

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

  it('bounds CACHE_TIMEOUT_MS', () => {
    expect(loadConfig({ ...SECRETS, CACHE_TIMEOUT_MS: '40' }).cacheTimeoutMs).toBe(40);
    expect(problems({ ...SECRETS, CACHE_TIMEOUT_MS: '5' })).toEqual([
      'CACHE_TIMEOUT_MS="5" must be an integer between 10 and 60000',
    ]);
  });

  it('stays off, with a warning at start, without the session secret that seals its values', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      })
    );
    const config = loadConfig({ CACHE_URL: 'redis://:hunter2@valkey:6379' });
    expect(createSharedCache(config, logger, createMetrics())).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      msg: 'CACHE_URL is set but GITHUB_SESSION_SECRET is not: the shared cache stays off',
    });
    expect(lines[0]).not.toContain('hunter2');
  });
});
