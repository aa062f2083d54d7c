// The annotated code view: the function's lines, syntax highlighted, with self and total beside each line as
// values and as shares of the function, a heat mark on hot lines, and the hottest line scrolled into view.
// Rows are virtualised, so a 20,000-line file renders only what is on screen.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { Button, Stack, Text, useStyles2, useTheme2 } from '@grafana/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lineCellFormatter } from '../../domain/format';
import type { LineCost } from '../../domain/model';
import { highlightLines, languageOf, type Token, type TokenKind } from './highlight';
import { buildRows, widestColumns } from './rows';
import { functionSpan } from '../../domain/span';

export const ROW_HEIGHT = 20;
const MAX_VIEW_HEIGHT = 480;

/**
 * Line, self, its share, total, its share: pinned to the left, so that a long line scrolled sideways still has its
 * numbers beside it. `left` is where each one sticks.
 */
const NUMBER_COLUMNS = [
  { title: 'Line', width: 48, share: false, testId: undefined, label: undefined },
  { title: 'Self', width: 72, share: false, testId: 'code-view-self', label: undefined },
  { title: '%', width: 44, share: true, testId: undefined, label: 'Self, share of the function' },
  { title: 'Total', width: 72, share: false, testId: 'code-view-total', label: undefined },
  { title: '%', width: 44, share: true, testId: undefined, label: 'Total, share of the function' },
].map((column, i, all) => ({ ...column, left: all.slice(0, i).reduce((sum, c) => sum + c.width, 0) }));
const LAST_PINNED = NUMBER_COLUMNS.length - 1;
const PINNED_WIDTH = NUMBER_COLUMNS.reduce((sum, c) => sum + c.width, 0);
const TAB_SIZE = 4;
const CODE_PADDING_PX = 12;

export interface AnnotatedSourceProps {
  /** The whole file; line n is lines[n - 1]. */
  lines: string[];
  fileName: string;
  /** The selected version's per-line costs. */
  costs: LineCost[];
  startLine?: number;
  /** pprof unit of the values (nanoseconds, bytes, count…). */
  unit: string;
  /** The function's total in this version: shares are of this. */
  functionTotal: number;
  /** Height of the scrolling area; defaults to the rows' height up to 480 px. */
  height?: number;
}

