// The browser side of a Git host's session (GitHub's pyroscope_git_session, GitLab's linescope_gitlab_session, in
// the same shape): the cookie the proxy forwards, the expiries we keep beside it, one shared refresh a few minutes
// before the token expires, and timers so the UI changes the moment it expires.
import { Code, ConnectError } from '@connectrpc/connect';
import { type CookieJar, encodeSessionCookieValue, parseLegacyCookie } from './cookieJar';
import type { SessionProblem, SessionState, SourceSession } from '../core/session';

/** Refresh this long before the access token expires (Pyroscope's own client uses the same margin). */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** After a refresh that failed for a passing reason (network), wait this long before trying again. */
export const REFRESH_RETRY_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A token that never expires keeps its cookie this long (browsers cap cookie lifetimes at 400 days). */
export const NON_EXPIRING_COOKIE_MS = 400 * 24 * 3600_000;

/**
 * What a host's login and refresh RPCs return (GithubLogin/GithubRefresh: both servers send the same four fields;
 * GitLab's send no legacy `cookie`).
 */
export interface TokenResponse {
  cookie: string;
  token: string;
  tokenExpiresAt: bigint;
  refreshTokenExpiresAt: bigint;
}

interface StoredSession {
  dataSourceUid: string;
  /** Unix ms; absent when the server did not say (then only a 401 ends the session). */
  tokenExpiresAt?: number;
  refreshTokenExpiresAt?: number;
  /** Set once an authenticated call went through: proves the data source forwards the cookie. */
  verified: boolean;
  /** When this login happened (kept through refreshes): tells one connection from the next. */
  connectedAt?: number;
}

export interface SessionDeps {
  refresh: () => Promise<TokenResponse>;
  jar: CookieJar;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Write the cookie with `Secure` (under https). */
  secure: boolean;
  now?: () => number;
  /** Sessions of other data sources in this page share the one cookie; they hear each other's changes here. */
  bus?: EventTarget;
  /** The host's session cookie (the one the data source must forward) and where its expiries are kept. */
  cookieName: string;
  storageKey: string;
}

const clampDelay = (ms: number) => Math.min(Math.max(0, ms), MAX_TIMER_MS);
/**
 * An expiry in Unix ms, or undefined for "never": GitHub tokens that do not expire come without the field (0 on the
 * wire), and Pyroscope sends Go's zero time (-62135596800000) for them. Neither may read as "already expired".
 */
const positive = (v: bigint | number | undefined) => (v !== undefined && Number(v) > 0 ? Number(v) : undefined);

/**
 * A Git host's OAuth session: a token in the cookie the vcs.v1 proxy forwards, refreshed before it expires. Each host
 * names its own cookie and storage key.
 */
export class HostSession implements SourceSession {
  private readonly listeners = new Set<() => void>();
  private readonly timers: Array<ReturnType<typeof setTimeout>> = [];
  private inflight?: Promise<boolean>;
  private problem?: SessionProblem;
  private retryAfter = 0;
  private state: SessionState;
  private readonly now: () => number;
  private readonly onPeerChange = (event: Event) => {
    if ((event as CustomEvent).detail !== this) {
      this.update(false);
    }
  };

  private readonly cookieName: string;
  private readonly storageKey: string;

