// GitHub and GitLab send the login popup back here (the one-time state says which host it was). The page checks the one-time state, hands the result to the window
// that opened it (same origin: postMessage, and BroadcastChannel in case GitHub's pages cut the opener link),
// then closes itself.
import React, { useEffect, useState } from 'react';
import { Alert } from '@grafana/ui';
import { GITLAB_STATE_PREFIX } from '../gitlab/login';
import { CALLBACK_CHANNEL, OAUTH_STATE_KEY, callbackMessage, type CallbackMessage } from './login';

export interface GithubCallbackPageProps {
  /** Defaults to the real window; tests pass their own. */
  win?: Window;
}

export function GithubCallbackPage({ win = window }: GithubCallbackPageProps) {
  // Computed once: the state stays in session storage, so a second render (strict mode) reads the same result.
  const [message] = useState<CallbackMessage>(() =>
    callbackMessage(win.location.search, win.sessionStorage.getItem(OAUTH_STATE_KEY))
  );

  useEffect(() => {
    win.opener?.postMessage(message, win.location.origin);
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(CALLBACK_CHANNEL);
      channel.postMessage(message);
      channel.close();
    }
    win.close();
  }, [win, message]);

  const host = message.pendingState?.startsWith(GITLAB_STATE_PREFIX) ? 'GitLab' : 'GitHub';
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

export default GithubCallbackPage;
