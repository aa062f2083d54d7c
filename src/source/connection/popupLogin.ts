// A Git host's authorization-code flow in a popup (GitHub's and GitLab's through the same code). The popup is opened
// with noopener (Grafana's plugin rules), so it has no link back: it starts on our own callback page (same origin as
// Grafana, under its sub-path), which says it is ready and gets the host's authorize URL over a BroadcastChannel,
// keyed by the login's one-time state. The host sends it back to that page, which checks the state and hands the
// code over on the same channel; the code then goes to the host's login RPC through the data source proxy.
import { Code, ConnectError } from '@connectrpc/connect';
import { randomState } from '../core/pkce';

// The names below are kept as GitHub's login first had them: the route is registered as the redirect URI of every
// host's OAuth application, and a popup opened by an older page still speaks on the same channel.
export const OAUTH_STATE_KEY = 'linescope.github.oauthState';
export const CALLBACK_CHANNEL = 'linescope-github-login';
export const CALLBACK_MESSAGE_TYPE = 'linescope-github-callback';
export const CALLBACK_ROUTE = 'github/callback';
export const READY_MESSAGE_TYPE = 'linescope-login-ready';
export const GO_MESSAGE_TYPE = 'linescope-login-go';
/** The popup page's query parameter carrying the state of the login it starts. */
export const START_PARAM = 'login';
/** A popup that has not said it is ready by then was blocked (noopener leaves no window to look at). */
export const POPUP_READY_MS = 20_000;
/** How long a login waits for its code (the popup may be closed at any time without telling us). */
export const LATE_CODE_MS = 10 * 60_000;

/** What the popup page and the opener say to each other before the host's pages are shown. */
export type StartMessage =
  | { type: typeof READY_MESSAGE_TYPE; state: string }
  | { type: typeof GO_MESSAGE_TYPE; state: string; url?: string };

/** What the callback page sends to the opener. */
export interface CallbackMessage {
  type: typeof CALLBACK_MESSAGE_TYPE;
  /** The state this login started with, as the callback page found it in session storage. */
  pendingState: string | null;
  code?: string;
  /** The host's `error` parameter, or `state_mismatch` when the callback page refused the state. */
  error?: string;
  errorDescription?: string;
}

export type LoginErrorKind =
  'popup-blocked' | 'popup-closed' | 'state-mismatch' | 'host-refused' | 'not-configured' | 'login-failed';

