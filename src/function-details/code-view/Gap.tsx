import React from 'react';
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
  const lines =
    props.item.from === props.item.to ? `line ${props.item.from}` : `lines ${props.item.from}–${props.item.to}`;
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
        ⋯ {count.toLocaleString('en-US')} line{count === 1 ? '' : 's'} not shown ({lines})
      </span>
    </div>
  );
}
