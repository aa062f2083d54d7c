/**
 * Opened sessions are kept a minute so that a hot client's cookie is decrypted once, without changing what a
 * cookie is worth: an expired token is refused even while its session is kept, a cookie opens only for the
 * tenant it was sealed for, and a cookie that does not open is refused every time.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { OpenedSessions } from '../src/session/opened-sessions';
import { OAuthToken } from '../src/session/token';
import { rpc, sessionCookie, Stack, startStack, tempDir } from './helpers';

describe('OpenedSessions', () => {
  let now = 1_000_000;
  const sessions = () => new OpenedSessions({ maxBytes: 64 * 1024, ttlMs: 60_000, now: () => now });
  const token = (accessToken: string): OAuthToken => ({ accessToken, tokenType: 'bearer' });

  it('opens a cookie once per TTL, per tenant', () => {
    const opened = sessions();
    const open = jest.fn(() => token('ghu_a'));
    expect(opened.open('anonymous', 'cookie-a', open)).toEqual(token('ghu_a'));
    now += 59_000;
    expect(opened.open('anonymous', 'cookie-a', open)).toEqual(token('ghu_a'));
    expect(open).toHaveBeenCalledTimes(1);
    opened.open('tenant-2', 'cookie-a', open);
    expect(open).toHaveBeenCalledTimes(2);
    now += 1_001;
    opened.open('anonymous', 'cookie-a', open);
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('keeps no failure: a cookie that does not open is opened (and fails) again', () => {
    const opened = sessions();
    const open = jest.fn((): OAuthToken => {
      throw new Error('cipher: message authentication failed');
    });
    expect(() => opened.open('anonymous', 'bad', open)).toThrow('authentication failed');
    expect(() => opened.open('anonymous', 'bad', open)).toThrow('authentication failed');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('shares a frozen token, and forgets the oldest sessions past its size', () => {
    const opened = sessions();
    const first = opened.open('anonymous', 'cookie-0', () => token('ghu_0'));
    expect(Object.isFrozen(first)).toBe(true);
    for (let i = 1; i < 2000; i++) {
      opened.open('anonymous', `cookie-${i}`, () => token(`ghu_${i}`));
    }
    const open = jest.fn(() => token('ghu_0'));
    opened.open('anonymous', 'cookie-0', open);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('GitHub session cookies with opened sessions kept', () => {
  const tmp = tempDir('opened-sessions');
  const repo = createFixtureRepo(tmp.dir, 'acme/app', [{ files: { 'main.go': 'package main\n' } }]);
  let stack: Stack;
  let now = Date.now();

  beforeAll(async () => {
    stack = await startStack([{ fullName: 'acme/app', dir: repo.dir }], { now: () => now });
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  const getFile = (headers: Record<string, string>) =>
    rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' },
      headers
    );
  /** A cookie for a token of the double that GitHub accepts forever, sealed with an expiry of the server's clock. */
  const cookieExpiringAt = (expiry: number, tenant = 'anonymous') =>
    sessionCookie(
      { accessToken: stack.double.issueToken('alice', 0).accessToken, tokenType: 'bearer', expiry },
      tenant
    );

  it('refuses a token once it expires, though its session was opened seconds before', async () => {
    const cookie = cookieExpiringAt(now + 10_000);
    expect((await getFile({ cookie })).status).toBe(200);
    now += 10_001;
    expect(await getFile({ cookie })).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated', message: 'token is expired' },
    });
  });

  it("opens a cookie only for the tenant it was sealed for, even while that tenant's session is kept", async () => {
    const cookie = cookieExpiringAt(now + 3_600_000, 'tenant-a');
    expect((await getFile({ cookie, 'x-scope-orgid': 'tenant-a' })).status).toBe(200);
    expect(await getFile({ cookie, 'x-scope-orgid': 'tenant-b' })).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated', message: 'invalid token' },
    });
    expect((await getFile({ cookie })).status).toBe(401);
  });

  it('refuses a cookie altered by one character every time', async () => {
    const cookie = cookieExpiringAt(now + 3_600_000);
    expect((await getFile({ cookie })).status).toBe(200);
    const value = cookie.slice(cookie.indexOf('=') + 1);
    const decoded = JSON.parse(Buffer.from(value, 'base64').toString()) as { token: string };
    const sealed = Buffer.from(decoded.token, 'base64');
    sealed[sealed.length - 1] ^= 1;
    const altered = `pyroscope_git_session=${Buffer.from(JSON.stringify({ token: sealed.toString('base64') })).toString('base64')}`;
    for (let i = 0; i < 2; i++) {
      expect((await getFile({ cookie: altered })).status).toBe(401);
    }
  });
});