export class LoginError extends Error {
  constructor(
    readonly kind: LoginErrorKind,
    message: string
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

export function callbackUrl(origin: string, appSubUrl: string): string {
  return `${origin}${appSubUrl}/a/linescope-app/${CALLBACK_ROUTE}`;
}

/** Where the popup opens: the callback page, told which login it starts. */
export function popupStartUrl(redirectUri: string, state: string): string {
  return `${redirectUri}?${START_PARAM}=${encodeURIComponent(state)}`;
}

interface ChannelLike {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

export interface LoginEnvironment {
  window: Pick<Window, 'open' | 'screenX' | 'screenY' | 'outerWidth' | 'outerHeight'> & {
    location: { origin: string };
  };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  appSubUrl: string;
  createChannel?: () => ChannelLike | undefined;
  newState?: () => string;
}

export interface LoginAttempt {
  /** Settles when the session is stored, or with a LoginError. */
  done: Promise<void>;
  /** Stops listening (a new attempt, or the component went away). */
  cancel(): void;
}

const defaultChannel = () =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CALLBACK_CHANNEL);

function describe(error: unknown): string {
  return ConnectError.from(error).rawMessage || String(error);
}

/** What differs between hosts in the popup login. */
export interface PopupLoginProvider {
  /** In messages: "GitHub", "GitLab". */
  name: string;
  /** The popup window's name (one per host, so that a GitHub and a GitLab login do not share a window). */
  popupName: string;
  /** Put in front of the one-time state, so the callback page's message says which host it is for. */
  statePrefix: string;
  /** Where the popup goes: the host's authorize page (rejects with Unimplemented when not configured). */
  authorizeUrl(state: string, redirectUri: string): Promise<string>;
  /** Exchanges the code through the source server and stores the session. */
  complete(code: string, state: string, redirectUri: string): Promise<void>;
  /** Why the login cannot start when the source server has no application for this host. */
  notConfigured: string;
}

/** Must be called from the click handler itself: browsers only allow popups opened by a user gesture. */
export function startPopupLogin(provider: PopupLoginProvider, env: LoginEnvironment): LoginAttempt {
  const { window: win } = env;
  const state = `${provider.statePrefix}${(env.newState ?? randomState)()}`;
  const redirectUri = callbackUrl(win.location.origin, env.appSubUrl);
  const channel = (env.createChannel ?? defaultChannel)();
  if (!channel) {
    return {
      done: Promise.reject(
        new LoginError('login-failed', `This browser cannot hand the ${provider.name} login back (no BroadcastChannel).`)
      ),
      cancel: () => {},
    };
  }

  const width = 800;
  const height = 900;
  const left = win.screenX + Math.max(0, (win.outerWidth - width) / 2);
  const top = win.screenY + Math.max(0, (win.outerHeight - height) / 2);
  // With noopener the browser hands back no window (null whether or not it opened): the page's hello tells.
  win.open(
    popupStartUrl(redirectUri, state),
    provider.popupName,
    `popup=yes,width=${width},height=${height},left=${left},top=${top},noopener,noreferrer`
  );

  let settled = false;
  let resolveDone!: () => void;
  let rejectDone!: (error: LoginError) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const fail = (error: LoginError) => {
    if (!settled) {
      settled = true;
      rejectDone(error);
    }
  };

  let listening = true;
  const stopListening = () => {
    listening = false;
    clearTimeout(readyLimit);
    clearTimeout(codeLimit);
    channel.onmessage = null;
    channel.close();
  };
  const send = (message: StartMessage) => {
    if (listening) {
      channel.postMessage(message);
    }
  };

  const finish = async (message: CallbackMessage) => {
    stopListening();
    if (message.error === 'state_mismatch') {
      return fail(
        new LoginError(
          'state-mismatch',
          `The ${provider.name} login could not be verified (its one-time state did not match), so it was not used. Click Connect to start again.`
        )
      );
    }
    if (message.error || !message.code) {
      const reason = (message.errorDescription || message.error || 'no authorization code came back').replace(
        /\.+$/,
        ''
      );
      return fail(new LoginError('host-refused', `${provider.name} did not authorize the connection: ${reason}.`));
    }
    try {
      await provider.complete(message.code, state, redirectUri);
      if (!settled) {
        settled = true;
        resolveDone();
      }
    } catch (error) {
      fail(
        new LoginError(
          'login-failed',
          `The source server could not finish the ${provider.name} login: ${describe(error)}`
        )
      );
    }
  };

  const authorize = provider.authorizeUrl(state, redirectUri);
  // A failure is reported at once; the popup's page, when it says hello, is told to close itself.
  authorize.catch((error) => {
    const code = ConnectError.from(error).code;
    fail(
      code === Code.Unimplemented
        ? new LoginError('not-configured', provider.notConfigured)
        : new LoginError('login-failed', `Could not start the ${provider.name} login: ${describe(error)}`)
    );
  });

  // Other tabs' logins travel on the same channel: only messages with our state count.
  channel.onmessage = (event) => {
    const message = event.data as CallbackMessage | StartMessage | undefined;
    if (!listening) {
      return;
    }
    if (message?.type === READY_MESSAGE_TYPE && message.state === state) {
      clearTimeout(readyLimit);
      authorize.then(
        (url) => send({ type: GO_MESSAGE_TYPE, state, url }),
        () => {
          send({ type: GO_MESSAGE_TYPE, state });
          stopListening();
        }
      );
    } else if (message?.type === CALLBACK_MESSAGE_TYPE && message.pendingState === state) {
      void finish(message);
    }
  };

  const readyLimit = setTimeout(() => {
    if (settled) {
      // The login could not start, and no popup page is waiting to be told.
      return stopListening();
    }
    // The page may only be slow to load: its hello, or a code, arriving later still counts.
    fail(
      new LoginError(
        'popup-blocked',
        `The browser blocked the ${provider.name} login window. Allow pop-ups for this site, then click Connect again.`
      )
    );
  }, POPUP_READY_MS);
  const codeLimit = setTimeout(() => {
    stopListening();
    fail(new LoginError('popup-closed', `The ${provider.name} login window was closed before the login finished.`));
  }, LATE_CODE_MS);

  return {
    done,
    cancel: () => {
      // A popup still waiting for the authorize URL closes itself.
      send({ type: GO_MESSAGE_TYPE, state });
      stopListening();
      settled = true;
    },
  };
}

/**
 * The callback page's part: compare the state the host sent back with the one this login stored, and build the
 * message for the opener. The code is only passed on when the state matches.
 */
export function callbackMessage(search: string, storedState: string | null): CallbackMessage {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  const base = { type: CALLBACK_MESSAGE_TYPE, pendingState: storedState } as const;
  if (!storedState || state !== storedState) {
    return { ...base, error: 'state_mismatch' };
  }
  const error = params.get('error');
  if (error) {
    return { ...base, error, errorDescription: params.get('error_description') ?? undefined };
  }
  return { ...base, code: params.get('code') ?? undefined };
}
