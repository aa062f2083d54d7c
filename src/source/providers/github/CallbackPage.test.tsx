import React from 'react';
import { render, screen } from '@testing-library/react';
import { GithubCallbackPage } from './CallbackPage';
import { CALLBACK_MESSAGE_TYPE, OAUTH_STATE_KEY } from './login';
import { memoryStorage } from '../../../test-support/memory';

function popupWindow(search: string, storedState: string | null) {
  const sessionStorage = memoryStorage();
  if (storedState) {
    sessionStorage.setItem(OAUTH_STATE_KEY, storedState);
  }
  const opener = { postMessage: jest.fn() };
  const win = { location: { search, origin: 'http://localhost' }, sessionStorage, opener, close: jest.fn() };
  return { win, opener };
}

test('hands the code to the opener, same origin only, and closes', () => {
  const { win, opener } = popupWindow('?code=abc&state=s1', 's1');
  render(<GithubCallbackPage win={win as unknown as Window} />);
  expect(opener.postMessage).toHaveBeenCalledWith(
    { type: CALLBACK_MESSAGE_TYPE, pendingState: 's1', code: 'abc' },
    'http://localhost'
  );
  expect(win.close).toHaveBeenCalled();
  expect(screen.getByTestId('github-callback-done')).toBeInTheDocument();
});

test('refuses a state it did not start, and passes no code on', () => {
  const { win, opener } = popupWindow('?code=abc&state=forged', 's1');
  render(<GithubCallbackPage win={win as unknown as Window} />);
  expect(opener.postMessage).toHaveBeenCalledWith(
    { type: CALLBACK_MESSAGE_TYPE, pendingState: 's1', error: 'state_mismatch' },
    'http://localhost'
  );
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent(/one-time state did not match/);
});

test("passes GitHub's error on", () => {
  const { win, opener } = popupWindow('?error=access_denied&error_description=denied&state=s1', 's1');
  render(<GithubCallbackPage win={win as unknown as Window} />);
  expect(opener.postMessage.mock.calls[0][0]).toMatchObject({ error: 'access_denied', errorDescription: 'denied' });
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitHub said: denied');
});

test("names GitLab when the login was GitLab's (its state), and passes the code on the same way", () => {
  const denied = popupWindow('?error=access_denied&error_description=denied&state=gitlab.s1', 'gitlab.s1');
  const { unmount } = render(<GithubCallbackPage win={denied.win as unknown as Window} />);
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitLab said: denied');
  expect(screen.getByTestId('github-callback-error')).toHaveTextContent('GitLab login did not finish');
  unmount();
  const ok = popupWindow('?code=gl&state=gitlab.s1', 'gitlab.s1');
  render(<GithubCallbackPage win={ok.win as unknown as Window} />);
  expect(ok.opener.postMessage).toHaveBeenCalledWith(
    { type: CALLBACK_MESSAGE_TYPE, pendingState: 'gitlab.s1', code: 'gl' },
    'http://localhost'
  );
});
