/**
 * The OAuth token as Pyroscope keeps it: Go's JSON encoding of golang.org/x/oauth2.Token, encrypted with
 * AES-GCM under key = SHA-256(secret ":" tenant). Byte-compatible both ways with Pyroscope's pkg/frontend/vcs.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface OAuthToken {
  accessToken: string;
  tokenType?: string;
  refreshToken?: string;
  /** Unix ms; undefined means Go's zero time (a token that never expires). */
  expiry?: number;
}

/** Go's zero time.Time in Unix ms (0001-01-01T00:00:00Z). */
export const GO_ZERO_TIME_MS = -62135596800000;

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SessionError extends Error {}

export function deriveKey(secret: string, tenant: string): Buffer {
  if (secret === '') {
    throw new SessionError('GITHUB_SESSION_SECRET is empty');
  }
  if (tenant === '') {
    throw new SessionError('no org id');
  }
  if (tenant.includes('|')) {
    throw new SessionError('multiple org ids are not supported for the GitHub session');
  }
  return createHash('sha256')
    .update(Buffer.from(secret, 'utf8'))
    .update(':')
    .update(Buffer.from(tenant, 'utf8'))
    .digest();
}

/** Go's time.RFC3339Nano in UTC: fractional seconds with trailing zeros removed. */
export function formatGoTime(ms: number | undefined): string {
  if (ms === undefined || ms === GO_ZERO_TIME_MS) {
    return '0001-01-01T00:00:00Z';
  }
  const iso = new Date(ms).toISOString(); // 2024-04-16T20:22:27.120Z
  return iso.replace(/\.(\d*?)0*Z$/, (_m, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

function parseGoTime(value: string): number | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new SessionError(`parsing time ${JSON.stringify(value)} as RFC 3339 failed`);
  }
  return ms === GO_ZERO_TIME_MS ? undefined : ms;
}

/** Go's encoding/json of oauth2.Token: keys in struct order, omitempty on all but access_token and expiry. */
export function tokenToJson(token: OAuthToken): string {
  const out: Record<string, string> = { access_token: token.accessToken };
  if (token.tokenType) {
    out.token_type = token.tokenType;
  }
  if (token.refreshToken) {
    out.refresh_token = token.refreshToken;
  }
  out.expiry = formatGoTime(token.expiry);
  return JSON.stringify(out);
}

/** Go's decoder: keys matched case-insensitively, unknown keys ignored, a missing expiry is zero time. */
export function tokenFromJson(text: string): OAuthToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SessionError(`invalid character '${text.trim().charAt(0)}' looking for beginning of value`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SessionError('json: cannot unmarshal into Go value of type oauth2.Token');
  }
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(parsed)) {
    fields.set(key.toLowerCase(), value);
  }
  const str = (key: string): string | undefined => {
    const value = fields.get(key);
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw new SessionError(`json: cannot unmarshal ${typeof value} into Go struct field Token.${key} of type string`);
    }
    return value;
  };
  const expiry = str('expiry');
  return {
    accessToken: str('access_token') ?? '',
    tokenType: str('token_type') || undefined,
    refreshToken: str('refresh_token') || undefined,
    expiry: expiry === undefined ? undefined : parseGoTime(expiry),
  };
}

export function encryptToken(token: OAuthToken, key: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(aesGcmFor(key), key, nonce);
  const sealed = Buffer.concat([cipher.update(tokenToJson(token), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([nonce, sealed]).toString('base64');
}

export function decryptToken(encrypted: string, key: Buffer): OAuthToken {
  const blob = decodeStdBase64(encrypted);
  if (blob.length < NONCE_BYTES) {
    throw new SessionError('malformed token');
  }
  const nonce = blob.subarray(0, NONCE_BYTES);
  const body = blob.subarray(NONCE_BYTES);
  if (body.length < TAG_BYTES) {
    throw new SessionError('cipher: message authentication failed');
  }
  const decipher = createDecipheriv(aesGcmFor(key), key, nonce);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SessionError('cipher: message authentication failed');
  }
  return tokenFromJson(plain.toString('utf8'));
}

/** Key length picks the AES variant, as Go's aes.NewCipher does (production keys are 32 bytes). */
function aesGcmFor(key: Buffer): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  switch (key.length) {
    case 16:
      return 'aes-128-gcm';
    case 24:
      return 'aes-192-gcm';
    case 32:
      return 'aes-256-gcm';
    default:
      throw new SessionError(`crypto/aes: invalid key size ${key.length}`);
  }
}

/**
 * Standard base64 with padding, strict like Go's base64.StdEncoding (Node's decoder silently skips bad
 * characters, which would turn tampering into a confusing authentication error).
 */
export function decodeStdBase64(text: string): Buffer {
  const fail = (at: number) => new SessionError(`illegal base64 data at input byte ${at}`);
  const n = text.length;
  let si = 0;
  quanta: while (si < n) {
    for (let j = 0; j < 4; j++) {
      if (si === n) {
        throw fail(si - j);
      }
      const c = text[si++];
      if (c === '=') {
        if (j < 2) {
          throw fail(si - 1);
        }
        if (j === 2) {
          if (si === n) {
            throw fail(n);
          }
          if (text[si] !== '=') {
            throw fail(si - 1);
          }
          si++;
        }
        if (si < n) {
          throw fail(si);
        }
        break quanta;
      }
      if (!/[A-Za-z0-9+/]/.test(c)) {
        throw fail(si - 1);
      }
    }
  }
  return Buffer.from(text, 'base64');
}