  constructor(
    readonly dataSourceUid: string,
    private readonly deps: SessionDeps
  ) {
    this.now = deps.now ?? (() => Date.now());
    this.cookieName = deps.cookieName;
    this.storageKey = deps.storageKey;
    this.state = this.compute();
    this.schedule();
    deps.bus?.addEventListener('change', this.onPeerChange);
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Re-read cookie and storage (another tab or another data source's session may have changed them). */
  sync(): void {
    this.update(false);
  }

  /** Keeps the token from the host's login or refresh as the cookie, and its expiries beside it. */
  store(response: TokenResponse, verified = false, connectedAt = this.now()): void {
    const legacy = response.cookie ? parseLegacyCookie(response.cookie, this.cookieName) : undefined;
    const token = response.token || legacy?.token;
    if (!token) {
      throw new Error('The source server returned no session token.');
    }
    // Pyroscope's GithubRefresh puts the *old* expiry in tokenExpiresAt; its legacy cookie carries the new one.
    const expiries = [positive(response.tokenExpiresAt), positive(legacy?.expiry)].filter((v): v is number => !!v);
    const stored: StoredSession = {
      dataSourceUid: this.dataSourceUid,
      tokenExpiresAt: expiries.length ? Math.max(...expiries) : undefined,
      refreshTokenExpiresAt: positive(response.refreshTokenExpiresAt),
      verified,
      connectedAt,
    };
    // The cookie lives as long as the session can: until the refresh token expires, or long when nothing expires.
    const cookieExpiry =
      stored.refreshTokenExpiresAt ??
      (stored.tokenExpiresAt === undefined ? this.now() + NON_EXPIRING_COOKIE_MS : undefined);
    this.deps.jar.set(this.cookieName, encodeSessionCookieValue(token), {
      expires: cookieExpiry ? new Date(cookieExpiry) : undefined,
      secure: this.deps.secure,
    });
    this.deps.storage.setItem(this.storageKey, JSON.stringify(stored));
    this.problem = undefined;
    this.retryAfter = 0;
    this.update(true);
  }

  /** Before a call that needs the session: refreshes (shared with every other caller) when close to expiry. */
  async ensureFresh(): Promise<void> {
    if (this.inflight) {
      await this.inflight;
      return;
    }
    const stored = this.stored();
    if (stored?.tokenExpiresAt !== undefined && this.now() >= stored.tokenExpiresAt - REFRESH_MARGIN_MS) {
      await this.refresh();
    }
  }

  /** One refresh at a time; every caller gets the same outcome. */
  refresh(): Promise<boolean> {
    if (this.inflight) {
      return this.inflight;
    }
    const stored = this.stored();
    if (!stored) {
      return Promise.resolve(false);
    }
    if (stored.refreshTokenExpiresAt !== undefined && this.now() >= stored.refreshTokenExpiresAt) {
      this.clear({ kind: 'expired' });
      return Promise.resolve(false);
    }
    this.inflight = this.deps.refresh().then(
      (response) => {
        this.inflight = undefined;
        this.store(response, stored.verified, stored.connectedAt);
        return true;
      },
      (error: unknown) => {
        this.inflight = undefined;
        const code = ConnectError.from(error).code;
        // Pyroscope answers a refused refresh with `internal`; a dead network is worth another try later.
        if ([Code.Unauthenticated, Code.Internal, Code.PermissionDenied, Code.InvalidArgument].includes(code)) {
          this.clear({ kind: 'expired' });
        } else {
          this.retryAfter = this.now() + REFRESH_RETRY_MS;
          this.update(true);
        }
        return false;
      }
    );
    this.update(false);
    return this.inflight;
  }

  /** An authenticated call went through: the data source forwards the cookie. */
  markVerified(): void {
    const stored = this.stored();
    if (stored && !stored.verified) {
      this.deps.storage.setItem(this.storageKey, JSON.stringify({ ...stored, verified: true }));
    }
  }

  /** The server (or Grafana's proxy, as its 400) refused the session: end it and say why. */
  reportUnauthenticated(): void {
    const stored = this.stored();
    if (!stored) {
      return;
    }
    const fresh = !stored.verified && (stored.tokenExpiresAt === undefined || this.now() < stored.tokenExpiresAt);
    this.clear(fresh ? { kind: 'cookie-not-forwarded' } : { kind: 'rejected' });
  }

  disconnect(): void {
    this.clear(undefined);
  }

  /** Stops the timers (tests, and when the page goes away). */
  dispose(): void {
    this.timers.forEach(clearTimeout);
    this.timers.length = 0;
    this.listeners.clear();
    this.deps.bus?.removeEventListener('change', this.onPeerChange);
  }

  private clear(problem: SessionProblem | undefined): void {
    if (this.stored()) {
      this.deps.jar.remove(this.cookieName);
      this.deps.storage.removeItem(this.storageKey);
    }
    this.problem = problem;
    this.update(true);
  }

  private stored(): StoredSession | undefined {
    if (!this.deps.jar.get(this.cookieName)) {
      return undefined;
    }
    try {
      const stored = JSON.parse(this.deps.storage.getItem(this.storageKey) ?? 'null') as StoredSession | null;
      return stored?.dataSourceUid === this.dataSourceUid ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  private compute(): SessionState {
    const stored = this.stored();
    const expiresAt = stored?.tokenExpiresAt;
    return {
      connected: !!stored && (expiresAt === undefined || this.now() < expiresAt),
      refreshing: !!this.inflight,
      tokenExpiresAt: expiresAt,
      connectedAt: stored?.connectedAt,
      problem: this.problem,
    };
  }

  private update(broadcast: boolean): void {
    const next = this.compute();
    const prev = this.state;
    this.schedule();
    if (
      next.connected !== prev.connected ||
      next.refreshing !== prev.refreshing ||
      next.tokenExpiresAt !== prev.tokenExpiresAt ||
      next.connectedAt !== prev.connectedAt ||
      next.problem !== prev.problem
    ) {
      this.state = next;
      this.listeners.forEach((listener) => listener());
    }
    if (broadcast) {
      this.deps.bus?.dispatchEvent(new CustomEvent('change', { detail: this }));
    }
  }

  private schedule(): void {
    this.timers.forEach(clearTimeout);
    this.timers.length = 0;
    const expiresAt = this.stored()?.tokenExpiresAt;
    if (expiresAt === undefined) {
      return;
    }
    const now = this.now();
    if (!this.inflight) {
      const refreshAt = Math.max(expiresAt - REFRESH_MARGIN_MS, this.retryAfter);
      this.timers.push(setTimeout(() => void this.refresh(), clampDelay(refreshAt - now)));
    }
    if (now < expiresAt) {
      // If the refresh has not landed by then, the UI must stop saying "connected".
      this.timers.push(setTimeout(() => this.update(false), clampDelay(expiresAt - now)));
    }
  }
}
