/**
 * Sessions opened in the last minute, keyed by tenant and the exact cookie value. Opening a cookie (strict base64,
 * the tenant's key derivation, AES-GCM, two JSON parses) costs more than the rest of a cached GetFile, and a user's
 * browser sends the same cookie with every request. The ciphertext is authenticated, so only the very bytes that
 * opened before hit; a cookie that fails to open is never kept (it fails the same way again, at full cost).
 * The caller still checks the token's expiry on every request, so a kept session expires when its token does; the
 * entries are bounded by bytes and live `ttlMs` at most.
 */
import { ByteLru } from '../cache/lru';
import { OAuthToken } from './token';

export interface OpenedSessionsOptions {
  maxBytes: number;
  ttlMs: number;
  now: () => number;
}

export class OpenedSessions {
  private readonly sessions: ByteLru<Readonly<OAuthToken>>;

  constructor(options: OpenedSessionsOptions) {
    this.sessions = new ByteLru({
      maxBytes: options.maxBytes,
      ttlMs: options.ttlMs,
      now: options.now,
      sizeOf: (token) =>
        2 * (token.accessToken.length + (token.tokenType?.length ?? 0) + (token.refreshToken?.length ?? 0)) + 32,
    });
  }

  /** The token `open` gives for this tenant's cookie value, opened once per TTL while it is in use. */
  open(tenant: string, cookie: string, open: () => OAuthToken): Readonly<OAuthToken> {
    // A tenant name cannot hold a newline (it is an HTTP header value), so the key cannot be forged across tenants.
    const key = `${tenant}\n${cookie}`;
    let token = this.sessions.get(key);
    if (token === undefined) {
      // Frozen: every request with this cookie shares the object.
      token = Object.freeze(open());
      this.sessions.set(key, token);
    }
    return token;
  }
}
