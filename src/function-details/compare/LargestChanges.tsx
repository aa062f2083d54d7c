import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2, useTheme2 } from '@grafana/ui';
import { formatSharePercent, formatSharePoints } from '../../domain/compare/formatChange';
import type { LineComparison } from '../../domain/compare/lineDelta';
import { PLAIN_TEXT } from '../../constants';
import { rowKey } from '../../domain/compare/rows';
import { testIds } from '../../testIds';
import { ChangeBadge, toneLabel, toneStyle } from './tone';

interface Props {
  changes: LineComparison[];
  /** The scale of the tones: the largest change of a total share. */
  largest: number;
  formatValue: (value: number) => string;
  /** Scrolls the code to a line (by row key, see rows.ts). */
  onSelect: (key: string) => void;
  focused?: string;
}

/** "Largest changes": the lines whose share of the whole changed most, each a button that scrolls to its code. */
export function LargestChanges({ changes, largest, formatValue, onSelect, focused }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <section
      aria-label={t('function-details.largest-changes.aria-label-largest-changes', 'Largest changes')}
      data-testid={testIds.functionDetails.largestChanges}
    >
      <Text element="h4" variant="h5">
        <Trans i18nKey="function-details.largest-changes.largest-changes">Largest changes</Trans>
      </Text>
      {changes.length === 0 ? (
        <Text color="secondary" italic>
          <Trans i18nKey="function-details.largest-changes.lines-share-whole-profile-changed">
            No line’s share of the whole profile changed.
          </Trans>
        </Text>
      ) : (
        <ol className={styles.list}>
          {changes.map((change) => {
            const key = rowKey(change);
            const where =
              change.line !== undefined
                ? t('function-details.largest-changes.line', 'Line {{line}}', {
                    line: change.line,
                    interpolation: PLAIN_TEXT,
                  })
                : t('function-details.largest-changes.baseline-line', 'Baseline line {{line}}', {
                    line: change.baselineLine,
                    interpolation: PLAIN_TEXT,
                  });
            return (
              <li key={key}>
                <button
                  type="button"
                  className={styles.item}
                  aria-current={focused === key ? 'true' : undefined}
                  data-line={change.line ?? ''}
                  data-baseline-line={change.baselineLine ?? ''}
                  onClick={() => onSelect(key)}
                >
                  <span className={styles.where}>{where}</span>
                  <ChangeBadge status={change.status} />
                  <span
                    className={styles.delta}
                    style={toneStyle(theme, change.deltaShare.total, largest)}
                    aria-label={toneLabel(change.deltaShare.total)}
                  >
                    {formatSharePoints(change.deltaShare.total)}
                  </span>
                  <span className={styles.detail}>
                    {t(
                      'function-details.largest-changes.totals',
                      'total {{baseline}} ({{baselineShare}}) → {{comparison}} ({{comparisonShare}})',
                      {
                        baseline: formatValue(change.baseline.total),
                        baselineShare: formatSharePercent(change.baselineShare.total),
                        comparison: formatValue(change.comparison.total),
                        comparisonShare: formatSharePercent(change.comparisonShare.total),
                        interpolation: PLAIN_TEXT,
                      }
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 2 }),
  item: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5, 1),
    width: '100%',
    textAlign: 'left',
    padding: theme.spacing(0.25, 0.5),
    border: 'none',
    borderRadius: theme.shape.radius.default,
    background: 'transparent',
    color: theme.colors.text.primary,
    cursor: 'pointer',
    '&:hover, &[aria-current="true"]': { background: theme.colors.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  where: css({ fontFamily: theme.typography.fontFamilyMonospace, minWidth: '7ch' }),
  delta: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontWeight: theme.typography.fontWeightMedium,
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.radius.default,
  }),
  detail: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
