// The session model every Git host's login gives the source layer, whatever the login behind it (GitHub's OAuth
// app today): the views read its state, the vcs.v1 calls keep it in step.

export type SessionProblem =
  /** The token expired and could not be refreshed. */
  | { kind: 'expired' }
  /** The server refused a session that had worked before (revoked, or the server's key changed). */
  | { kind: 'rejected' }
  /** A brand-new session was refused at once: the data source does not forward the cookie (keepCookies). */
  | { kind: 'cookie-not-forwarded' };

export interface SessionState {
  connected: boolean;
  refreshing: boolean;
  tokenExpiresAt?: number;
  /** When the current login happened; a new login gives a new value, a refresh keeps it. */
  connectedAt?: number;
  problem?: SessionProblem;
}

export interface SourceSession {
  getState(): SessionState;
  /** For useSyncExternalStore: the listener runs on every change of state. */
  subscribe(listener: () => void): () => void;
  /** Refreshes the token first when it is about to expire. */
  ensureFresh(): Promise<void>;
  /** A call got through: the credentials work. */
  markVerified(): void;
  /** The server refused the credentials: the session ends, with the reason in `problem`. */
  reportUnauthenticated(): void;
  disconnect(): void;
}
