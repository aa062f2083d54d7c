// The width of the side panel beside the flame graph, as a share of the space the two share. A share (not pixels)
// keeps the split sensible when the window changes size; pixel bounds keep both sides usable.

export const SIDE_PANEL_WIDTH_KEY = 'linescope.sidePanel.width';
/** About 45% of a 1600 px page with Grafana's menu docked. */
export const DEFAULT_SHARE = 0.5;
/** Narrower than this, the code view has no room for a line of source beside the numbers. */
export const MIN_PANEL_PX = 380;
/** The flame graph keeps at least this much. */
export const MIN_GRAPH_PX = 280;
/** One arrow-key press moves the edge this much; with Shift, the big step. */
export const KEY_STEP = 0.02;
export const BIG_KEY_STEP = 0.1;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The smallest and largest share for a split area this wide (the panel's minimum wins in a tight space). */
export function shareBounds(containerPx: number): { min: number; max: number } {
  if (containerPx <= 0) {
    return { min: 0, max: 1 };
  }
  const min = Math.min(1, MIN_PANEL_PX / containerPx);
  const max = Math.max(min, 1 - MIN_GRAPH_PX / containerPx);
  return { min, max };
}

export function clampShare(share: number, containerPx: number): number {
  const { min, max } = shareBounds(containerPx);
  return Math.min(max, Math.max(min, Number.isFinite(share) ? share : DEFAULT_SHARE));
}

/** The share the panel gets when its left edge is dragged to `pointerX` (the panel sits on the right). */
export function shareAtPointer(pointerX: number, container: { left: number; width: number }): number {
  return container.width > 0 ? (container.left + container.width - pointerX) / container.width : DEFAULT_SHARE;
}

/** Keyboard resizing of a vertical separator on the panel's left edge: left widens the panel, right narrows it. */
export function shareAfterKey(
  share: number,
  key: string,
  shift: boolean,
  bounds: { min: number; max: number }
): number | undefined {
  const step = shift ? BIG_KEY_STEP : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return Math.min(bounds.max, share + step);
    case 'ArrowRight':
      return Math.max(bounds.min, share - step);
    case 'Home':
      return bounds.max;
    case 'End':
      return bounds.min;
    case 'Enter':
      return DEFAULT_SHARE;
    default:
      return undefined;
  }
}

export function readShare(storage: KeyValueStorage | undefined): number {
  const stored = Number(storage?.getItem(SIDE_PANEL_WIDTH_KEY));
  // Anything odd in storage (hand-edited, an older format) falls back to the default instead of a broken layout.
  return stored > 0 && stored < 1 ? stored : DEFAULT_SHARE;
}

export function writeShare(storage: KeyValueStorage | undefined, share: number): void {
  try {
    storage?.setItem(SIDE_PANEL_WIDTH_KEY, share.toFixed(4));
  } catch {
    // Full or disabled storage: the width simply is not remembered.
  }
}
