/** Environment parsing: defaults, GitHub Enterprise, and clear messages for bad values. */
import { ConfigError, githubConfigured, loadConfig } from '../src/config';
import { createLogger, redactUrl, scrub } from '../src/log';
import { Writable } from 'node:stream';

describe('configuration from the environment', () => {
  it('has defaults for github.com on port 4041', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4041,
      githubUrl: 'https://github.com',
      githubApiUrl: 'https://api.github.com',
      logLevel: 'info',
      pyroscopeUrl: undefined,
    });
    expect(githubConfigured(config)).toBe(false);
  });

  it('derives the GitHub Enterprise API URL from GITHUB_URL unless given', () => {
    expect(loadConfig({ GITHUB_URL: 'https://ghe.corp.example/' }).githubApiUrl).toBe(
      'https://ghe.corp.example/api/v3'
    );
    expect(
      loadConfig({ GITHUB_URL: 'https://ghe.corp.example', GITHUB_API_URL: 'https://api.ghe.corp.example' })
        .githubApiUrl
    ).toBe('https://api.ghe.corp.example');
  });

  it('lists every problem at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        GITHUB_URL: 'ftp://x',
        GITHUB_CALLBACK_URL: '/a/linescope-app/github/callback',
        PYROSCOPE_URL: 'pyroscope:4040',
        LOG_LEVEL: 'loud',
        GITHUB_CLIENT_ID: 'id',
        GITHUB_SESSION_SECRET: 'short',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      'PORT="eighty" must be an integer between 0 and 65535',
      'GITHUB_CALLBACK_URL="/a/linescope-app/github/callback" must be an http(s) URL, e.g. https://grafana.example.com/a/linescope-app/github/callback',
      'GITHUB_URL="ftp://x" must be an http(s) URL, e.g. https://github.example.com',
      'PYROSCOPE_URL="pyroscope:4040" must be an http(s) URL, e.g. http://pyroscope:4040',
      'LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
      'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SESSION_SECRET must be set together (set all three to enable GitHub, or none)',
      'GITHUB_SESSION_SECRET is too short: use at least 16 characters, e.g. `openssl rand -base64 48`',
    ]);
  });

  it('never repeats the password of a URL it refuses', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PYROSCOPE_URL: 'ftp://pyro:pw-s3cret@pyroscope:4040', CACHE_URL: 'http://:cache-s3cret@valkey' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      'PYROSCOPE_URL="ftp://[redacted]@pyroscope:4040" must be an http(s) URL, e.g. http://pyroscope:4040',
      'CACHE_URL must be a redis:// or rediss:// URL, e.g. redis://:password@valkey:6379/0',
    ]);
  });

  it("takes PYROSCOPE_URL's user and password out of the URL, as basic auth", () => {
    const config = loadConfig({ PYROSCOPE_URL: 'https://linescope:p%40ss@pyroscope.example/base/' });
    expect(config.pyroscopeUrl).toBe('https://pyroscope.example/base');
    expect(config.pyroscopeAuthorization).toBe(`Basic ${Buffer.from('linescope:p@ss').toString('base64')}`);
    const plain = loadConfig({ PYROSCOPE_URL: 'http://pyroscope:4040' });
    expect(plain.pyroscopeUrl).toBe('http://pyroscope:4040');
    expect(plain.pyroscopeAuthorization).toBeUndefined();
  });
});

describe('logs', () => {
  it('never contain tokens, cookies or codes', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        token: 'ghu_secret1',
        authorizationCode: 'code123',
        headers: { cookie: 'pyroscope_git_session=abc', authorization: 'Bearer ghu_x' },
      },
      'login'
    );
    logger.info(
      {
        err: scrub('POST /login/oauth/access_token?code=abc&client_secret=s3 failed for ghu_abcdef with token ghr_zzz'),
      },
      'failed'
    );
    logger.warn({
      err: scrub('connect to redis://default:hunter2@valkey:6379, http://u:pw2@p and https://tok4@h failed'),
    });
    logger.info({ cache: redactUrl('rediss://user:hunter3@cache:6380/2') }, 'started');
    expect(out).not.toMatch(/ghu_secret1|code123|pyroscope_git_session=abc|ghu_x|abcdef|ghr_zzz|=s3|code=abc/);
    expect(out).not.toMatch(/hunter2|hunter3|pw2|tok4/);
    expect(out).toContain('redis://[redacted]@valkey:6379');
    expect(out).toContain('rediss://user:%5Bredacted%5D@cache:6380/2');
    expect(out).toContain('[redacted]');
  });
});
