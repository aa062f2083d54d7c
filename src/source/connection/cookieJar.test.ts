import { documentCookieJar, encodeSessionCookieValue, parseLegacyCookie } from './cookieJar';

const SESSION_COOKIE = 'pyroscope_git_session';

test('the cookie value is base64 of {"token"}', () => {
  expect(JSON.parse(atob(encodeSessionCookieValue('q83v+/==')))).toEqual({ token: 'q83v+/==' });
});

test("reads Pyroscope's legacy cookie field, and refuses what is not one", () => {
  const value = btoa(JSON.stringify({ metadata: 'enc', expiry: 1776067200000 }));
  expect(
    parseLegacyCookie(`${SESSION_COOKIE}=${value}; Expires=Tue, 13 Apr 2027 10:00:00 GMT; Secure; SameSite=Lax`, SESSION_COOKIE)
  ).toEqual({
    token: 'enc',
    expiry: 1776067200000,
  });
  expect(parseLegacyCookie(`${SESSION_COOKIE}=not-base64-json`, SESSION_COOKIE)).toBeUndefined();
  expect(parseLegacyCookie(`other=${value}`, SESSION_COOKIE)).toBeUndefined();
  expect(parseLegacyCookie(`${SESSION_COOKIE}=${btoa(JSON.stringify({ expiry: 1 }))}`, SESSION_COOKIE)).toBeUndefined();
});

test('document.cookie: written with path=/, read back with base64 padding intact, removed', () => {
  const jar = documentCookieJar(document);
  jar.set(SESSION_COOKIE, 'eyJ0b2tlbiI6ImEifQ==', { secure: false, expires: new Date(Date.now() + 60_000) });
  expect(jar.get(SESSION_COOKIE)).toBe('eyJ0b2tlbiI6ImEifQ==');
  jar.remove(SESSION_COOKIE);
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
});
