/** The host table: one entry per host, each with its own session cookie, and who answers on this server. */
import { loadConfig } from '../src/config';
import { createMetrics } from '../src/metrics';
import { createServerHosts, HOST_TABLE, hostOfKind } from '../src/hosts/table';

const SECRET = 'a-session-secret-of-enough-length-0123456789';
const context = () => ({ metrics: createMetrics(), now: () => 0 });
const served = (env: Record<string, string>) =>
  createServerHosts(loadConfig(env), context())
    .filter((h) => h.serves)
    .map((h) => h.entry.kind);

describe('the host table', () => {
  it('holds each host once, each with a cookie of its own', () => {
    const kinds = HOST_TABLE.map((e) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const cookies = HOST_TABLE.map((e) => e.login?.cookie.name);
    expect(new Set(cookies).size).toBe(cookies.length);
    // vcs.v1 stays Pyroscope's: GitHub's cookie is pyroscope_git_session.
    expect(hostOfKind(createServerHosts(loadConfig({}), context()), 'github').login?.entry.cookie.name).toBe(
      'pyroscope_git_session'
    );
  });

  it('serves the configured hosts, and the default one (GitHub) when none is', () => {
    expect(served({})).toEqual(['github']);
    const gitlab = { GITLAB_CLIENT_ID: 'id', GITLAB_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
    expect(served(gitlab)).toEqual(['gitlab']);
    const github = { GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
    expect(served({ ...github, ...gitlab })).toEqual(['github', 'gitlab']);
    const azure = { AZURE_DEVOPS_CLIENT_ID: 'id', AZURE_DEVOPS_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
    expect(served(azure)).toEqual(['azure-devops']);
    expect(served({ ...github, ...azure })).toEqual(['github', 'azure-devops']);
  });

  it('seals a session with one host’s cookie that no other host opens', () => {
    const key = Buffer.alloc(32, 7);
    const token = { accessToken: 'a-token', tokenType: 'Bearer' };
    const logins = HOST_TABLE.flatMap((e) => (e.login ? [{ kind: e.kind, cookie: e.login.cookie }] : []));
    expect(logins.map((l) => l.kind)).toEqual(['github', 'gitlab', 'bitbucket', 'azure-devops']);
    for (const sealer of logins) {
      const sealed = Buffer.from(JSON.stringify({ token: sealer.cookie.seal(token, key) })).toString('base64');
      expect(sealer.cookie.open(sealed, key).accessToken).toBe('a-token');
      // Pyroscope's cookie (GitHub's) names no provider, so it opens any sealed token; the others refuse a stranger's.
      for (const other of logins.filter((e) => e !== sealer && e.kind !== 'github')) {
        expect(() => other.cookie.open(sealed, key)).toThrow();
      }
    }
  });
});
