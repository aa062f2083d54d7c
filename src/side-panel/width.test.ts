import { memoryStorage } from '../test-support/memory';
import {
  BIG_KEY_STEP,
  clampShare,
  DEFAULT_SHARE,
  KEY_STEP,
  MIN_GRAPH_PX,
  MIN_PANEL_PX,
  readShare,
  SIDE_PANEL_WIDTH_KEY,
  shareAfterKey,
  shareAtPointer,
  shareBounds,
  writeShare,
} from './width';

test('bounds keep the panel readable and the flame graph usable', () => {
  expect(shareBounds(1400)).toEqual({ min: MIN_PANEL_PX / 1400, max: 1 - MIN_GRAPH_PX / 1400 });
  expect(clampShare(0.05, 1400)).toBe(MIN_PANEL_PX / 1400);
  expect(clampShare(0.99, 1400)).toBe(1 - MIN_GRAPH_PX / 1400);
  expect(clampShare(0.6, 1400)).toBe(0.6);
  // Too narrow for both: the panel keeps its minimum (never more than the whole width).
  expect(shareBounds(500)).toEqual({ min: MIN_PANEL_PX / 500, max: MIN_PANEL_PX / 500 });
  expect(shareBounds(300)).toEqual({ min: 1, max: 1 });
  expect(clampShare(Number.NaN, 1400)).toBe(DEFAULT_SHARE);
});

test('dragging the left edge: the panel gets what lies right of the pointer', () => {
  expect(shareAtPointer(600, { left: 200, width: 1000 })).toBeCloseTo(0.6);
  expect(shareAtPointer(1100, { left: 200, width: 1000 })).toBeCloseTo(0.1);
});

test('keys: left widens, right narrows, Shift takes big steps, Home/End go to the bounds, Enter resets', () => {
  const bounds = { min: 0.3, max: 0.8 };
  expect(shareAfterKey(0.5, 'ArrowLeft', false, bounds)).toBeCloseTo(0.5 + KEY_STEP);
  expect(shareAfterKey(0.5, 'ArrowRight', false, bounds)).toBeCloseTo(0.5 - KEY_STEP);
  expect(shareAfterKey(0.5, 'ArrowLeft', true, bounds)).toBeCloseTo(0.5 + BIG_KEY_STEP);
  expect(shareAfterKey(0.79, 'ArrowLeft', true, bounds)).toBe(0.8);
  expect(shareAfterKey(0.31, 'ArrowRight', true, bounds)).toBe(0.3);
  expect(shareAfterKey(0.5, 'Home', false, bounds)).toBe(0.8);
  expect(shareAfterKey(0.5, 'End', false, bounds)).toBe(0.3);
  expect(shareAfterKey(0.7, 'Enter', false, bounds)).toBe(DEFAULT_SHARE);
  expect(shareAfterKey(0.5, 'a', false, bounds)).toBeUndefined();
});

test('the width is remembered; damaged or missing values give the default', () => {
  const storage = memoryStorage();
  expect(readShare(storage)).toBe(DEFAULT_SHARE);
  writeShare(storage, 0.62);
  expect(readShare(storage)).toBeCloseTo(0.62);
  for (const bad of ['', 'wide', '0', '1.5', '-0.2', '620']) {
    storage.setItem(SIDE_PANEL_WIDTH_KEY, bad);
    expect(readShare(storage)).toBe(DEFAULT_SHARE);
  }
  expect(readShare(undefined)).toBe(DEFAULT_SHARE);
  const full = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };
  expect(() => writeShare(full, 0.5)).not.toThrow();
});
