// The frontend's scheduled rotation of Grafana's session, with a fake clock and fake timers.
import { getSessionExpiry, HostContextSrv, type ContextSrvEnvironment } from './context-srv';

function environment(expirySeconds: number) {
  const timers: Array<{ fn: () => void; at: number }> = [];
  const state = { now: 1_000_000_000_000, cookie: `a=1; grafana_session_expiry=${expirySeconds}`, rotations: 0, reloads: 0, answer: 200, suspended: false };
  const env: ContextSrvEnvironment = {
    cookie: () => state.cookie,
    now: () => state.now,
    random: () => 0.5,
    setTimeout: (fn, ms) => timers.push({ fn, at: state.now + ms }),
    clearTimeout: (id) => void (timers[id - 1] = { fn: () => undefined, at: Infinity }),
    rotate: async () => {
      state.rotations++;
      if (state.answer === 200) {
        state.cookie = `grafana_session_expiry=${Math.floor(state.now / 1000) + 600}`;
      }
      return { status: state.answer };
    },
    reload: () => void state.reloads++,
    suspended: () => state.suspended,
  };
  /** Moves the clock to the next timer and runs it. */
  const runNext = async () => {
    const next = timers.filter((t) => t.at !== Infinity).sort((a, b) => a.at - b.at)[0];
    timers.splice(timers.indexOf(next), 1);
    state.now = Math.max(state.now, next.at);
    next.fn();
    await new Promise((r) => setImmediate(r));
  };
  return { env, state, timers, runNext };
}

test('reads the expiry cookie in seconds, 0 when missing or garbled', () => {
  expect(getSessionExpiry('x=1; grafana_session_expiry=1700000000')).toBe(1700000000);
  expect(getSessionExpiry('x=1')).toBe(0);
  expect(getSessionExpiry('grafana_session_expiry=soon')).toBe(0);
});

test('rotates a few seconds before the expiry, then again before the next one', async () => {
  const { env, state, timers, runNext } = environment(1_000_000_000 + 600);
  new HostContextSrv(true, env);
  // Grafana spreads tabs over 1 to 20 seconds before expiry: with random 0.5, 10 seconds.
  expect(timers[0].at).toBe((1_000_000_000 + 600 - 10) * 1000);
  await runNext();
  expect(state.rotations).toBe(1);
  expect(timers.at(-1)!.at).toBe((Math.floor(state.now / 1000) + 600 - 10) * 1000);
});

test('another tab rotated first: only schedules again; a refused rotation signs out', async () => {
  const { env, state, runNext } = environment(1_000_000_000 + 600);
  new HostContextSrv(true, env);
  state.cookie = `grafana_session_expiry=${1_000_000_000 + 1200}`;
  await runNext();
  expect(state.rotations).toBe(0);
  state.answer = 401;
  await runNext();
  expect(state.rotations).toBe(1);
  expect(state.reloads).toBe(1);
});

test('schedules nothing when signed out, without an expiry cookie, or while suspended (a sleeping laptop)', () => {
  const a = environment(1_000_000_000 + 600);
  new HostContextSrv(false, a.env);
  const b = environment(0);
  b.state.cookie = '';
  new HostContextSrv(true, b.env);
  const c = environment(1_000_000_000 + 600);
  c.state.suspended = true;
  new HostContextSrv(true, c.env);
  expect([a.timers.length, b.timers.length, c.timers.length]).toEqual([0, 0, 0]);
});

test('a short interval does not rotate in a loop: the spread is at most a third of the time left', () => {
  const { env, timers } = environment(1_000_000_000 + 6);
  new HostContextSrv(true, env);
  expect(timers[0].at).toBe((1_000_000_000 + 6 - 2) * 1000);
});
