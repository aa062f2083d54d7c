// A line's self and total over the selected range, as a small chart beside its numbers: total as a line, self as a
// filled area under it, a dashed mark where the profile's commit changes.
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { CostPoint } from '../../domain/history/lineHistory';
import { testIds } from '../../testIds';

export const SPARKLINE_WIDTH = 64;
const HEIGHT = 14;

interface Props {
  line: number;
  points: CostPoint[] | undefined;
  commitChanges: number[];
  /** How a value reads (the profile's unit). */
  format: (value: number) => string;
}

export function LineSparkline({ line, points, commitChanges, format }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  if (!points || points.every((p) => p.total === 0 && p.self === 0)) {
    return <span role="cell" className={styles.cell} />;
  }
  const max = Math.max(...points.map((p) => p.total), 1e-12);
  const step = points.length > 1 ? (SPARKLINE_WIDTH - 2) / (points.length - 1) : 0;
  const x = (i: number) => 1 + i * step;
  const y = (v: number) => HEIGHT - 1 - (v / max) * (HEIGHT - 2);
  const total = points.map((p, i) => `${x(i)},${y(p.total)}`).join(' ');
  const self = `1,${HEIGHT - 1} ${points.map((p, i) => `${x(i)},${y(p.self)}`).join(' ')} ${x(points.length - 1)},${HEIGHT - 1}`;
  const first = points.find((p) => p.total > 0) ?? points[0];
  const last = [...points].reverse().find((p) => p.total > 0) ?? points[points.length - 1];
  const label =
    `Line ${line} over the range: total from ${format(first.total)} to ${format(last.total)}, ` +
    `self from ${format(first.self)} to ${format(last.self)}` +
    (commitChanges.length > 0
      ? `; the commit changed ${commitChanges.length === 1 ? 'once' : `${commitChanges.length} times`}`
      : '');
  return (
    <span role="cell" className={styles.cell} data-testid={testIds.functionDetails.lineHistory} title={label}>
      <svg
        width={SPARKLINE_WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
        data-commit-changes={commitChanges.join(',')}
      >
        <polygon points={self} fill={theme.colors.warning.transparent} />
        <polyline points={total} fill="none" stroke={theme.colors.primary.text} strokeWidth={1.2} />
        {commitChanges.map((i) => (
          <line
            key={i}
            x1={x(i) - step / 2}
            x2={x(i) - step / 2}
            y1={0}
            y2={HEIGHT}
            stroke={theme.colors.text.secondary}
            strokeDasharray="2 2"
            data-testid="line-history-commit-change"
          />
        ))}
      </svg>
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  cell: css({
    display: 'flex',
    alignItems: 'center',
    paddingLeft: theme.spacing(0.5),
    height: '100%',
    borderRight: `1px solid ${theme.colors.border.weak}`,
  }),
});
