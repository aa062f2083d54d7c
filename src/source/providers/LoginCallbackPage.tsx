// Every host's login runs in a popup opened with noopener on this page (the one-time state says which host it is
// for, through the providers' table). Opened with `?login=<state>`, the page keeps the state in the popup's own session storage, says it is
// ready and goes on to the authorize URL the opener sends back (over a BroadcastChannel, keyed by the state). Sent
// back by the host, it checks the state, hands the result to the opener on the same channel, then closes itself.
import React, { useEffect, useState } from 'react';
import { t, Trans } from '@grafana/i18n';
import { Alert } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';
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
    return (
      <div data-testid="github-callback-starting">
        <Trans i18nKey="source.login-callback-page.starting">Opening the login page…</Trans>
      </div>
    );
  }
  const host =
    providerOfLoginState(message.pendingState ?? '')?.name ??
    t('source.login-callback-page.a-git-host', 'The Git host');
  if (message.error) {
    return (
      <Alert
        severity="error"
        title={t('source.login-callback-page.title-not-finished', '{{host}} login did not finish', { host, interpolation: PLAIN_TEXT })}
        data-testid="github-callback-error"
      >
        {message.error === 'state_mismatch' ? (
          <Trans i18nKey="source.login-callback-page.state-mismatch">
            This login was not started from this browser session (its one-time state did not match). Close this window
            and click Connect again.
          </Trans>
        ) : (
          <>
            {t('source.login-callback-page.host-said', '{{host}} said:', { host, interpolation: PLAIN_TEXT })}{' '}
            {message.errorDescription || message.error}
            {'. '}
            <Trans i18nKey="source.login-callback-page.try-again">Close this window and try again.</Trans>
          </>
        )}
      </Alert>
    );
  }
  return (
    <div data-testid="github-callback-done">
      <Trans i18nKey="source.login-callback-page.done">
        Connected. This window closes by itself; you can also close it.
      </Trans>
    </div>
  );
}

export default LoginCallbackPage;
