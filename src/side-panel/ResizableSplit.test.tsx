import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { testIds } from '../testIds';
import { ResizableSplit } from './ResizableSplit';
import { DEFAULT_SHARE, KEY_STEP, SIDE_PANEL_WIDTH_KEY } from './width';

const CONTAINER = { left: 100, width: 1000 };

// jsdom has no PointerEvent: without one, fireEvent.pointer* would drop button and clientX.
if (typeof window.PointerEvent === 'undefined') {
  class PointerEvent extends MouseEvent {
    readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 0;
    }
  }
  window.PointerEvent = PointerEvent as typeof window.PointerEvent;
}

beforeEach(() => {
  window.localStorage.clear();
  // jsdom lays nothing out: give the split area a size.
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
    () =>
      ({
        left: CONTAINER.left,
        width: CONTAINER.width,
        right: CONTAINER.left + CONTAINER.width,
        top: 0,
        bottom: 800,
        height: 800,
        x: CONTAINER.left,
        y: 0,
      }) as DOMRect
  );
});
afterEach(() => jest.restoreAllMocks());

const renderSplit = (withSide = true) =>
  render(
    <ResizableSplit
      main={<div>graph</div>}
      side={withSide ? <div>details</div> : undefined}
      sideLabel="Function details"
    />
  );
const separator = () => screen.getByRole('separator', { name: 'Resize Function details' });
const sideWidth = () => screen.getByTestId(testIds.flameGraphPage.sidePanel).style.flexBasis;

test('no handle without a side panel', () => {
  renderSplit(false);
  expect(screen.queryByRole('separator')).not.toBeInTheDocument();
  expect(screen.getByText('graph')).toBeInTheDocument();
});

test('opens at the default width, resizes with the keyboard and remembers the width', async () => {
  renderSplit();
  expect(sideWidth()).toBe(`${DEFAULT_SHARE * 100}%`);
  expect(separator()).toHaveAttribute('aria-valuenow', '50');
  expect(separator()).toHaveAttribute('aria-orientation', 'vertical');

  separator().focus();
  await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
  expect(separator()).toHaveAttribute('aria-valuenow', String(Math.round((DEFAULT_SHARE + 2 * KEY_STEP) * 100)));
  expect(Number(window.localStorage.getItem(SIDE_PANEL_WIDTH_KEY))).toBeCloseTo(DEFAULT_SHARE + 2 * KEY_STEP);

  await userEvent.keyboard('{Home}');
  // The flame graph keeps its minimum: 280 px of 1000.
  expect(separator()).toHaveAttribute('aria-valuenow', '72');
  await userEvent.keyboard('{End}');
  expect(separator()).toHaveAttribute('aria-valuenow', '38');
  await userEvent.keyboard('{Enter}');
  expect(separator()).toHaveAttribute('aria-valuenow', '50');
});

test('a remembered width is used the next time, within the bounds', () => {
  window.localStorage.setItem(SIDE_PANEL_WIDTH_KEY, '0.65');
  const { unmount } = renderSplit();
  expect(sideWidth()).toBe('65%');
  unmount();
  window.localStorage.setItem(SIDE_PANEL_WIDTH_KEY, '0.95');
  renderSplit();
  expect(sideWidth()).toBe('72%');
});

test('dragging the handle sets the width from the pointer and remembers it on release', () => {
  renderSplit();
  fireEvent.pointerDown(separator(), { button: 0, pointerId: 1, clientX: 600 });
  fireEvent.pointerMove(separator(), { pointerId: 1, clientX: 500 });
  expect(sideWidth()).toBe('60%');
  expect(window.localStorage.getItem(SIDE_PANEL_WIDTH_KEY)).toBeNull();
  // Past the flame graph's minimum the edge stops.
  fireEvent.pointerMove(separator(), { pointerId: 1, clientX: 150 });
  expect(sideWidth()).toBe('72%');
  fireEvent.pointerUp(separator(), { pointerId: 1, clientX: 150 });
  expect(Number(window.localStorage.getItem(SIDE_PANEL_WIDTH_KEY))).toBeCloseTo(0.72);
  // After release, moving the pointer changes nothing.
  fireEvent.pointerMove(separator(), { pointerId: 1, clientX: 900 });
  expect(sideWidth()).toBe('72%');
});
