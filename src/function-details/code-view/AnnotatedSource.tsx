// The annotated code view: the function's lines, syntax highlighted, with self and total beside each line as
// values and as shares of the function, a heat mark on hot lines, and the hottest line scrolled into view.
// Rows are virtualised, so a 20,000-line file renders only what is on screen.
import { t, Trans } from '@grafana/i18n';
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { cx } from '@emotion/css';
import { Button, Stack, Text, useStyles2, useTheme2 } from '@grafana/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCount, lineCellFormatter } from '../../domain/format';
import type { LineCost } from '../../domain/model';
import { highlightLines, languageOf } from './highlight';
import { buildRows, widestColumns } from './rows';
import { functionBody } from '../../domain/span';
import { PLAIN_TEXT } from '../../constants';
import { sourceStretches, stretchRanges, viewItems, type LineRange, type ViewItem } from '../../domain/stretches';
import { Gap } from './Gap';
import { SourceRow } from './SourceRow';
import {
  CODE_PADDING_PX,
  getStyles,
  LAST_PINNED,
  NUMBER_COLUMNS,
  PINNED_WIDTH,
  ROW_HEIGHT,
  TAB_SIZE,
  tokenColors,
  withAsideColumns,
} from './sourceStyles';

export { ROW_HEIGHT };

const MAX_VIEW_HEIGHT = 480;

export interface AnnotatedSourceProps {
  /** Drawn in each line's gutter (the disclosure of the line's callees). */
  gutter?: (line: number) => React.ReactNode;
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
  /** Columns between the numbers and the code (line history, blame), and what goes beside the whole-file button. */
  asides?: AsideColumn[];
  toolbar?: React.ReactNode;
  /** Told the function's lines (its body and the sampled stretches), e.g. to ask for their blame. */
  onFunctionSpan?: (span: { start: number; end: number }) => void;
}

const NO_ASIDES: AsideColumn[] = [];

export interface AsideColumn {
  title: string;
  width: number;
  cell: (line: number) => React.ReactNode;
}

