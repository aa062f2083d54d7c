import { dateTime, type RawTimeRange, rangeUtil, type TimeRange } from '@grafana/data';
import type { TimeRangeMs } from '../domain/target';

// The URL keeps the time range as Grafana does: relative strings ("now-1h") or Unix ms.

const toRawValue = (value: string) => (/^\d+$/.test(value) ? dateTime(Number(value)) : value);

export function toTimeRange(from: string, to: string): TimeRange {
  return rangeUtil.convertRawToRange({ from: toRawValue(from), to: toRawValue(to) } as RawTimeRange);
}

/** Unix ms of a range, resolved now (a relative range moves with time). */
export function toMs(from: string, to: string): TimeRangeMs {
  const range = toTimeRange(from, to);
  return { from: range.from.valueOf(), to: range.to.valueOf() };
}

/** What goes back into the URL for a range the time picker chose: relative stays relative. */
export function toUrlRange(range: TimeRange): { from: string; to: string } {
  const raw = (value: RawTimeRange['from'], resolved: number) => (typeof value === 'string' ? value : String(resolved));
  return { from: raw(range.raw.from, range.from.valueOf()), to: raw(range.raw.to, range.to.valueOf()) };
}

/** The time picker's arrows move by half the span; zooming out doubles it around the middle. */
export function shiftRange(range: TimeRangeMs, direction: -1 | 1): { from: string; to: string } {
  const half = Math.round((range.to - range.from) / 2);
  return { from: String(range.from + direction * half), to: String(range.to + direction * half) };
}

export function zoomOut(range: TimeRangeMs): { from: string; to: string } {
  const half = Math.round((range.to - range.from) / 2);
  return { from: String(range.from - half), to: String(range.to + half) };
}
