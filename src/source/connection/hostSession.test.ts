import { Code, ConnectError } from '@connectrpc/connect';
import { memoryCookieJar, memoryStorage } from '../../test-support/memory';
import {
  HostSession,
  NON_EXPIRING_COOKIE_MS,
  REFRESH_MARGIN_MS,
  type TokenResponse,
} from './hostSession';

// Sessions in the shape of GitHub's: Pyroscope's cookie, a key of our own beside it.
const SESSION_COOKIE = 'pyroscope_git_session';
const SESSION_STORAGE_KEY = 'linescope.github.session';
const names = { cookieName: SESSION_COOKIE, storageKey: SESSION_STORAGE_KEY };

const HOUR = 3600_000;

function tokens(token: string, expiresAt: number): TokenResponse {
  return {
    cookie: '',
    token,
    tokenExpiresAt: BigInt(expiresAt),
    refreshTokenExpiresAt: BigInt(expiresAt + 180 * 24 * HOUR),
  };
}

function makeSession(refresh: () => Promise<TokenResponse>, secure = false) {
  const jar = memoryCookieJar();
  const storage = memoryStorage();
  const session = new HostSession('vcs', { refresh, jar, storage, secure, ...names });
  return { session, jar, storage };
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z') });
});
afterEach(() => {
  jest.useRealTimers();
});

test('stores the token as base64 {"token"} with the refresh-token expiry, Secure under https', () => {
  const { session, jar, storage } = makeSession(jest.fn(), true);
  const expiresAt = Date.now() + 8 * HOUR;
  session.store(tokens('enc==', expiresAt));
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'enc==' });
  expect(jar.writes[0]).toMatchObject({ secure: true, expires: new Date(expiresAt + 180 * 24 * HOUR) });
  expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({
    dataSourceUid: 'vcs',
    tokenExpiresAt: expiresAt,
  });
  expect(session.getState()).toMatchObject({ connected: true, tokenExpiresAt: expiresAt });
  session.dispose();
});

test('a Pyroscope server that sends only the legacy cookie still gives a session', () => {
  const { session, jar } = makeSession(jest.fn());
  const expiry = Date.now() + HOUR;
  const legacy = btoa(JSON.stringify({ metadata: 'legacy-enc', expiry }));
  session.store({
    cookie: `pyroscope_git_session=${legacy}; Secure; SameSite=Lax`,
    token: '',
    tokenExpiresAt: BigInt(0),
    refreshTokenExpiresAt: BigInt(0),
  });
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'legacy-enc' });
  expect(session.getState().tokenExpiresAt).toBe(expiry);
  session.dispose();
});

/** Go's zero time in Unix ms: what Pyroscope sends for a token that never expires. */
const GO_ZERO_TIME_MS = -62135596800000;

describe.each([
  ['without expiries (absent fields read as 0)', BigInt(0), ''],
  ["with Pyroscope's zero time", BigInt(GO_ZERO_TIME_MS), GO_ZERO_TIME_MS],
])('a token that never expires, %s', (_, noExpiry, legacyExpiry) => {
  const response = (token: string): TokenResponse => ({
    // Pyroscope also sends the legacy cookie, whose expiry is the same zero time.
    cookie:
      legacyExpiry === ''
        ? ''
        : `pyroscope_git_session=${btoa(JSON.stringify({ metadata: token, expiry: legacyExpiry }))}; SameSite=Lax`,
    token,
    tokenExpiresAt: noExpiry,
    refreshTokenExpiresAt: noExpiry,
  });

  test('stays connected, is never refreshed, and keeps a lasting cookie', async () => {
    const refresh = jest.fn(async () => response('second'));
    const { session, jar, storage } = makeSession(refresh);
    session.store(response('forever'));
    expect(session.getState()).toMatchObject({ connected: true, tokenExpiresAt: undefined, problem: undefined });
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!).tokenExpiresAt).toBeUndefined();
    expect(jar.writes[0].expires).toEqual(new Date(Date.now() + NON_EXPIRING_COOKIE_MS));

    const changes = jest.fn();
    session.subscribe(changes);
    await session.ensureFresh();
    await jest.advanceTimersByTimeAsync(90 * 24 * HOUR);
    await session.ensureFresh();
    expect(refresh).not.toHaveBeenCalled();
    expect(changes).not.toHaveBeenCalled();
    expect(session.getState()).toMatchObject({ connected: true, refreshing: false, problem: undefined });
    expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'forever' });
    session.dispose();
  });

  test('a reload finds it connected; only a refusal by the server ends it', () => {
    const { session, jar, storage } = makeSession(jest.fn());
    session.store(response('forever'));
    session.markVerified();
    session.dispose();
    const reloaded = new HostSession('vcs', { refresh: jest.fn(), jar, storage, secure: false, ...names });
    expect(reloaded.getState()).toMatchObject({ connected: true, tokenExpiresAt: undefined });
    reloaded.reportUnauthenticated();
    expect(reloaded.getState()).toMatchObject({ connected: false, problem: { kind: 'rejected' } });
    reloaded.dispose();
  });
});

