import { parseTime } from './time-range';

describe('/api/ds/query from/to', () => {
  const now = 1_700_000_000_000;
  it('reads epoch milliseconds and relative times', () => {
    expect(parseTime('1699999000000', now)).toBe(1699999000000);
    expect(parseTime('now', now)).toBe(now);
    expect(parseTime('now-1h', now)).toBe(now - 3600000);
    expect(parseTime('now-15m', now)).toBe(now - 900000);
    expect(parseTime('now+2d', now)).toBe(now + 2 * 86400000);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'yesterday', 'now-1', 'now-1x', '12.5', undefined]) {
      expect(() => parseTime(bad, now)).toThrow('invalid time');
    }
  });
});
