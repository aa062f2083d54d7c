// The flame graph and, beside it, a side panel whose left edge can be dragged (or moved with the arrow keys) to
// give the panel more room. The width is remembered in this browser. On narrow screens the panel goes below.
//
// Not @grafana/ui's useSplitter, which cannot keep this behaviour: its keyboard support only moves the edge while
// an arrow key is held (0.3 px/ms, animation frames), with no steps, no Shift for bigger steps and no Enter to go
// back to the default width; its double click resets to half and half; its container is always a row with
// `overflow: hidden`, which breaks the sticky side panel and stacking the panel below on narrow screens; and it
// sets pane sizes on the DOM directly, so the remembered share and the bounds (which depend on the container's
// width) could not be React state. The pure rules stay in width.ts.
import { t } from '@grafana/i18n';
import React, { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { PLAIN_TEXT } from '../constants';
import { testIds } from '../testIds';
import { clampShare, readShare, shareAfterKey, shareAtPointer, shareBounds, writeShare } from './width';

interface Props {
  main: React.ReactNode;
  /** The side panel; nothing beside the main part when absent. */
  side?: React.ReactNode;
  sideLabel: string;
}

const storage = () => (typeof window === 'undefined' ? undefined : window.localStorage);

export function ResizableSplit({ main, side, sideLabel }: Props) {
  const styles = useStyles2(getStyles);
  const sideId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [share, setShare] = useState(() => readShare(storage()));
  const [containerPx, setContainerPx] = useState(0);
  const [dragging, setDragging] = useState(false);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) {
      return;
    }
    const measure = () => setContainerPx(element.getBoundingClientRect().width);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [side !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps

  const effective = containerPx > 0 ? clampShare(share, containerPx) : share;
  const bounds = shareBounds(containerPx);

  const commit = useCallback(
    (next: number) => {
      const clamped = containerPx > 0 ? clampShare(next, containerPx) : next;
      setShare(clamped);
      writeShare(storage(), clamped);
    },
    [containerPx]
  );

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) {
      return;
    }
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDragging(true);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const container = containerRef.current?.getBoundingClientRect();
    if (dragging && container) {
      setShare(clampShare(shareAtPointer(e.clientX, container), container.width));
    }
  };
  const endDrag = (e: React.PointerEvent<HTMLDivElement>) => {
    if (dragging) {
      e.currentTarget.releasePointerCapture?.(e.pointerId);
      setDragging(false);
      commit(share);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = shareAfterKey(effective, e.key, e.shiftKey, bounds);
    if (next !== undefined) {
      e.preventDefault();
      commit(next);
    }
  };

  // While dragging, text selection and the flame graph's own pointer handling would fight the drag.
  useEffect(() => {
    if (!dragging) {
      return;
    }
    const previous = document.body.style.userSelect;
    document.body.style.userSelect = 'none';
    return () => {
      document.body.style.userSelect = previous;
    };
  }, [dragging]);

  const percent = (v: number) => Math.round(v * 100);
  return (
    <div ref={containerRef} className={styles.split}>
      <div className={styles.main}>{main}</div>
      {side !== undefined && (
        <>
          <div
            role="separator"
            aria-orientation="vertical"
            aria-label={t('side-panel.resizable-split.resize', 'Resize {{panel}}', {
              panel: sideLabel,
              interpolation: PLAIN_TEXT,
            })}
            aria-controls={sideId}
            aria-valuenow={percent(effective)}
            aria-valuemin={percent(bounds.min)}
            aria-valuemax={percent(bounds.max)}
            aria-valuetext={t('side-panel.resizable-split.width', '{{panel}} {{percent}}% wide', {
              panel: sideLabel,
              percent: percent(effective),
              interpolation: PLAIN_TEXT,
            })}
            title={t(
              'side-panel.resizable-split.how-to',
              'Drag, or use the arrow keys, to resize (Enter: default width)'
            )}
            tabIndex={0}
            className={styles.handle}
            data-dragging={dragging ? 'true' : undefined}
            data-testid={testIds.flameGraphPage.sidePanelResizer}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            onDoubleClick={() => commit(shareAfterKey(effective, 'Enter', false, bounds)!)}
            onKeyDown={onKeyDown}
          />
          <div
            id={sideId}
            className={styles.side}
            style={{ flexBasis: `${effective * 100}%` }}
            data-testid={testIds.flameGraphPage.sidePanel}
          >
            {side}
          </div>
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  split: css({
    display: 'flex',
    alignItems: 'flex-start',
    [theme.breakpoints.down('lg')]: { flexDirection: 'column', gap: theme.spacing(2) },
  }),
  main: css({ flex: '1 1 0', minWidth: 0, width: '100%' }),
  handle: css({
    flex: '0 0 auto',
    alignSelf: 'stretch',
    width: theme.spacing(2),
    cursor: 'col-resize',
    touchAction: 'none',
    position: 'relative',
    // A grip near the top says "drag me"; a thin line in the middle of the wider hit area shows on hover and focus.
    '&::before': {
      content: '""',
      position: 'absolute',
      top: theme.spacing(3),
      left: '50%',
      width: 4,
      height: theme.spacing(4),
      transform: 'translateX(-50%)',
      borderRadius: theme.shape.radius.pill,
      background: theme.colors.border.medium,
    },
    '&::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      bottom: 0,
      left: '50%',
      width: 2,
      transform: 'translateX(-50%)',
      background: 'transparent',
      transition: 'background 0.1s',
    },
    '&:hover::after, &[data-dragging]::after': { background: theme.colors.border.strong },
    '&:focus-visible': { outline: 'none' },
    '&:focus-visible::after': { background: theme.colors.primary.main, width: 3 },
    [theme.breakpoints.down('lg')]: { display: 'none' },
  }),
  side: css({
    flexGrow: 0,
    flexShrink: 0,
    minWidth: 0,
    position: 'sticky',
    top: theme.spacing(1),
    [theme.breakpoints.down('lg')]: { flexBasis: 'auto !important', width: '100%', position: 'static' },
  }),
});
