import React from 'react';
import { IconButton } from '@grafana/ui';
import { testIds } from '../../testIds';

interface Props {
  line: number;
  /** How many functions the line calls. */
  count: number;
  expanded: boolean;
  /** The id of the callee list it opens. */
  controls: string;
  onToggle: () => void;
}

/** The gutter disclosure of a line whose samples continue into other functions. */
export function CalleeToggle({ line, count, expanded, controls, onToggle }: Props) {
  const what = `the ${count} ${count === 1 ? 'function' : 'functions'}`;
  const from = line > 0 ? `line ${line} calls` : 'the frames without a line number call';
  const label = `${expanded ? 'Hide' : 'Show'} ${what} ${from}`;
  return (
    <IconButton
      name={expanded ? 'angle-down' : 'angle-right'}
      size="xs"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-label={label}
      tooltip={label}
      data-testid={testIds.functionDetails.calleeToggle}
      data-line={line}
      onClick={onToggle}
    />
  );
}
