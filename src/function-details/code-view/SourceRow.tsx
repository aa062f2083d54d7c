// One line of the code view: its number, self and total with their shares (pinned), and its highlighted code.
import { t } from '@grafana/i18n';
import React from 'react';
import { PLAIN_TEXT } from '../../constants';
import { formatCount } from '../../domain/format';
import { cx } from '@emotion/css';
import { useTheme2 } from '@grafana/ui';
import type { Token, TokenKind } from './highlight';
import type { CodeRow } from './rows';
import { type getStyles, heatBackground, LAST_PINNED, NUMBER_COLUMNS, ROW_HEIGHT } from './sourceStyles';

interface SourceRowProps {
  row: CodeRow;
  index: number;
  /** Where the virtualiser places the row. */
  start: number;
  hottest: boolean;
  rowWidth: string;
  /** Lines in the file: a sampled line past its end (an inlined function's line) is said so. */
  fileLength: number;
  /** Drawn at the left of the line number (the disclosure of the line's callees). */
  gutter?: (line: number) => React.ReactNode;
  tokens: Token[] | undefined;
  colors: Record<TokenKind, string | undefined>;
  value: (n: number) => string;
  share: (n: number) => string;
  styles: ReturnType<typeof getStyles>;
  /** The cells between the numbers and the code (line history, blame), with the grid that makes room for them. */
  asides?: ReadonlyArray<{ title: string; cell: (line: number) => React.ReactNode }>;
  gridTemplateColumns?: string;
}

export function SourceRow({
  row,
  index,
  start,
  hottest,
  rowWidth,
  fileLength,
  gutter,
  tokens,
  colors,
  value,
  share,
  styles,
  asides,
  gridTemplateColumns,
}: SourceRowProps) {
  const theme = useTheme2();
  const hot = row.total > 0 || row.self > 0;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid="code-view-row"
      data-line={row.line}
      data-hot={hot ? 'true' : undefined}
      data-hottest={hottest ? 'true' : undefined}
      className={cx(styles.row, !hot && styles.cold, hottest && styles.hottest)}
      style={
        {
          transform: `translateY(${start - ROW_HEIGHT}px)`,
          gridTemplateColumns,
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
          {i === 0 && gutter && <span className={styles.gutter}>{gutter(row.line)}</span>}
          {text}
        </span>
      ))}
      {asides?.map((a) => (
        <React.Fragment key={a.title}>{a.cell(row.line)}</React.Fragment>
      ))}
      <span role="cell" className={styles.code} data-testid="code-view-code">
        <span className={styles.heat} style={{ opacity: row.heat }} aria-hidden />
        {row.line > fileLength ? (
          <span className={styles.pastEnd} data-testid="code-view-past-end">
            {t(
              'function-details.source-row.past-end',
              'past the end of the file ({{number}} lines): an inlined function’s line, reported in this one',
              {
                count: fileLength,
                number: formatCount(fileLength),
                defaultValue_one:
                  'past the end of the file ({{number}} line): an inlined function’s line, reported in this one',
                interpolation: PLAIN_TEXT,
              }
            )}
          </span>
        ) : (
          <Code tokens={tokens} colors={colors} />
        )}
      </span>
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
