/** The linescope_gitlab_session cookie: shape, encryption, tenant isolation, and no swapping with GitHub's. */
import { decodeSessionCookie, encodeSessionCookie } from '../src/session/cookie';
import {
  decodeGitlabSessionCookie,
  decryptGitlabToken,
  encodeGitlabSessionCookie,
  encryptGitlabToken,
  gitlabTokenToJson,
} from '../src/hosts/gitlab/cookie';
import { deriveKey, encryptToken, OAuthToken, openText, sealText } from '../src/session/token';

const SECRET = 'a-session-secret-of-some-length';
const key = deriveKey(SECRET, 'anonymous');
const TOKEN: OAuthToken = {
  accessToken: 'gloas-access',
  tokenType: 'Bearer',
  refreshToken: 'gloas-refresh',
  expiry: Date.UTC(2026, 11, 2, 7, 0, 0),
};

describe('GitLab session token', () => {
  it('seals access_token, token_type, refresh_token, expiry (RFC 3339) and provider "gitlab"', () => {
    expect(gitlabTokenToJson(TOKEN)).toBe(
      '{"access_token":"gloas-access","token_type":"Bearer","refresh_token":"gloas-refresh","expiry":"2026-12-02T07:00:00Z","provider":"gitlab"}'
    );
    expect(JSON.parse(openText(encryptGitlabToken(TOKEN, key), key))).toEqual({
      access_token: 'gloas-access',
      token_type: 'Bearer',
      refresh_token: 'gloas-refresh',
      expiry: '2026-12-02T07:00:00Z',
      provider: 'gitlab',
    });
  });

  it('round-trips through the cookie value the plugin writes', () => {
    const cookie = encodeGitlabSessionCookie(encryptGitlabToken(TOKEN, key));
    expect(JSON.parse(Buffer.from(cookie, 'base64').toString())).toEqual({ token: expect.any(String) });
    expect(decodeGitlabSessionCookie(cookie, key)).toEqual(TOKEN);
  });

  it('refuses a payload without a provider: a GitHub session is not a GitLab one', () => {
    const github = encodeSessionCookie(encryptToken(TOKEN, key));
    expect(() => decodeGitlabSessionCookie(github, key)).toThrow('not a GitLab session (no provider in the token)');
  });

  it('refuses a payload of another provider', () => {
    const other = sealText(gitlabTokenToJson(TOKEN).replace('"gitlab"', '"bitbucket"'), key);
    expect(() => decryptGitlabToken(other, key)).toThrow('not a GitLab session (provider "bitbucket")');
    const wrongCase = sealText(gitlabTokenToJson(TOKEN).replace('"provider"', '"Provider"'), key);
    expect(() => decryptGitlabToken(wrongCase, key)).toThrow('not a GitLab session');
  });

  it('the GitHub cookie refuses a GitLab payload, so the swap fails both ways', () => {
    const gitlab = encodeGitlabSessionCookie(encryptGitlabToken(TOKEN, key));
    expect(() => decodeSessionCookie(gitlab, key)).toThrow('the session belongs to "gitlab", not GitHub');
    // GitHub's own sessions (no provider) still decode as before.
    expect(decodeSessionCookie(encodeSessionCookie(encryptToken(TOKEN, key)), key)).toEqual(TOKEN);
  });

  it('isolates tenants: a session sealed for one tenant fails under another', () => {
    const a = encodeGitlabSessionCookie(encryptGitlabToken(TOKEN, deriveKey(SECRET, 'tenant-a')));
    expect(() => decodeGitlabSessionCookie(a, deriveKey(SECRET, 'tenant-b'))).toThrow('message authentication failed');
  });

  it('rejects tampering, garbage, legacy-shaped cookies and empty tokens with a clear error', () => {
    const sealed = Buffer.from(encryptGitlabToken(TOKEN, key), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => decryptGitlabToken(sealed.toString('base64'), key)).toThrow('message authentication failed');
    expect(() => decodeGitlabSessionCookie('not base64!', key)).toThrow('illegal base64 data');
    expect(() => decodeGitlabSessionCookie(Buffer.from('[1').toString('base64'), key)).toThrow('not JSON');
    const legacy = Buffer.from(JSON.stringify({ metadata: encryptGitlabToken(TOKEN, key), expiry: 1 })).toString(
      'base64'
    );
    expect(() => decodeGitlabSessionCookie(legacy, key)).toThrow('has no token');
    const empty = sealText('{"access_token":"","expiry":"0001-01-01T00:00:00Z","provider":"gitlab"}', key);
    expect(() => decryptGitlabToken(empty, key)).toThrow('has no access token');
  });

  it('keeps a token without expiry as never expiring', () => {
    const noExpiry = { accessToken: 'pat', tokenType: 'Bearer' };
    expect(decryptGitlabToken(encryptGitlabToken(noExpiry, key), key)).toEqual({
      ...noExpiry,
      refreshToken: undefined,
      expiry: undefined,
    });
  });
});
