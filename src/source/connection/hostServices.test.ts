import type { HostSession } from './hostSession';
import { perDataSource } from './hostServices';

const fakeSession = () => ({ sync: jest.fn() }) as unknown as HostSession & { sync: jest.Mock };

test('builds one entry per data source, once, and follows other tabs through its own storage key only', () => {
  const build = jest.fn(() => ({ session: fakeSession() }));
  const entry = perDataSource('linescope.test.session', build);
  const a = entry('a');
  expect(entry('a')).toBe(a);
  const b = entry('b');
  expect(b).not.toBe(a);
  expect(build.mock.calls).toEqual([['a'], ['b']]);

  window.dispatchEvent(new StorageEvent('storage', { key: 'linescope.other.session' }));
  expect(a.session.sync).not.toHaveBeenCalled();
  window.dispatchEvent(new StorageEvent('storage', { key: 'linescope.test.session' }));
  expect(a.session.sync).toHaveBeenCalledTimes(1);
  expect(b.session.sync).toHaveBeenCalledTimes(1);
  // localStorage.clear() in another tab: the key is null.
  window.dispatchEvent(new StorageEvent('storage', { key: null }));
  expect(a.session.sync).toHaveBeenCalledTimes(2);
});
