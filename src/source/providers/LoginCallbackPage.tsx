// Every host's login runs in a popup opened with noopener on this page (the one-time state says which host it is
// for, through the providers' table). Opened with `?login=<state>`, the page keeps the state in the popup's own session storage, says it is
// ready and goes on to the authorize URL the opener sends back (over a BroadcastChannel, keyed by the state). Sent
// back by the host, it checks the state, hands the result to the opener on the same channel, then closes itself.
import React, { useEffect, useState } from 'react';
import { Alert } from '@grafana/ui';
import {
  CALLBACK_CHANNEL,
  GO_MESSAGE_TYPE,
  OAUTH_STATE_KEY,
  READY_MESSAGE_TYPE,
  START_PARAM,
  callbackMessage,
  type CallbackMessage,
  type StartMessage,
} from '../connection/popupLogin';
import { providerOfLoginState } from './table';

type PopupWindow = Pick<Window, 'sessionStorage' | 'close'> & {
  location: Pick<Location, 'search' | 'assign'>;
};

export interface LoginCallbackPageProps {
  /** Defaults to the real window; tests pass their own. */
  win?: PopupWindow;
  /** Defaults to a BroadcastChannel; tests pass their own. */
  createChannel?: () => Pick<BroadcastChannel, 'postMessage' | 'close' | 'onmessage'>;
}

const broadcastChannel = () => new BroadcastChannel(CALLBACK_CHANNEL);

export function LoginCallbackPage({ win = window, createChannel = broadcastChannel }: LoginCallbackPageProps) {
  const starting = new URLSearchParams(win.location.search).get(START_PARAM);
  // Computed once: the state stays in session storage, so a second render (strict mode) reads the same result.
  const [message] = useState<CallbackMessage | undefined>(() =>
    starting === null ? callbackMessage(win.location.search, win.sessionStorage.getItem(OAUTH_STATE_KEY)) : undefined
  );

  useEffect(() => {
    const channel = createChannel();
    if (message) {
      channel.postMessage(message);
      channel.close();
      win.close();
      return;
    }
    const state = starting!;
    win.sessionStorage.setItem(OAUTH_STATE_KEY, state);
    channel.onmessage = (event: MessageEvent) => {
      const reply = event.data as StartMessage | undefined;
      if (reply?.type !== GO_MESSAGE_TYPE || reply.state !== state) {
        return;
      }
      channel.close();
      if (reply.url) {
        win.location.assign(reply.url);
      } else {
        // The opener could not start the login, or gave up on it.
        win.close();
      }
    };
    channel.postMessage({ type: READY_MESSAGE_TYPE, state } satisfies StartMessage);
    return () => channel.close();
  }, [win, message, starting, createChannel]);

  if (!message) {
    return <div data-testid="github-callback-starting">Opening the login page…</div>;
  }
  const host = providerOfLoginState(message.pendingState ?? '')?.name ?? 'Git host';
  if (message.error) {
    return (
      <Alert severity="error" title={`${host} login did not finish`} data-testid="github-callback-error">
        {message.error === 'state_mismatch'
          ? 'This login was not started from this browser session (its one-time state did not match). Close this window and click Connect again.'
          : `${host} said: ${message.errorDescription || message.error}. Close this window and try again.`}
      </Alert>
    );
  }
  return <div data-testid="github-callback-done">Connected. This window closes by itself; you can also close it.</div>;
}

export default LoginCallbackPage;