export function AnnotatedSource({
  lines,
  fileName,
  costs,
  startLine,
  unit,
  functionTotal,
  height,
  gutter,
  asides = NO_ASIDES,
  toolbar,
  onFunctionSpan,
}: AnnotatedSourceProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [wholeFile, setWholeFile] = useState(false);
  const language = languageOf(fileName);
  const tokens = useMemo(() => highlightLines(lines.join('\n'), language), [lines, language]);
  // The function's own lines, and apart from them every other stretch with samples (an inlined callee's lines),
  // the lines between collapsed: never a sampled line left out, never thousands of rows for one function.
  const stretches = useMemo(() => {
    const body = functionBody({ costs, startLine, tokens, language }) ?? { start: 1, end: lines.length };
    return sourceStretches(
      body,
      costs.map((c) => c.line),
      lines.length
    );
  }, [costs, startLine, tokens, language, lines.length]);
  const lastLine = stretches[stretches.length - 1].end;
  const functionStart = stretches[0].start;
  useEffect(() => onFunctionSpan?.({ start: functionStart, end: lastLine }), [onFunctionSpan, functionStart, lastLine]);
  const span = wholeFile
    ? { start: 1, end: Math.max(lines.length, lastLine) }
    : { start: stretches[0].start, end: lastLine };
  const { items, rows, hottestIndex } = useMemo(() => {
    const built = buildRows(span, costs);
    const shown: ViewItem[] = wholeFile
      ? built.rows.map((r) => ({ kind: 'line', line: r.line }))
      : viewItems(stretches, lines.length);
    const rowOf = (line: number) => built.rows[line - span.start];
    const hottestLine = built.hottestIndex >= 0 ? built.rows[built.hottestIndex].line : -1;
    return {
      items: shown,
      rows: shown.map((item) => (item.kind === 'line' ? rowOf(item.line) : undefined)),
      hottestIndex: shown.findIndex((item) => item.kind === 'line' && item.line === hottestLine),
    };
  }, [span.start, span.end, costs, stretches, wholeFile, lines.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const codeColumns = useMemo(
    () => widestColumns(lines, span.start - 1, span.end - 1, TAB_SIZE),
    [lines, span.start, span.end]
  );
  // Every row as wide as the widest line (plus the numbers and the code cell's padding), at least the view's width.
  const asideWidth = asides.reduce((sum, a) => sum + a.width, 0);
  const rowWidth = `max(100%, calc(${PINNED_WIDTH + asideWidth + CODE_PADDING_PX + 8}px + ${codeColumns}ch))`;
  const gridTemplateColumns = asides.length > 0 ? withAsideColumns(asides.map((a) => a.width)) : undefined;

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
  const hottestLine = hottestIndex >= 0 ? rows[hottestIndex]?.line : undefined;

  return (
    <div className={styles.container} data-testid="code-view" data-language={language ?? 'plain'}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text color="secondary" variant="bodySmall">
          {caption(wholeFile ? undefined : stretches, lines.length, hottestLine)}
        </Text>
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          onClick={() => setWholeFile((w) => !w)}
          aria-pressed={wholeFile}
          data-testid="code-view-whole-file"
        >
          {wholeFile
            ? t('function-details.annotated-source.function-only', 'Show the function only')
            : t('function-details.annotated-source.whole-file', 'Show the whole file')}
        </Button>
        {toolbar}
      </Stack>
      <div
        ref={scrollRef}
        role="table"
        aria-label={t(
          'function-details.annotated-source.table-label',
          'Source of {{file}} with self and total per line',
          { file: fileName, interpolation: PLAIN_TEXT }
        )}
        aria-rowcount={rows.length + 1}
        className={styles.scroll}
        style={{ height: viewHeight }}
        tabIndex={0}
        data-testid="code-view-scroll"
      >
        <div
          role="row"
          aria-rowindex={1}
          className={cx(styles.row, styles.header)}
          style={{ minWidth: rowWidth, gridTemplateColumns }}
        >
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
              aria-label={columnLabel(column.key)}
            >
              {columnTitle(column.key)}
            </span>
          ))}
          {asides.map((a) => (
            <span key={a.title} role="columnheader">
              {a.title}
            </span>
          ))}
          <span role="columnheader" className={styles.code}>
            <Trans i18nKey="function-details.annotated-source.source">Source</Trans>
          </span>
        </div>
        <div style={{ height: virtualizer.getTotalSize() - ROW_HEIGHT, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const entry = items[item.index];
            if (!row || entry.kind === 'gap') {
              return (
                <Gap
                  key={`gap-${item.index}`}
                  item={entry as Extract<ViewItem, { kind: 'gap' }>}
                  index={item.index}
                  top={item.start - ROW_HEIGHT}
                  width={rowWidth}
                  className={cx(styles.row, styles.gap)}
                />
              );
            }
            return (
              <SourceRow
                key={row.line}
                row={row}
                index={item.index}
                start={item.start}
                hottest={item.index === hottestIndex}
                rowWidth={rowWidth}
                fileLength={lines.length}
                gutter={gutter}
                tokens={tokens[row.line - 1]}
                colors={colors}
                value={value}
                share={share}
                styles={styles}
                asides={asides}
                gridTemplateColumns={gridTemplateColumns}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

type ColumnKey = (typeof NUMBER_COLUMNS)[number]['key'];

function columnTitle(key: ColumnKey): string {
  switch (key) {
    case 'line':
      return t('function-details.annotated-source.column-line', 'Line');
    case 'self':
      return t('function-details.annotated-source.column-self', 'Self');
    case 'total':
      return t('function-details.annotated-source.column-total', 'Total');
    default:
      return '%';
  }
}

function columnLabel(key: ColumnKey): string | undefined {
  switch (key) {
    case 'self-share':
      return t('function-details.annotated-source.column-self-share', 'Self, share of the function');
    case 'total-share':
      return t('function-details.annotated-source.column-total-share', 'Total, share of the function');
    default:
      return undefined;
  }
}

/** "Lines 38–61, 65–71 and 133 · hottest line 40", or the whole file's length when it is all shown. */
function caption(stretches: LineRange[] | undefined, fileLines: number, hottest: number | undefined): string {
  const shown = stretches
    ? stretchesText(stretches)
    : t('function-details.annotated-source.whole-file-lines', 'Whole file, {{number}} lines', {
        count: fileLines,
        number: formatCount(fileLines),
        defaultValue_one: 'Whole file, {{number}} line',
        interpolation: PLAIN_TEXT,
      });
  return hottest === undefined
    ? shown
    : t('function-details.annotated-source.with-hottest', '{{shown}} · hottest line {{line}}', {
        shown,
        line: hottest,
        interpolation: PLAIN_TEXT,
      });
}

function stretchesText(stretches: LineRange[]): string {
  const ranges = stretchRanges(stretches);
  if (ranges.length === 1) {
    return stretches[0].start === stretches[0].end
      ? t('function-details.annotated-source.one-line', 'Line {{range}}', {
          range: ranges[0],
          interpolation: PLAIN_TEXT,
        })
      : t('function-details.annotated-source.one-stretch', 'Lines {{range}}', {
          range: ranges[0],
          interpolation: PLAIN_TEXT,
        });
  }
  return t('function-details.annotated-source.stretches', 'Lines {{first}} and {{last}}', {
    first: ranges.slice(0, -1).join(', '),
    last: ranges[ranges.length - 1],
    interpolation: PLAIN_TEXT,
  });
}
