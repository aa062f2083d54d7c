// Grafana's own session, as seen by calls the plugin makes with fetch (connect-web) rather than through BackendSrv.
//
// Through the data source proxy an upstream 401 never reaches the browser (Grafana answers 400 "Authentication to
// data source failed" instead), so a 401 that does arrive is Grafana's: its session token is due for rotation (after
// the rotation interval every request answers 401 until the frontend rotates it; a laptop that slept or a throttled
// background tab misses the scheduled rotation) or the user is signed out. Like Grafana's BackendSrv, rotate once
// and retry once; a Git session is never ended for it.
import { Code, ConnectError } from '@connectrpc/connect';
import type { BackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

export const GRAFANA_ROTATE_URL = '/api/user/auth-tokens/rotate';

export const GRAFANA_SIGNED_OUT_MESSAGE = 'Your Grafana session has ended: sign in to Grafana again.';

/** Thrown (as a Connect error, so connect-web passes it on unchanged) when Grafana still refuses after rotating. */
export class GrafanaSignedOutError extends ConnectError {
  constructor(cause?: unknown) {
    // Not `unauthenticated`: that code means the Git host's session, which stays as it is.
    super(GRAFANA_SIGNED_OUT_MESSAGE, Code.PermissionDenied, undefined, undefined, cause);
    this.name = 'GrafanaSignedOutError';
  }
}

export function isGrafanaSignedOut(error: unknown): boolean {
  return error instanceof GrafanaSignedOutError || (error instanceof Error && error.name === 'GrafanaSignedOutError');
}

/**
 * Rotates Grafana's session token through BackendSrv, as its own 401 handling does. If the rotation itself is
 * refused, BackendSrv (retry 0) tries its own rotation and then signs the user out: Grafana's signed-out state.
 * (The getter is passed in so that this module loads without Grafana's runtime, in node tests.)
 */
export function backendSrvRotation(getBackendSrv: () => Pick<BackendSrv, 'fetch'>): () => Promise<void> {
  return sharedRotation(async () => {
    await lastValueFrom(
      getBackendSrv().fetch({ url: GRAFANA_ROTATE_URL, method: 'POST', showErrorAlert: false, showSuccessAlert: false })
    );
  });
}

/** One rotation at a time: the calls that got a 401 together wait for the same one (as BackendSrv shares it). */
export function sharedRotation(rotate: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  return () =>
    (inFlight ??= rotate().finally(() => {
      inFlight = undefined;
    }));
}

const noRotation = () => Promise.reject(new Error("no way to rotate Grafana's session was given"));

/**
 * A fetch that answers Grafana's 401 by rotating its session and sending the request again, once. A request whose
 * body is a stream cannot be sent twice; connect-web's unary calls send strings or bytes.
 */
export function grafanaSessionFetch(baseFetch: typeof fetch, rotate: () => Promise<void> = noRotation): typeof fetch {
  return async (input, init) => {
    const first = await baseFetch(input, init);
    if (first.status !== 401) {
      return first;
    }
    try {
      await rotate();
    } catch (error) {
      throw new GrafanaSignedOutError(error);
    }
    if (init?.signal?.aborted) {
      throw init.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    }
    const second = await baseFetch(input, init);
    if (second.status === 401) {
      throw new GrafanaSignedOutError();
    }
    return second;
  };
}
