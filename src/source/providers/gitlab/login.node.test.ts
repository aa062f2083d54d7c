import { pkcePair } from '../../core/pkce';
import { gitLabAuthorizeUrl, GITLAB_STATE_PREFIX } from './login';

describe('GitLab login', () => {
  it("builds GitLab's authorize URL: code flow, read_api, the callback page, the state and a PKCE S256 challenge", () => {
    const url = new URL(
      gitLabAuthorizeUrl(
        {
          clientId: 'app-id',
          authorizeUrl: 'https://example.com/gitlab/oauth/authorize',
          scope: 'read_api',
          callbackUrl: '',
          webUrl: 'https://example.com/gitlab',
        } as never,
        `${GITLAB_STATE_PREFIX}abc`,
        'https://grafana.example.com/a/linescope-app/github/callback',
        'challenge'
      )
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://example.com/gitlab/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-id',
      redirect_uri: 'https://grafana.example.com/a/linescope-app/github/callback',
      response_type: 'code',
      state: 'gitlab.abc',
      scope: 'read_api',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
    });
  });

  it('makes a PKCE pair whose challenge is the base64url SHA-256 of the verifier', async () => {
    const { verifier, challenge } = await pkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const expected = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(challenge).toBe(expected);
    expect((await pkcePair()).verifier).not.toBe(verifier);
  });

  const app = (authorizeUrl: string, webUrl: string) =>
    ({ clientId: 'app-id', authorizeUrl, scope: 'read_api', callbackUrl: '', webUrl }) as never;
  const build = (authorizeUrl: string, webUrl = 'https://gitlab.example.com') =>
    gitLabAuthorizeUrl(app(authorizeUrl, webUrl), 'gitlab.s', 'https://grafana.example.com/cb', 'challenge');

  it.each([
    ['javascript:alert(document.domain)//https://gitlab.example.com/oauth/authorize'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['https://evil.example/oauth/authorize'],
    ['https://gitlab.example.com.evil.example/oauth/authorize'],
    ['https://user:pass@gitlab.example.com/oauth/authorize'],
    ['http://gitlab.example.com/oauth/authorize'],
    ['not a url'],
  ])('refuses an authorize page that is not on the GitLab the server names: %j', (authorizeUrl) => {
    expect(() => build(authorizeUrl)).toThrow(/GitLab authorize page/);
  });

  it('takes http for a GitLab the server configured with http, on that host only', () => {
    const webUrl = 'http://gitlab.internal:8080';
    expect(build('http://gitlab.internal:8080/oauth/authorize', webUrl)).toMatch(
      /^http:\/\/gitlab\.internal:8080\/oauth\/authorize\?client_id=app-id&/
    );
    expect(() => build('http://gitlab.internal:9090/oauth/authorize', webUrl)).toThrow(/GitLab authorize page/);
    expect(() => build('https://gitlab.example.com/oauth/authorize', '')).toThrow(/GitLab authorize page/);
  });
});
