import React from 'react';
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { Badge } from '@grafana/ui';
import { changeTone } from '../../domain/compare/lineDelta';
import type { LineStatus } from '../../domain/compare/lineMatching';

// The diverging colour of a change: red for a larger share of the whole (worse), green for a smaller one
// (better), stronger the larger the change.

export function toneStyle(theme: GrafanaTheme2, deltaShare: number, largest: number): React.CSSProperties {
  const tone = changeTone(deltaShare, largest);
  if (tone.direction === 'none') {
    return {};
  }
  const base = tone.direction === 'worse' ? theme.colors.error.main : theme.colors.success.main;
  return { background: colorManipulator.alpha(base, 0.12 + 0.5 * tone.strength) };
}

/** The direction as words too, for screen readers and colour-blind eyes. */
export function toneLabel(deltaShare: number): string {
  return deltaShare > 0 ? 'worse' : deltaShare < 0 ? 'better' : 'unchanged';
}

const STATUS_TEXT: Record<Exclude<LineStatus, 'same'>, { text: string; color: 'blue' | 'purple' | 'green' | 'red' }> = {
  edited: { text: 'edited', color: 'blue' },
  moved: { text: 'moved', color: 'purple' },
  added: { text: 'added', color: 'green' },
  removed: { text: 'removed', color: 'red' },
};

/** How a line's code changed between the two versions of the file; nothing for unchanged code. */
export function ChangeBadge({ status }: { status: LineStatus }) {
  if (status === 'same') {
    return null;
  }
  const { text, color } = STATUS_TEXT[status];
  return <Badge text={text} color={color} />;
}