test('refreshes by itself a few minutes before expiry, once', async () => {
  const refresh = jest.fn(async () => tokens('second', Date.now() + 8 * HOUR));
  const { session, jar } = makeSession(refresh);
  session.store(tokens('first', Date.now() + HOUR));
  await jest.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS - 1000);
  expect(refresh).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(2000);
  expect(refresh).toHaveBeenCalledTimes(1);
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'second' });
  expect(session.getState().connected).toBe(true);
  session.dispose();
});

test('the UI hears the session expire while the page is open when the refresh cannot happen', async () => {
  // The refresh hangs (server unreachable): at the expiry time the state must stop saying "connected".
  const { session } = makeSession(() => new Promise<TokenResponse>(() => {}));
  session.store(tokens('first', Date.now() + 10 * 60_000));
  const seen: boolean[] = [];
  session.subscribe(() => seen.push(session.getState().connected));
  await jest.advanceTimersByTimeAsync(5 * 60_000 + 1);
  expect(session.getState()).toMatchObject({ connected: true, refreshing: true });
  await jest.advanceTimersByTimeAsync(5 * 60_000);
  expect(session.getState().connected).toBe(false);
  expect(seen).toContain(false);
  session.dispose();
});

test('a refused refresh at expiry ends the session and says it expired', async () => {
  const { session, jar } = makeSession(async () => {
    throw new ConnectError('failed to refresh token', Code.Internal);
  });
  session.store(tokens('first', Date.now() + 10 * 60_000));
  const changes = jest.fn();
  session.subscribe(changes);
  await jest.advanceTimersByTimeAsync(5 * 60_000 + 1);
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(session.getState()).toMatchObject({ connected: false, problem: { kind: 'expired' } });
  expect(changes).toHaveBeenCalled();
  session.dispose();
});

test('a refresh token past its own expiry is not even tried', async () => {
  const refresh = jest.fn();
  const { session } = makeSession(refresh);
  session.store({
    cookie: '',
    token: 't',
    tokenExpiresAt: BigInt(Date.now() + HOUR),
    refreshTokenExpiresAt: BigInt(Date.now() + 30 * 60_000),
  });
  await jest.advanceTimersByTimeAsync(HOUR);
  expect(refresh).not.toHaveBeenCalled();
  expect(session.getState()).toMatchObject({ connected: false, problem: { kind: 'expired' } });
  session.dispose();
});

test('disconnect removes the cookie and the stored expiries', () => {
  const { session, jar, storage } = makeSession(jest.fn());
  session.store(tokens('t', Date.now() + HOUR));
  session.disconnect();
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  expect(session.getState()).toEqual({
    connected: false,
    refreshing: false,
    tokenExpiresAt: undefined,
    problem: undefined,
  });
  session.dispose();
});

test("another data source's session is not taken for this one", () => {
  const jar = memoryCookieJar();
  const storage = memoryStorage();
  const bus = new EventTarget();
  const a = new HostSession('a', { refresh: jest.fn(), jar, storage, secure: false, bus, ...names });
  const b = new HostSession('b', { refresh: jest.fn(), jar, storage, secure: false, bus, ...names });
  a.store(tokens('t', Date.now() + HOUR));
  expect(a.getState().connected).toBe(true);
  expect(b.getState().connected).toBe(false);
  b.store(tokens('u', Date.now() + HOUR));
  // One cookie per origin: connecting b replaces a's session, and a hears it.
  expect(a.getState().connected).toBe(false);
  a.dispose();
  b.dispose();
});
