// Grafana's login sessions with client-side token rotation. Pure (the clock is passed in).
// Imitates: pkg/services/auth/authimpl/auth_token.go (tokens rotated after `token_rotation_interval_minutes`, the
// previous token still accepted briefly so requests in flight during a rotation pass), pkg/services/authn/clients/
// session.go (a token due for rotation is refused with `session.token.rotate`), pkg/services/authn/authn.go
// WriteSessionCookie (grafana_session, and grafana_session_expiry that the frontend reads), pkg/api/user_token.go
// RotateUserAuthToken (POST /api/user/auth-tokens/rotate).
import { randomBytes } from 'node:crypto';
import { LOGIN_COOKIE } from './proxy-rules';

export const SESSION_EXPIRY_COOKIE = 'grafana_session_expiry';
/** Grafana's default `token_rotation_interval_minutes`. */
export const DEFAULT_ROTATION_INTERVAL_MS = 10 * 60_000;
/** How long the token a rotation replaced stays valid (requests already on their way carry it). */
export const PREVIOUS_TOKEN_GRACE_MS = 60_000;

/** The body of Grafana's 401 for an API request whose token needs rotating (errutil's public error). */
export const TOKEN_NEEDS_ROTATION_BODY = { message: 'Unauthorized', messageId: 'session.token.rotate', statusCode: 401 };
/** The body of Grafana's 401 for a request without a valid session. */
export const UNAUTHORIZED_BODY = { message: 'Unauthorized' };

interface StoredToken {
  login: string;
  /** The token the session started with: names the session across rotations (for the host's logs). */
  first: string;
  current: string;
  previous?: string;
  rotatedAt: number;
}

export type Lookup =
  | { state: 'valid'; login: string }
  | { state: 'needs-rotation'; login: string }
  | { state: 'invalid' }
  | { state: 'none' };

export class SessionTokens {
  private byToken = new Map<string, StoredToken>();
  /** Every rotation, for tests and troubleshooting: when and through which route. */
  readonly rotations: Array<{ at: number; login: string; via: 'api' | 'page' }> = [];

  constructor(
    readonly rotationIntervalMs = DEFAULT_ROTATION_INTERVAL_MS,
    private now: () => number = Date.now
  ) {}

  create(login: string): string {
    const token = randomBytes(16).toString('hex');
    const stored: StoredToken = { login, first: token, current: token, rotatedAt: this.now() };
    this.byToken.set(token, stored);
    return token;
  }

  lookup(token: string | undefined): Lookup {
    if (!token) {
      return { state: 'none' };
    }
    const stored = this.byToken.get(token);
    if (!stored) {
      return { state: 'invalid' };
    }
    if (token === stored.previous) {
      return this.now() - stored.rotatedAt <= PREVIOUS_TOKEN_GRACE_MS ? { state: 'valid', login: stored.login } : { state: 'invalid' };
    }
    if (this.now() - stored.rotatedAt >= this.rotationIntervalMs) {
      return { state: 'needs-rotation', login: stored.login };
    }
    return { state: 'valid', login: stored.login };
  }

  /**
   * A new token for a valid one (due for rotation or not). A token that was just replaced gives the token that
   * replaced it, so that two tabs rotating at once both stay signed in. Undefined: not a session (signed out).
   */
  rotate(token: string | undefined, via: 'api' | 'page'): string | undefined {
    const stored = token ? this.byToken.get(token) : undefined;
    if (!token || !stored || this.lookup(token).state === 'invalid') {
      return undefined;
    }
    if (token === stored.previous) {
      return stored.current;
    }
    if (stored.previous) {
      this.byToken.delete(stored.previous);
    }
    const next = randomBytes(16).toString('hex');
    stored.previous = token;
    stored.current = next;
    stored.rotatedAt = this.now();
    this.byToken.set(next, stored);
    this.rotations.push({ at: stored.rotatedAt, login: stored.login, via });
    return next;
  }

  /** The first token of the session a token belongs to, whatever rotations came since. */
  firstTokenOf(token: string | undefined): string | undefined {
    return token ? this.byToken.get(token)?.first : undefined;
  }

  /** When the frontend should rotate (NextRotation), in Unix seconds as the expiry cookie carries it. */
  expiryOf(token: string): number | undefined {
    const stored = this.byToken.get(token);
    return stored ? Math.floor((stored.rotatedAt + this.rotationIntervalMs) / 1000) : undefined;
  }

  /** Signs every browser out (an admin revoking sessions, or the session store being reset). */
  revokeAll(): void {
    this.byToken.clear();
  }

  /** The Set-Cookie headers Grafana writes for a session: the token (HttpOnly) and its rotation time (readable). */
  cookies(token: string): string[] {
    return [
      `${LOGIN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`,
      `${SESSION_EXPIRY_COOKIE}=${this.expiryOf(token) ?? 0}; Path=/; SameSite=Lax`,
    ];
  }
}

/** The Set-Cookie headers that end a session in the browser. */
export function deletedSessionCookies(): string[] {
  return [LOGIN_COOKIE, SESSION_EXPIRY_COOKIE].map((name) => `${name}=; Path=/; Max-Age=0; SameSite=Lax`);
}
