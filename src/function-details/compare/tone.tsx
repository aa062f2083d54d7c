import { t } from '@grafana/i18n';
import React from 'react';
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { Badge } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';
import { formatSharePoints } from '../../domain/compare/formatChange';
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

/** The change as words too, for screen readers and colour-blind eyes: "+3.0 pp of the whole, worse". */
export function toneLabel(deltaShare: number): string {
  const points = formatSharePoints(deltaShare);
  return deltaShare > 0
    ? t('function-details.tone.worse', '{{points}} of the whole, worse', { points, interpolation: PLAIN_TEXT })
    : deltaShare < 0
      ? t('function-details.tone.better', '{{points}} of the whole, better', { points, interpolation: PLAIN_TEXT })
      : t('function-details.tone.unchanged', '{{points}} of the whole, unchanged', {
          points,
          interpolation: PLAIN_TEXT,
        });
}

const STATUS_COLOR: Record<Exclude<LineStatus, 'same'>, 'blue' | 'purple' | 'green' | 'red'> = {
  edited: 'blue',
  moved: 'purple',
  added: 'green',
  removed: 'red',
};

function statusText(status: Exclude<LineStatus, 'same'>): string {
  switch (status) {
    case 'edited':
      return t('function-details.tone.edited', 'edited');
    case 'moved':
      return t('function-details.tone.moved', 'moved');
    case 'added':
      return t('function-details.tone.added', 'added');
    case 'removed':
      return t('function-details.tone.removed', 'removed');
  }
}

/** How a line's code changed between the two versions of the file; nothing for unchanged code. */
export function ChangeBadge({ status }: { status: LineStatus }) {
  if (status === 'same') {
    return null;
  }
  return <Badge text={statusText(status)} color={STATUS_COLOR[status]} />;
}
