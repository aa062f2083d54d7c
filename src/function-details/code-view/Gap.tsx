import { t } from '@grafana/i18n';
import React from 'react';
import { PLAIN_TEXT } from '../../constants';
import { formatCount } from '../../domain/format';
import type { ViewItem } from '../../domain/stretches';

/** A collapsed run of lines between two shown stretches of the code view. */
export function Gap(props: {
  item: Extract<ViewItem, { kind: 'gap' }>;
  index: number;
  top: number;
  width: string;
  className: string;
}) {
  const count = props.item.to - props.item.from + 1;
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      data-testid="code-view-gap"
      data-from={props.item.from}
      data-to={props.item.to}
      className={props.className}
      style={{ transform: `translateY(${props.top}px)`, minWidth: props.width }}
    >
      <span role="cell" style={{ gridColumn: '1 / -1' }}>
        {count === 1
          ? t('function-details.gap.one-line', '⋯ 1 line not shown (line {{from}})', {
              from: props.item.from,
              interpolation: PLAIN_TEXT,
            })
          : t('function-details.gap.lines', '⋯ {{number}} lines not shown (lines {{from}}–{{to}})', {
              count,
              number: formatCount(count),
              defaultValue_one: '⋯ {{number}} line not shown (lines {{from}}–{{to}})',
              from: props.item.from,
              to: props.item.to,
              interpolation: PLAIN_TEXT,
            })}
      </span>
    </div>
  );
}
