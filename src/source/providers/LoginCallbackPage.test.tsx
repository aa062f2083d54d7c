import React from 'react';
import { render, screen } from '@testing-library/react';
import { LoginCallbackPage } from './LoginCallbackPage';
import { CALLBACK_MESSAGE_TYPE, GO_MESSAGE_TYPE, OAUTH_STATE_KEY, READY_MESSAGE_TYPE } from '../connection/popupLogin';
import { memoryStorage } from '../../test-support/memory';

type Listener = ((event: MessageEvent) => void) | null;

/** The popup window (no opener: it was opened with noopener) and its BroadcastChannel. */
function popupWindow(search: string, storedState: string | null) {
  const sessionStorage = memoryStorage();
  if (storedState) {
    sessionStorage.setItem(OAUTH_STATE_KEY, storedState);
  }
  const assign = jest.fn();
  const win = { location: { search, assign }, sessionStorage, close: jest.fn() };
  const channel = { postMessage: jest.fn(), close: jest.fn(), onmessage: null as Listener };
  const reply = (data: unknown) => channel.onmessage?.({ data } as MessageEvent);
  return { win, channel, assign, reply, createChannel: () => channel as unknown as BroadcastChannel };
}

test('opened to start a login: keeps the state, says it is ready, goes to the URL the opener sends for it', () => {
  const p = popupWindow('?login=s1', null);
  render(<LoginCallbackPage win={p.win as never} createChannel={p.createChannel} />);
  expect(p.win.sessionStorage.getItem(OAUTH_STATE_KEY)).toBe('s1');
  expect(p.channel.postMessage).toHaveBeenCalledWith({ type: READY_MESSAGE_TYPE, state: 's1' });
  expect(screen.getByTestId('github-callback-starting')).toBeInTheDocument();
  // Another tab's login on the same channel is not ours.
  p.reply({ type: GO_MESSAGE_TYPE, state: 'other', url: 'https://github.com/login/oauth/authorize?state=other' });
  expect(p.assign).not.toHaveBeenCalled();
  p.reply({ type: GO_MESSAGE_TYPE, state: 's1', url: 'https://github.com/login/oauth/authorize?state=s1' });
  expect(p.assign).toHaveBeenCalledWith('https://github.com/login/oauth/authorize?state=s1');
  expect(p.win.close).not.toHaveBeenCalled();
});

test('closes itself when the opener could not start the login', () => {
  const p = popupWindow('?login=s1', null);
  render(<LoginCallbackPage win={p.win as never} createChannel={p.createChannel} />);
  p.reply({ type: GO_MESSAGE_TYPE, state: 's1' });
  expect(p.assign).not.toHaveBeenCalled();
  expect(p.win.close).toHaveBeenCalled();
});

test('hands the code over on the channel and closes', () => {
  const p = popupWindow('?code=abc&state=s1', 's1');
  render(<LoginCallbackPage win={p.win as never} createChannel={p.createChannel} />);
  expect(p.channel.postMessage).toHaveBeenCalledWith({ type: CALLBACK_MESSAGE_TYPE, pendingState: 's1', code: 'abc' });
  expect(p.win.close).toHaveBeenCalled();
  expect(screen.getByTestId('github-callback-done')).toBeInTheDocument();
});

test('refuses a state it did not start, and passes no code on', () => {
  const p = popupWindow('?code=abc&state=forged', 's1');
  render(<LoginCallbackPage win={p.win as never} createChannel={p.createChannel} />);
  expect(p.channel.postMessage).toHaveBeenCalledWith({
    type: CALLBACK_MESSAGE_TYPE,
    pendingState: 's1',
    error: 'state_mismatch',
  });
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent(/one-time state did not match/);
});

test("passes GitHub's error on", () => {
  const p = popupWindow('?error=access_denied&error_description=denied&state=s1', 's1');
  render(<LoginCallbackPage win={p.win as never} createChannel={p.createChannel} />);
  expect(p.channel.postMessage.mock.calls[0][0]).toMatchObject({ error: 'access_denied', errorDescription: 'denied' });
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitHub said: denied');
});

test("names GitLab when the login was GitLab's (its state), and passes the code on the same way", () => {
  const denied = popupWindow('?error=access_denied&error_description=denied&state=gitlab.s1', 'gitlab.s1');
  const { unmount } = render(<LoginCallbackPage win={denied.win as never} createChannel={denied.createChannel} />);
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitLab said: denied');
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitLab login did not finish');
  unmount();
  const ok = popupWindow('?code=gl&state=gitlab.s1', 'gitlab.s1');
  render(<LoginCallbackPage win={ok.win as never} createChannel={ok.createChannel} />);
  expect(ok.channel.postMessage).toHaveBeenCalledWith({
    type: CALLBACK_MESSAGE_TYPE,
    pendingState: 'gitlab.s1',
    code: 'gl',
  });
});
