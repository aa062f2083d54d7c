/**
 * The `pyroscope_git_session` cookie in both shapes Pyroscope accepts:
 *   new:    base64({"token": "<encrypted token>"})                      (written by the frontend)
 *   legacy: base64({"metadata": "<encrypted token>", "expiry": <ms>})   (the deprecated `cookie` response field)
 */
import { decodeStdBase64, decryptToken, encryptToken, OAuthToken, SessionError } from './token';

export const SESSION_COOKIE = 'pyroscope_git_session';
/** Pyroscope's fixed cookie lifetime (about 184 days), also used as the refresh-token lifetime fallback. */
export const SESSION_LIFETIME_MS = 15_897_600_000;

/** Go's net/http cookie reading: first cookie of that name wins, quotes removed, invalid values skipped. */
export function readCookie(header: string | null | undefined, name: string = SESSION_COOKIE): string | undefined {
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const trimmed = part.trim();
    const eq = trimmed.indexOf('=');
    if (eq <= 0 || trimmed.slice(0, eq).trim() !== name) {
      continue;
    }
    let value = trimmed.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    if (/[^\x20-\x7e]|["\\;]/.test(value)) {
      continue;
    }
    return value;
  }
  return undefined;
}

/** Decodes a cookie value, following Pyroscope's order so that the same error is reported. */
export function decodeSessionCookie(value: string, key: Buffer): OAuthToken {
  const json = decodeStdBase64(value).toString('utf8');
  let parsed: unknown;
  let parseError: SessionError | undefined;
  try {
    parsed = JSON.parse(json);
  } catch {
    parseError = new SessionError(`invalid character '${json.trim().charAt(0)}' looking for beginning of value`);
  }
  const object =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  if (object && typeof object.token === 'string') {
    return decryptToken(object.token, key);
  }
  try {
    const metadata = object && typeof object.metadata === 'string' ? object.metadata : '';
    return decryptToken(metadata, key);
  } catch (legacyError) {
    throw parseError ?? legacyError;
  }
}

/** The new cookie value, as the frontend builds it from the `token` response field. */
export function encodeSessionCookie(encryptedToken: string): string {
  return Buffer.from(JSON.stringify({ token: encryptedToken })).toString('base64');
}

/** The deprecated `cookie` response field: a whole Set-Cookie-style string with the legacy value. */
export function legacyCookieString(token: OAuthToken, key: Buffer, now: number): string {
  const value = Buffer.from(JSON.stringify({ metadata: encryptToken(token, key), expiry: token.expiry ?? 0 })).toString(
    'base64'
  );
  const expires = new Date(now + SESSION_LIFETIME_MS).toUTCString();
  return `${SESSION_COOKIE}=${value}; Expires=${expires}; Secure; SameSite=Lax`;
}
