// The login popup for tests: window.open records what the opener asked for; the popup's pages are the real callback
// page over a real BroadcastChannel (Node's, the same API as the browser's). For tests only.
import React from 'react';
import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { act, render } from '@testing-library/react';
import { CALLBACK_CHANNEL } from '../source/connection/popupLogin';
import { LoginCallbackPage } from '../source/providers/LoginCallbackPage';
import { memoryStorage } from './memory';

type Channel = Pick<BroadcastChannel, 'postMessage' | 'close' | 'onmessage'>;

export function loginPopup(options: { blocked?: boolean } = {}) {
  const channels: NodeBroadcastChannel[] = [];
  const createChannel = (): Channel => {
    const channel = new NodeBroadcastChannel(CALLBACK_CHANNEL);
    channels.push(channel);
    return channel as unknown as Channel;
  };
  const opened: Array<{ url: string; name: string; features: string }> = [];
  /** The popup's own session storage: it keeps it from the start page, through the host, to the callback. */
  const sessionStorage = memoryStorage();
  const navigations: string[] = [];
  let closed = false;
  const popupWindow = (search: string) => ({
    location: { search, assign: (url: string) => void navigations.push(url) },
    sessionStorage,
    close: () => void (closed = true),
  });
  const show = (search: string) =>
    act(() => {
      render(<LoginCallbackPage win={popupWindow(search) as never} createChannel={createChannel} />);
    });
  return {
    opened,
    navigations,
    sessionStorage,
    get closed() {
      return closed;
    },
    /** What the opener's LoginEnvironment takes. */
    createChannel,
    open: jest.fn((url: string, name: string, features: string) => {
      opened.push({ url, name, features });
      return null;
    }),
    /** The browser shows the page the opener asked for (unless it blocks pop-ups). */
    load: () => (options.blocked ? Promise.resolve() : show(new URL(opened[opened.length - 1].url).search)),
    /** The host sends the popup back to the callback page with these parameters. */
    returnFromHost: (params: Record<string, string>) => show(`?${new URLSearchParams(params)}`),
    /** A message from a login page on the same channel; settles once it has been delivered. */
    broadcast: (message: unknown) =>
      act(async () => {
        const probe = createChannel();
        const delivered = new Promise<void>((resolve) => (probe.onmessage = () => resolve()));
        createChannel().postMessage(message);
        await delivered;
      }),
    closeChannels: () => channels.forEach((c) => c.close()),
  };
}
