/** The session cookie under tampering: every forged, cut or foreign cookie is `unauthenticated`, never a crash. */
import fc from 'fast-check';

import { createFixtureRepo } from '../../e2e/git-fixtures';
import { fuzzParameters, fuzzTestTimeout } from '../../src/test-support/fuzz';
import { decodeSessionCookie, encodeSessionCookie, readCookie, SESSION_COOKIE } from '../src/session/cookie';
import { deriveKey, encryptToken, OAuthToken, SessionError } from '../src/session/token';
import { rpc, SECRET, sessionCookie, Stack, startStack, tempDir } from './helpers';

const TOKEN: OAuthToken = {
  accessToken: 'gho_abc',
  tokenType: 'bearer',
  refreshToken: 'ghr_def',
  expiry: 4102444800000,
};
const key = deriveKey(SECRET, 'anonymous');
const validValue = encodeSessionCookie(encryptToken(TOKEN, key));

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** Edits of a cookie value: characters replaced (mostly by base64 ones), cut, inserted or dropped. */
const tamperedValue = fc
  .array(
    fc.record({
      kind: fc.constantFrom('replace', 'cut', 'insert', 'drop'),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...base64Alphabet.split('')), fc.string({ maxLength: 3 })),
    }),
    { minLength: 1, maxLength: 4 }
  )
  .map((edits) => {
    let value = validValue;
    for (const edit of edits) {
      const at = edit.at % (value.length + 1);
      value =
        edit.kind === 'replace'
          ? value.slice(0, at) + edit.text + value.slice(at + 1)
          : edit.kind === 'cut'
            ? value.slice(0, at)
            : edit.kind === 'insert'
              ? value.slice(0, at) + edit.text + value.slice(at)
              : value.slice(0, at) + value.slice(at + 1);
    }
    return value;
  });

/** The sealed token inside the cookie JSON tampered with (bit flips of the ciphertext, nonce or tag), re-wrapped. */
const tamperedToken = fc.tuple(fc.nat(), fc.nat(7)).map(([at, bit]) => {
  const sealed = Buffer.from(encryptToken(TOKEN, key), 'base64');
  sealed[at % sealed.length] ^= 1 << bit;
  return encodeSessionCookie(sealed.toString('base64'));
});

/** Cookie JSON of the wrong shape: other keys, types, the legacy shape with junk. */
const wrongShape = fc
  .oneof(
    fc.jsonValue(),
    fc.record({ token: fc.jsonValue() }),
    fc.record({ metadata: fc.oneof(fc.string(), fc.jsonValue()), expiry: fc.jsonValue() }),
    fc.record({ token: fc.string(), provider: fc.constantFrom('github', 'gitlab') })
  )
  .map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64'));

const hostileValue = fc.oneof(
  tamperedValue,
  tamperedToken,
  wrongShape,
  fc.string({ maxLength: 200 }),
  fc.base64String()
);

describe('decoding a tampered session cookie', () => {
  it(
    'throws a SessionError, or (when the edit left the bytes as they were) gives back the very same token',
    () => {
      let refused = 0;
      fc.assert(
        fc.property(hostileValue, (value) => {
          try {
            expect(decodeSessionCookie(value, key)).toEqual(TOKEN);
          } catch (e) {
            expect(e).toBeInstanceOf(SessionError);
            refused++;
          }
        }),
        fuzzParameters(3000)
      );
      expect(refused).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );

  it(
    'refuses a cookie sealed for another secret or another tenant',
    () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (secret, tenant) => {
          fc.pre(secret !== SECRET || tenant !== 'anonymous');
          let otherKey: Buffer;
          try {
            otherKey = deriveKey(secret, tenant);
          } catch (e) {
            expect(e).toBeInstanceOf(SessionError); // a tenant with "|"
            return;
          }
          expect(() => decodeSessionCookie(encodeSessionCookie(encryptToken(TOKEN, otherKey)), key)).toThrow(
            SessionError
          );
          expect(() => decodeSessionCookie(validValue, otherKey)).toThrow(SessionError);
        }),
        fuzzParameters(500)
      );
    },
    fuzzTestTimeout
  );

  it(
    'reads the cookie header whatever else it holds, or finds no session',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300 }), (header) => {
          const value = readCookie(header);
          if (value !== undefined) {
            expect(header).toContain(SESSION_COOKIE);
            expect(value).not.toMatch(/[;"\\]/);
          }
        }),
        fuzzParameters(2000)
      );
    },
    fuzzTestTimeout
  );
});

describe('tampered session cookies over HTTP', () => {
  const tmp = tempDir('session-fuzz');
  let stack: Stack;

  beforeAll(async () => {
    const app = createFixtureRepo(tmp.dir, 'acme/app', [{ files: { 'main.go': 'package main\n' }, tags: ['v1'] }]);
    stack = await startStack([app]);
  });
  afterAll(async () => {
    await stack?.stop();
    tmp.remove();
  });

  const getFile = (headers: Record<string, string>) =>
    rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath: 'main.go' },
      headers
    );

  it(
    'answers every tampered, cut, foreign-tenant or foreign-secret cookie with 401 unauthenticated, and serves right after',
    async () => {
      const other = fc.oneof(
        fc.constant(sessionCookie(TOKEN, 'anonymous', 'another-secret-of-another-server-0123')),
        fc.constant(sessionCookie(TOKEN, 'tenant-b')),
        fc.string({ maxLength: 80 }).map((junk) => `${SESSION_COOKIE}=${junk}`)
      );
      const cookie = fc.oneof(
        hostileValue.map((value) => `${SESSION_COOKIE}=${value}`),
        other
      );
      const tenant = fc.option(fc.constantFrom('anonymous', 'tenant-b', 'a|b', ' ', '\u00e9t\u00e9'), {
        nil: undefined,
      });
      await fc.assert(
        fc.asyncProperty(cookie, tenant, async (header, orgId) => {
          const headers: Record<string, string> = { cookie: header };
          if (orgId !== undefined) {
            headers['x-scope-orgid'] = orgId;
          }
          let response;
          try {
            response = await getFile(headers);
          } catch (e) {
            // fetch itself refuses header values it cannot send (e.g. non-Latin-1); nothing reached the server.
            expect((e as Error).name).toBe('TypeError');
            return;
          }
          if (response.status === 200) {
            // Only an edit that left the sealed bytes as they were can get through.
            expect(decodeSessionCookie(readCookie(header)!, deriveKey(SECRET, orgId?.trim() || 'anonymous'))).toEqual(
              TOKEN
            );
            return;
          }
          expect(response.status).toBe(401);
          expect(response.body).toMatchObject({ code: 'unauthenticated' });
        }),
        fuzzParameters(300)
      );
      const served = await getFile({ cookie: stack.cookieFor('octocat') });
      expect(served.status).toBe(200);
    },
    fuzzTestTimeout
  );
});