export function AnnotatedSource({
  lines,
  fileName,
  costs,
  startLine,
  unit,
  functionTotal,
  height,
}: AnnotatedSourceProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [wholeFile, setWholeFile] = useState(false);
  const language = languageOf(fileName);
  const tokens = useMemo(() => highlightLines(lines.join('\n'), language), [lines, language]);
  const functionRange = useMemo(
    () => functionSpan({ costs, startLine, tokens, language }) ?? { start: 1, end: lines.length },
    [costs, startLine, tokens, language, lines.length]
  );
  const span = wholeFile ? { start: 1, end: Math.max(lines.length, functionRange.end) } : functionRange;
  const { rows, hottestIndex } = useMemo(() => buildRows(span, costs), [span.start, span.end, costs]); // eslint-disable-line react-hooks/exhaustive-deps
  const codeColumns = useMemo(
    () => widestColumns(lines, span.start - 1, span.end - 1, TAB_SIZE),
    [lines, span.start, span.end]
  );
  // Every row as wide as the widest line (plus the numbers and the code cell's padding), at least the view's width.
  const rowWidth = `max(100%, calc(${PINNED_WIDTH + CODE_PADDING_PX + 8}px + ${codeColumns}ch))`;

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are used in render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header row sits above the rows inside the scrolling area.
    scrollMargin: ROW_HEIGHT,
    // Scroll updates land in the next render instead of a synchronous flush inside React's commit.
    useFlushSync: false,
  });

  // Bring the hottest line into view whenever the rows change (new file, new version, whole file toggled).
  useEffect(() => {
    if (hottestIndex >= 0) {
      virtualizer.scrollToIndex(hottestIndex, { align: 'center' });
    }
  }, [virtualizer, hottestIndex, rows]);

  const colors = tokenColors(theme);
  const { value, share } = lineCellFormatter(unit, functionTotal);
  const viewHeight = height ?? Math.min(MAX_VIEW_HEIGHT, (rows.length + 1) * ROW_HEIGHT + 2);
  const hottestLine = hottestIndex >= 0 ? rows[hottestIndex].line : undefined;

  return (
    <div className={styles.container} data-testid="code-view" data-language={language ?? 'plain'}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text color="secondary" variant="bodySmall">
          {wholeFile ? `Whole file, ${lines.length} lines` : `Lines ${span.start}–${span.end}`}
          {hottestLine !== undefined && ` · hottest line ${hottestLine}`}
        </Text>
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          onClick={() => setWholeFile((w) => !w)}
          aria-pressed={wholeFile}
          data-testid="code-view-whole-file"
        >
          {wholeFile ? 'Show the function only' : 'Show the whole file'}
        </Button>
      </Stack>
      <div
        ref={scrollRef}
        role="table"
        aria-label={`Source of ${fileName} with self and total per line`}
        aria-rowcount={rows.length + 1}
        className={styles.scroll}
        style={{ height: viewHeight }}
        tabIndex={0}
        data-testid="code-view-scroll"
      >
        <div role="row" aria-rowindex={1} className={cx(styles.row, styles.header)} style={{ minWidth: rowWidth }}>
          {NUMBER_COLUMNS.map((column, i) => (
            <span
              key={i}
              role="columnheader"
              className={cx(
                column.share ? styles.share : styles.num,
                styles.pinned,
                i === LAST_PINNED && styles.lastPinned
              )}
              style={{ left: column.left }}
              aria-label={column.label}
            >
              {column.title}
            </span>
          ))}
          <span role="columnheader" className={styles.code}>
            Source
          </span>
        </div>
        <div style={{ height: virtualizer.getTotalSize() - ROW_HEIGHT, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const hot = row.total > 0 || row.self > 0;
            return (
              <div
                key={row.line}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="code-view-row"
                data-line={row.line}
                data-hot={hot ? 'true' : undefined}
                data-hottest={item.index === hottestIndex ? 'true' : undefined}
                className={cx(styles.row, !hot && styles.cold, item.index === hottestIndex && styles.hottest)}
                style={
                  {
                    transform: `translateY(${item.start - ROW_HEIGHT}px)`,
                    minWidth: rowWidth,
                    background: hot ? heatBackground(theme, row.heat) : undefined,
                    // The pinned number cells lay the same heat over an opaque background.
                    '--row-heat': hot ? heatBackground(theme, row.heat) : 'transparent',
                  } as React.CSSProperties
                }
              >
                {[row.line, value(row.self), share(row.self), value(row.total), share(row.total)].map((text, i) => (
                  <span
                    key={i}
                    role="cell"
                    className={cx(
                      NUMBER_COLUMNS[i].share ? styles.share : styles.num,
                      i === 0 && styles.lineNumber,
                      styles.pinned,
                      i === LAST_PINNED && styles.lastPinned
                    )}
                    style={{ left: NUMBER_COLUMNS[i].left }}
                    data-testid={NUMBER_COLUMNS[i].testId}
                  >
                    {text}
                  </span>
                ))}
                <span role="cell" className={styles.code} data-testid="code-view-code">
                  <span className={styles.heat} style={{ opacity: row.heat }} aria-hidden />
                  <Code tokens={tokens[row.line - 1]} colors={colors} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Code({ tokens, colors }: { tokens: Token[] | undefined; colors: Record<TokenKind, string | undefined> }) {
  if (!tokens) {
    return null;
  }
  return (
    <>
      {tokens.map((token, i) =>
        colors[token.kind] ? (
          <span key={i} style={{ color: colors[token.kind] }} data-token={token.kind}>
            {token.text}
          </span>
        ) : (
          <React.Fragment key={i}>{token.text}</React.Fragment>
        )
      )}
    </>
  );
}

function tokenColors(theme: GrafanaTheme2): Record<TokenKind, string | undefined> {
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

function heatBackground(theme: GrafanaTheme2, heat: number): string {
  return colorManipulator.alpha(theme.visualization.getColorByName('red'), 0.06 + 0.24 * heat);
}

const getStyles = (theme: GrafanaTheme2) => ({
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
