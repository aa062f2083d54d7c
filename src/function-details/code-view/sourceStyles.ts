// The code view's layout and colours: pinned number columns, rows of one height, heat and token colours.
import { css } from '@emotion/css';
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import type { TokenKind } from './highlight';

export const ROW_HEIGHT = 20;

/**
 * Line, self, its share, total, its share: pinned to the left, so that a long line scrolled sideways still has its
 * numbers beside it. `left` is where each one sticks.
 */
export const NUMBER_COLUMNS = (
  [
    { key: 'line', width: 64, share: false, testId: undefined },
    { key: 'self', width: 72, share: false, testId: 'code-view-self' },
    { key: 'self-share', width: 44, share: true, testId: undefined },
    { key: 'total', width: 72, share: false, testId: 'code-view-total' },
    { key: 'total-share', width: 44, share: true, testId: undefined },
  ] as const
).map((column, i, all) => ({ ...column, left: all.slice(0, i).reduce((sum, c) => sum + c.width, 0) }));
export const LAST_PINNED = NUMBER_COLUMNS.length - 1;
export const PINNED_WIDTH = NUMBER_COLUMNS.reduce((sum, c) => sum + c.width, 0);
export const TAB_SIZE = 4;
export const CODE_PADDING_PX = 12;

export function tokenColors(theme: GrafanaTheme2): Record<TokenKind, string | undefined> {
  const c = (name: string) => theme.visualization.getColorByName(name);
  return {
    keyword: c('purple'),
    string: c('green'),
    comment: theme.colors.text.secondary,
    number: c('orange'),
    function: c('blue'),
    type: c('yellow'),
    punctuation: undefined,
    plain: undefined,
  };
}

export function heatBackground(theme: GrafanaTheme2, heat: number): string {
  return colorManipulator.alpha(theme.visualization.getColorByName('red'), 0.06 + 0.24 * heat);
}

/** The rows' grid with columns of these widths (px) between the numbers and the code. */
export function withAsideColumns(widths: number[]): string {
  return `${[...NUMBER_COLUMNS.map((c) => c.width), ...widths].map((w) => `${w}px`).join(' ')} max-content`;
}

export const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  scroll: css({
    overflow: 'auto',
    position: 'relative',
    border: `1px solid ${theme.colors.border.weak}`,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  row: css({
    position: 'absolute',
    top: 0,
    left: 0,
    minWidth: '100%',
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: `${NUMBER_COLUMNS.map((c) => `${c.width}px`).join(' ')} max-content`,
    alignItems: 'center',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: `${ROW_HEIGHT}px`,
    whiteSpace: 'pre',
    tabSize: TAB_SIZE,
  }),
  header: css({
    position: 'sticky',
    zIndex: 2,
    background: theme.colors.background.primary,
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.secondary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  num: css({ textAlign: 'right', paddingRight: theme.spacing(1) }),
  share: css({ textAlign: 'right', paddingRight: theme.spacing(1), color: theme.colors.text.secondary }),
  // The line's disclosure sits at the left of the line number cell, the number stays right-aligned.
  gutter: css({ position: 'absolute', left: 2, top: 0, display: 'flex', alignItems: 'center', height: ROW_HEIGHT }),
  lineNumber: css({ color: theme.colors.text.secondary }),
  pinned: css({
    position: 'sticky',
    zIndex: 1,
    alignSelf: 'stretch',
    background: `linear-gradient(var(--row-heat, transparent), var(--row-heat, transparent)), ${theme.colors.background.primary}`,
  }),
  lastPinned: css({ boxShadow: `inset -1px 0 0 ${theme.colors.border.weak}` }),
  code: css({ position: 'relative', paddingLeft: CODE_PADDING_PX, textAlign: 'left' }),
  heat: css({
    position: 'absolute',
    left: 2,
    top: 2,
    bottom: 2,
    width: 4,
    borderRadius: 2,
    background: theme.visualization.getColorByName('red'),
  }),
  cold: css({ color: theme.colors.text.secondary }),
  gap: css({
    color: theme.colors.text.secondary,
    fontStyle: 'italic',
    paddingLeft: theme.spacing(1),
    background: theme.colors.background.secondary,
    borderTop: `1px dashed ${theme.colors.border.weak}`,
    borderBottom: `1px dashed ${theme.colors.border.weak}`,
  }),
  pastEnd: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
  // The row's own outline would sit under the pinned number cells (opaque, so the code can scroll beneath them): the
  // marker is a layer above them, across the whole row, and the first pinned cell keeps its left edge in view while
  // the code scrolls sideways.
  hottest: css({
    fontWeight: theme.typography.fontWeightBold,
    '&::after': {
      content: '""',
      position: 'absolute',
      inset: 0,
      border: `1px solid ${theme.visualization.getColorByName('red')}`,
      pointerEvents: 'none',
      zIndex: 2,
    },
    '& > [role="cell"]:first-child': {
      boxShadow: `inset 1px 0 0 ${theme.visualization.getColorByName('red')}`,
    },
  }),
});
