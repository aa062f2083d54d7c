// Grafana's /api/ds/query `from`/`to`: epoch milliseconds as strings, or relative `now-1h` style. Pure.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000, M: 2592000000, y: 31536000000 };

export function parseTime(value: unknown, now: number): number {
  const text = String(value ?? '').trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const m = /^now(?:([+-])(\d+)([smhdwMy]))?$/.exec(text);
  if (!m) {
    throw new Error(`invalid time ${JSON.stringify(text)}`);
  }
  if (!m[1]) {
    return now;
  }
  const delta = Number(m[2]) * UNIT_MS[m[3]];
  return m[1] === '-' ? now - delta : now + delta;
}
