/** Token, cookie and crypto cases and the session RPCs over real HTTP. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSessionCookie, legacyCookieString, readCookie } from '../src/session/cookie';
import { durationValue, parseRefreshReply, requiredValue } from '../src/hosts/github/oauth';
import {
  decodeStdBase64,
  decryptToken,
  deriveKey,
  encryptToken,
  formatGoTime,
  OAuthToken,
  tokenFromJson,
  tokenToJson,
} from '../src/session/token';

const SECRET = '16_byte_key_XXXX';
const TENANT = 'test_tenant_id';
const REFERENCE: OAuthToken = {
  accessToken: 'my_access_token',
  tokenType: 'my_token_type',
  refreshToken: 'my_refresh_token',
  expiry: 1713298947 * 1000,
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('token JSON (Go oauth2.Token encoding)', () => {
  it('writes keys in Go struct order, omits empty fields and always writes expiry', () => {
    expect(tokenToJson(REFERENCE)).toBe(
      '{"access_token":"my_access_token","token_type":"my_token_type","refresh_token":"my_refresh_token","expiry":"2024-04-16T20:22:27Z"}'
    );
    expect(tokenToJson({ accessToken: 'so_secret' })).toBe(
      '{"access_token":"so_secret","expiry":"0001-01-01T00:00:00Z"}'
    );
  });

  it('formats fractional seconds like RFC3339Nano (trailing zeros removed)', () => {
    expect(formatGoTime(Date.UTC(2024, 0, 1, 0, 0, 0, 120))).toBe('2024-01-01T00:00:00.12Z');
  });

  it('reads keys case-insensitively, ignores unknown keys, nanoseconds and offsets', () => {
    const token = tokenFromJson('{"Access_Token":"a","EXPIRY":"2024-04-16T22:22:27.123456789+02:00","other":1}');
    expect(token).toEqual({
      accessToken: 'a',
      tokenType: undefined,
      refreshToken: undefined,
      expiry: Date.UTC(2024, 3, 16, 20, 22, 27, 123),
    });
  });
});

describe('encryption', () => {
  const key = deriveKey(SECRET, TENANT);

  it('round-trips the reference token', () => {
    expect(decryptToken(encryptToken(REFERENCE, key), key)).toEqual(REFERENCE);
  });

  it('uses a fresh nonce each time', () => {
    expect(encryptToken(REFERENCE, key)).not.toBe(encryptToken(REFERENCE, key));
  });

  it('lets the key length pick the AES variant (16 bytes: AES-128)', () => {
    const short = Buffer.from('0123456789abcdef');
    expect(decryptToken(encryptToken(REFERENCE, short), short)).toEqual(REFERENCE);
  });

  it('rejects a blob shorter than the nonce as malformed', () => {
    expect(() => decryptToken('xxxx', key)).toThrow('malformed token');
  });

  it('isolates tenants: a token of tenant_a fails under tenant_b', () => {
    const a = encryptToken(REFERENCE, deriveKey(SECRET, 'tenant_a'));
    expect(() => decryptToken(a, deriveKey(SECRET, 'tenant_b'))).toThrow('message authentication failed');
  });

  it('detects tampering with any byte', () => {
    const blob = Buffer.from(encryptToken(REFERENCE, key), 'base64');
    blob[blob.length - 20] ^= 1;
    expect(() => decryptToken(blob.toString('base64'), key)).toThrow('cipher: message authentication failed');
  });

  it('refuses an empty secret and multi-tenant ids', () => {
    expect(() => deriveKey('', TENANT)).toThrow('GITHUB_SESSION_SECRET is empty');
    expect(() => deriveKey(SECRET, 'a|b')).toThrow('multiple org ids');
  });

  it('decodes base64 strictly, with Go error positions', () => {
    expect(() => decodeStdBase64('xx===')).toThrow('illegal base64 data at input byte 4');
    expect(() => decodeStdBase64('ab!d')).toThrow('illegal base64 data at input byte 2');
    expect(() => decodeStdBase64('abc')).toThrow('illegal base64 data at input byte 0');
    expect(decodeStdBase64('YWI=').toString()).toBe('ab');
  });

  // Interoperability: a token sealed by Go's crypto/aes + crypto/cipher (what Pyroscope runs) opens here, and
  // the reverse, with the key derived the same way.
  it('interoperates with Go: Go encrypts, we decrypt; we encrypt, Go decrypts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linescope-go-'));
    writeFileSync(
      join(dir, 'main.go'),
      `package main
import ("crypto/aes";"crypto/cipher";"crypto/rand";"crypto/sha256";"encoding/base64";"fmt";"os")
func main() {
  k := sha256.Sum256([]byte(os.Args[1] + ":" + os.Args[2]))
  b, _ := aes.NewCipher(k[:]); g, _ := cipher.NewGCM(b)
  if os.Args[3] == "seal" {
    n := make([]byte, 12); rand.Read(n)
    fmt.Print(base64.StdEncoding.EncodeToString(g.Seal(n, n, []byte(os.Args[4]), nil)))
  } else {
    d, _ := base64.StdEncoding.DecodeString(os.Args[4])
    p, err := g.Open(nil, d[:12], d[12:], nil)
    if err != nil { fmt.Print("ERR ", err); return }
    fmt.Print(string(p))
  }
}`
    );
    execFileSync('go', ['build', '-o', join(dir, 'seal'), join(dir, 'main.go')], {
      cwd: dir,
      env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'off', GOCACHE: join(tmpdir(), 'linescope-gocache') },
    });
    const go = (...args: string[]) => execFileSync(join(dir, 'seal'), [SECRET, 'tenant_a', ...args]).toString();
    const sealedByGo = go('seal', '{"access_token":"so_secret","expiry":"0001-01-01T00:00:00Z"}');
    expect(decryptToken(sealedByGo, deriveKey(SECRET, 'tenant_a'))).toEqual({
      accessToken: 'so_secret',
      tokenType: undefined,
      refreshToken: undefined,
      expiry: undefined,
    });
    expect(go('open', encryptToken(REFERENCE, deriveKey(SECRET, 'tenant_a')))).toBe(tokenToJson(REFERENCE));
    expect(go('open', encryptToken(REFERENCE, deriveKey(SECRET, 'tenant_b')))).toBe(
      'ERR cipher: message authentication failed'
    );
  }, 60_000);
});

describe('cookie pyroscope_git_session', () => {
  const key = deriveKey(SECRET, TENANT);

  it('decodes the new shape {"token"}', () => {
    expect(decodeSessionCookie(b64(JSON.stringify({ token: encryptToken(REFERENCE, key) })), key)).toEqual(REFERENCE);
  });

  it('decodes the legacy shape {"metadata","expiry"} from the cookie response field', () => {
    const legacy = legacyCookieString(REFERENCE, key, Date.UTC(2026, 0, 1));
    const value = readCookie(legacy.split(';')[0]);
    expect(decodeSessionCookie(value as string, key)).toEqual(REFERENCE);
    expect(legacy).toMatch(
      /^pyroscope_git_session=[A-Za-z0-9+/=]+; Expires=Sat, 04 Jul 2026 00:00:00 GMT; Secure; SameSite=Lax$/
    );
  });

  it('reports the authentication failure of a forged legacy cookie', () => {
    const forged = Buffer.from(JSON.stringify({ expiry: 1234, metadata: b64('x'.repeat(128)) }))
      .toString('base64')
      .replace(/=+$/, '');
    expect(() => decodeSessionCookie(forged.padEnd(Math.ceil(forged.length / 4) * 4, '='), key)).toThrow(
      'cipher: message authentication failed'
    );
  });

  it('reports bad base64 and bad JSON as Go does', () => {
    expect(() => decodeSessionCookie('xx===', key)).toThrow('illegal base64 data at input byte 4');
    expect(() => decodeSessionCookie(b64('illegal json value'), key)).toThrow(
      "invalid character 'i' looking for beginning of value"
    );
  });

  it('a {"token"} that fails does not fall back to the legacy field', () => {
    const value = b64(
      JSON.stringify({ token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', metadata: encryptToken(REFERENCE, key) })
    );
    expect(() => decodeSessionCookie(value, key)).toThrow('message authentication failed');
  });

  it('reads cookies like Go: first wins, quotes removed, invalid values skipped', () => {
    expect(readCookie('a=1; pyroscope_git_session=first; pyroscope_git_session=second')).toBe('first');
    expect(readCookie('pyroscope_git_session="quoted"')).toBe('quoted');
    expect(readCookie('pyroscope_git_session=bad\\value; pyroscope_git_session=good')).toBe('good');
    expect(readCookie('other=1')).toBeUndefined();
    expect(readCookie(undefined)).toBeUndefined();
  });
});

describe('refresh reply parsing', () => {
  const all =
    'access_token=my_access_token&expires_in=60&refresh_token=my_refresh_token&refresh_token_expires_in=120&scope=refresh_token&token_type=bearer';

  it('accepts all six keys', () => {
    const now = 1_000_000;
    expect(parseRefreshReply(new URLSearchParams(all), now)).toEqual({
      token: {
        accessToken: 'my_access_token',
        tokenType: 'bearer',
        refreshToken: 'my_refresh_token',
        expiry: now + 60_000,
      },
      refreshTokenExpiry: now + 120_000,
    });
  });

  it.each(['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'token_type'])(
    'fails without %s',
    (key) => {
      const values = new URLSearchParams(all);
      values.delete(key);
      expect(() => parseRefreshReply(values, 0)).toThrow(`missing key: ${key}`);
    }
  );

  it('accepts a missing or empty scope (GitHub App user tokens; Pyroscope fails here)', () => {
    const values = new URLSearchParams(all);
    values.set('scope', '');
    expect(parseRefreshReply(values, 0).token.accessToken).toBe('my_access_token');
    values.delete('scope');
    expect(parseRefreshReply(values, 0).token.accessToken).toBe('my_access_token');
  });

  it('reports bad numbers with strconv wording', () => {
    expect(() =>
      parseRefreshReply(new URLSearchParams(all.replace('expires_in=60', 'expires_in=not_a_number')), 0)
    ).toThrow('failed to parse expires_in: strconv.Atoi: parsing "not_a_number": invalid syntax');
    expect(() =>
      parseRefreshReply(
        new URLSearchParams(all.replace('refresh_token_expires_in=120', 'refresh_token_expires_in=not_a_number')),
        0
      )
    ).toThrow('failed to parse refresh_token_expires_in: strconv.Atoi: parsing "not_a_number": invalid syntax');
  });

  it('helpers: first value wins, missing keys and scalars below 1', () => {
    expect(requiredValue(new URLSearchParams('my_key=my_value1&my_key=my_value2'), 'my_key')).toBe('my_value1');
    expect(() => requiredValue(new URLSearchParams(''), 'my_missing_key')).toThrow('missing key: my_missing_key');
    expect(durationValue(new URLSearchParams('my_key=100&my_key=5'), 'my_key')).toBe(100);
    expect(() => durationValue(new URLSearchParams('my_key=0'), 'my_key')).toThrow('cannot use scalar less than 1');
  });
});
