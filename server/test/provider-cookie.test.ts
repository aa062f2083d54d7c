/** The Bitbucket and Azure DevOps session cookies: shape, encryption, tenant isolation, and no swapping. */
import { azureDevopsCookie } from '../src/hosts/azure-devops/cookie';
import { bitbucketCookie } from '../src/hosts/bitbucket/cookie';
import { encodeSessionCookie } from '../src/session/cookie';
import { encodeGitLabSessionCookie, encryptGitLabToken } from '../src/hosts/gitlab/cookie';
import { deriveKey, encryptToken, OAuthToken, openText } from '../src/session/token';

const key = deriveKey('a-session-secret-of-some-length', 'anonymous');
const TOKEN: OAuthToken = {
  accessToken: 'bb-access',
  tokenType: 'Bearer',
  refreshToken: 'bb-refresh',
  expiry: Date.UTC(2026, 11, 2, 7, 0, 0),
};
/** The cookie value the plugin writes from a login's `token` field. */
const cookieOf = (sealed: string) => Buffer.from(JSON.stringify({ token: sealed })).toString('base64');

describe.each([
  [bitbucketCookie, 'linescope_bitbucket_session', 'bitbucket', 'Bitbucket'],
  [azureDevopsCookie, 'linescope_azure_devops_session', 'azure-devops', 'Azure DevOps'],
])('%s', (cookie, name, provider, hostName) => {
  it('seals the token with its provider and opens the cookie the plugin writes', () => {
    expect(cookie.name).toBe(name);
    const sealed = cookie.seal(TOKEN, key);
    expect(JSON.parse(openText(sealed, key))).toEqual({
      access_token: 'bb-access',
      token_type: 'Bearer',
      refresh_token: 'bb-refresh',
      expiry: '2026-12-02T07:00:00Z',
      provider,
    });
    expect(cookie.open(cookieOf(sealed), key)).toEqual(TOKEN);
  });

  it("refuses another tenant's key, a GitHub or GitLab session, the other new host's, and garbage", () => {
    const sealed = cookie.seal(TOKEN, key);
    expect(() => cookie.open(cookieOf(sealed), deriveKey('a-session-secret-of-some-length', 'tenant-b'))).toThrow();
    expect(() => cookie.open(encodeSessionCookie(encryptToken(TOKEN, key)), key)).toThrow(
      `not a ${hostName} session (no provider in the token)`
    );
    expect(() => cookie.open(encodeGitLabSessionCookie(encryptGitLabToken(TOKEN, key)), key)).toThrow(
      `not a ${hostName} session (provider "gitlab")`
    );
    const other = cookie === bitbucketCookie ? azureDevopsCookie : bitbucketCookie;
    expect(() => cookie.open(cookieOf(other.seal(TOKEN, key)), key)).toThrow(/provider "/);
    expect(() => cookie.open('not base64 json', key)).toThrow(`the ${hostName} session cookie is not JSON`);
    expect(() => cookie.open(Buffer.from('{"metadata":"x"}').toString('base64'), key)).toThrow(/has no token/);
    expect(() => cookie.open(cookieOf(cookie.seal({ ...TOKEN, accessToken: '' }, key)), key)).toThrow(
      /has no access token/
    );
  });
});
