/** SESSION_SECRET and GIT_HOST_TIMEOUT_MS name what they do for every host; the GitHub-only names stay aliases. */
import { ConfigError, githubConfigured, gitlabConfigured, loadConfig } from '../src/config';

const SECRET = 'a-session-secret-of-32-characters';
const OTHER = 'another-session-secret-of-32-chars';
const GITHUB = { GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret' };
const GITLAB = { GITLAB_CLIENT_ID: 'id', GITLAB_CLIENT_SECRET: 'secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('neutral names with their old aliases', () => {
  it('reads the session secret from SESSION_SECRET, for GitHub and GitLab alike', () => {
    const config = loadConfig({ ...GITHUB, ...GITLAB, SESSION_SECRET: SECRET });
    expect(config.sessionSecret).toBe(SECRET);
    expect(githubConfigured(config)).toBe(true);
    expect(gitlabConfigured(config)).toBe(true);
  });

  it('still reads GITHUB_SESSION_SECRET when SESSION_SECRET is unset or empty', () => {
    expect(loadConfig({ ...GITLAB, GITHUB_SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(loadConfig({ ...GITLAB, SESSION_SECRET: '', GITHUB_SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
  });

  it('accepts both names when they agree, and refuses to guess when they differ, without echoing either', () => {
    const both = { ...GITHUB, SESSION_SECRET: SECRET, GITHUB_SESSION_SECRET: SECRET };
    expect(loadConfig(both).sessionSecret).toBe(SECRET);
    const found = problems({ ...GITHUB, SESSION_SECRET: SECRET, GITHUB_SESSION_SECRET: OTHER });
    expect(found).toEqual([
      'SESSION_SECRET and GITHUB_SESSION_SECRET (its old name) are both set, to different values: keep only SESSION_SECRET',
    ]);
    expect(found.join()).not.toContain(SECRET);
    expect(found.join()).not.toContain(OTHER);
  });

  it('names the variable the operator actually set when the secret is too short', () => {
    expect(problems({ ...GITHUB, SESSION_SECRET: 'short' })).toEqual([
      'SESSION_SECRET is too short: use at least 16 characters, e.g. `openssl rand -base64 48`',
    ]);
    expect(problems({ ...GITHUB, GITHUB_SESSION_SECRET: 'short' })).toEqual([
      'GITHUB_SESSION_SECRET is too short: use at least 16 characters, e.g. `openssl rand -base64 48`',
    ]);
  });

  it('reads the Git host timeout from GIT_HOST_TIMEOUT_MS, else GITHUB_TIMEOUT_MS, else 10 s', () => {
    expect(loadConfig({}).gitHostTimeoutMs).toBe(10_000);
    expect(loadConfig({ GIT_HOST_TIMEOUT_MS: '2500' }).gitHostTimeoutMs).toBe(2500);
    expect(loadConfig({ GITHUB_TIMEOUT_MS: '3500' }).gitHostTimeoutMs).toBe(3500);
    expect(loadConfig({ GIT_HOST_TIMEOUT_MS: '2500', GITHUB_TIMEOUT_MS: '2500' }).gitHostTimeoutMs).toBe(2500);
  });

  it('checks the timeout under the name it came from, and refuses two different timeouts', () => {
    expect(problems({ GIT_HOST_TIMEOUT_MS: 'soon' })).toEqual([
      'GIT_HOST_TIMEOUT_MS="soon" must be an integer between 100 and 600000',
    ]);
    expect(problems({ GITHUB_TIMEOUT_MS: '5' })).toEqual([
      'GITHUB_TIMEOUT_MS="5" must be an integer between 100 and 600000',
    ]);
    expect(problems({ GIT_HOST_TIMEOUT_MS: '2500', GITHUB_TIMEOUT_MS: '3500' })).toEqual([
      'GIT_HOST_TIMEOUT_MS and GITHUB_TIMEOUT_MS (its old name) are both set, to different values: keep only GIT_HOST_TIMEOUT_MS',
    ]);
  });
});
