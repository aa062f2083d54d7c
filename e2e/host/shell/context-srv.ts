// The frontend's side of Grafana's session: the scheduled token rotation and the signed-out state.
// Imitates: public/app/core/services/context_srv.ts (scheduleTokenRotationJob, rotateToken, setLoggedOut) and
// public/app/core/utils/auth.ts (getSessionExpiry: the grafana_session_expiry cookie, Unix seconds).

export const SESSION_EXPIRY_COOKIE = 'grafana_session_expiry';
/**
 * Not Grafana's: while this sessionStorage key is '1', the tab schedules no rotation, as a laptop that slept or a
 * throttled background tab misses it. The e2e specs set it to reach the 401 that the plugin must handle.
 */
export const SUSPEND_ROTATION_KEY = 'linescope-host.suspendTokenRotation';

export function getSessionExpiry(cookie: string): number {
  const value = cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_EXPIRY_COOKIE}=`))
    ?.slice(SESSION_EXPIRY_COOKIE.length + 1);
  const seconds = value ? parseInt(decodeURIComponent(value), 10) : 0;
  return Number.isFinite(seconds) ? seconds : 0;
}

export interface ContextSrvEnvironment {
  cookie: () => string;
  now: () => number;
  random: () => number;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  rotate: () => Promise<{ status: number }>;
  reload: () => void;
  suspended: () => boolean;
}

export function browserEnvironment(appSubUrl: string): ContextSrvEnvironment {
  return {
    cookie: () => document.cookie,
    now: () => Date.now(),
    random: () => Math.random(),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    // Grafana uses fetch directly here, bypassing BackendSrv's queue.
    rotate: () => fetch(`${appSubUrl}/api/user/auth-tokens/rotate`, { method: 'POST' }),
    reload: () => window.location.reload(),
    suspended: () => window.sessionStorage.getItem(SUSPEND_ROTATION_KEY) === '1',
  };
}

export class HostContextSrv {
  private jobId = 0;

  constructor(
    private signedIn: boolean,
    private env: ContextSrvEnvironment
  ) {
    this.scheduleTokenRotationJob();
  }

  isSignedIn(): boolean {
    return this.signedIn;
  }

  /** Grafana's signed-out state: the page reloads, and the server answers with its login page. */
  setLoggedOut(): void {
    this.cancelTokenRotationJob();
    this.signedIn = false;
    this.env.reload();
  }

  scheduleTokenRotationJob(): void {
    const expires = getSessionExpiry(this.env.cookie());
    if (!this.signedIn || expires === 0 || this.env.suspended()) {
      return;
    }
    // Every tab sharing the session schedules the job, so Grafana spreads them over 1 to 20 seconds before expiry.
    // Not Grafana's: the spread is capped at a third of the time left, so that an interval of a few seconds (the
    // e2e stack's) does not rotate in a loop.
    const left = expires - this.env.now() / 1000;
    const spread = Math.min(Math.floor(this.env.random() * 19 + 1), Math.max(0, Math.floor(left / 3)));
    const nextRun = Math.min((expires - spread) * 1000 - this.env.now(), 2147483647);
    this.jobId = this.env.setTimeout(() => {
      // Another tab rotated already: its new expiry is in the shared cookie.
      if (getSessionExpiry(this.env.cookie()) > expires) {
        this.scheduleTokenRotationJob();
        return;
      }
      void this.rotateToken();
    }, nextRun);
  }

  private cancelTokenRotationJob(): void {
    if (this.jobId > 0) {
      this.env.clearTimeout(this.jobId);
    }
  }

  private async rotateToken(): Promise<void> {
    try {
      const res = await this.env.rotate();
      if (res.status === 200) {
        this.scheduleTokenRotationJob();
      } else if (res.status === 401) {
        this.setLoggedOut();
      }
    } catch (e) {
      console.error(e);
    }
  }
}
