import { t, Trans } from '@grafana/i18n';
import React, { useEffect, useRef } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2, useTheme2 } from '@grafana/ui';
import { formatSharePercent, formatSharePoints, formatSignedValue } from '../../domain/compare/formatChange';
import { PLAIN_TEXT } from '../../constants';
import { NO_VALUE } from '../../domain/format';
import type { CostPair, LineComparison } from '../../domain/compare/lineDelta';
import type { ComparisonRow } from '../../domain/compare/rows';
import { testIds } from '../../testIds';
import { ChangeBadge, toneLabel, toneStyle } from './tone';

interface Props {
  rows: ComparisonRow[];
  /** The comparison's file (line n at index n - 1), when loaded: the code shown is the comparison's. */
  source?: string[];
  /** The baseline's file, for the code of removed lines. */
  baselineSource?: string[];
  largest: number;
  formatValue: (value: number) => string;
  /** The row to scroll into view and mark (a row key); `focusCount` changes on every request, even for the same row. */
  focused?: string;
  focusCount: number;
}

/** Baseline, comparison and difference of every line of the function, beside the comparison's code. */
export function ComparisonTable({ rows, source, baselineSource, largest, formatValue, focused, focusCount }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focused && focusCount > 0) {
      const row = tableRef.current?.querySelector<HTMLElement>(`[data-key="${focused}"]`);
      row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    }
  }, [focused, focusCount]);

  const pair = (costs: CostPair, shares: CostPair, which: keyof CostPair) =>
    costs[which] > 0
      ? t('function-details.value-with-share', '{{value}} ({{share}})', {
          value: formatValue(costs[which]),
          share: formatSharePercent(shares[which]),
          interpolation: PLAIN_TEXT,
        })
      : NO_VALUE;
  const selfAndTotal = (costs: CostPair, shares: CostPair) => (
    <>
      <div>
        {t('function-details.comparison-table.self', 'self {{pair}}', {
          pair: pair(costs, shares, 'self'),
          interpolation: PLAIN_TEXT,
        })}
      </div>
      <div>
        {t('function-details.comparison-table.total', 'total {{pair}}', {
          pair: pair(costs, shares, 'total'),
          interpolation: PLAIN_TEXT,
        })}
      </div>
    </>
  );
  const removedStarts = rows.findIndex((r) => r.removed);

  return (
    <div className={styles.scroll}>
      <table className={styles.table} ref={tableRef}>
        <thead>
          <tr>
            <th scope="col">
              <Trans i18nKey="function-details.comparison-table.line">Line</Trans>
            </th>
            <th
              scope="col"
              title={t(
                'function-details.comparison-table.baseline-title',
                "Baseline self and total, with their shares of the baseline's whole profile"
              )}
            >
              <Trans i18nKey="function-details.comparison-table.baseline">Baseline</Trans>
            </th>
            <th
              scope="col"
              title={t(
                'function-details.comparison-table.comparison-title',
                "Comparison self and total, with their shares of the comparison's whole profile"
              )}
            >
              <Trans i18nKey="function-details.comparison-table.comparison">Comparison</Trans>
            </th>
            <th
              scope="col"
              title={t(
                'function-details.comparison-table.change-title',
                "The change of the total's share of the whole profile, and of the values"
              )}
            >
              <Trans i18nKey="function-details.comparison-table.change">Change</Trans>
            </th>
            {source && (
              <th scope="col">
                <Trans i18nKey="function-details.comparison-table.code">Code</Trans>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const c: LineComparison | undefined = row.compared;
            const code = row.removed ? baselineSource?.[row.line - 1] : source?.[row.line - 1];
            return (
              <React.Fragment key={row.key}>
                {index === removedStarts && (
                  <tr>
                    <th colSpan={source ? 5 : 4} scope="rowgroup" className={styles.group}>
                      <Trans i18nKey="function-details.comparison-table.baseline-removed-since">
                        Only in the baseline (code removed since)
                      </Trans>
                    </th>
                  </tr>
                )}
                <tr
                  data-key={row.key}
                  data-line={row.line}
                  data-testid={testIds.functionDetails.compareLine}
                  className={cx(focused === row.key && styles.focused, !c && styles.quiet)}
                >
                  <td className={styles.number}>
                    {row.removed ? `(${row.line})` : row.line}
                    {c && c.baselineLine !== undefined && c.baselineLine !== row.line && !row.removed && (
                      <div className={styles.was}>
                        {t('function-details.comparison-table.was', 'was {{line}}', {
                          line: c.baselineLine,
                          interpolation: PLAIN_TEXT,
                        })}
                      </div>
                    )}
                  </td>
                  <td>{c ? selfAndTotal(c.baseline, c.baselineShare) : NO_VALUE}</td>
                  <td>{c ? selfAndTotal(c.comparison, c.comparisonShare) : NO_VALUE}</td>
                  {c ? (
                    <td
                      data-testid={testIds.functionDetails.lineDelta}
                      data-delta-share={c.deltaShare.total}
                      style={toneStyle(theme, c.deltaShare.total, largest)}
                      aria-label={toneLabel(c.deltaShare.total)}
                    >
                      <div className={styles.points}>{formatSharePoints(c.deltaShare.total)}</div>
                      <div className={styles.small}>
                        {t('function-details.comparison-table.delta', 'total {{total}}, self {{self}}', {
                          total: formatSignedValue(c.delta.total, formatValue),
                          self: formatSignedValue(c.delta.self, formatValue),
                          interpolation: PLAIN_TEXT,
                        })}
                      </div>
                      <ChangeBadge status={c.status} />
                    </td>
                  ) : (
                    <td />
                  )}
                  {source && (
                    <td className={styles.code}>
                      <code>{code ?? ''}</code>
                    </td>
                  )}
                </tr>
              </React.Fragment>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && (
        <Text color="secondary" italic>
          <Trans i18nKey="function-details.comparison-table.no-lines">
            Neither side has a sample of this function with a line number.
          </Trans>
        </Text>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto', maxHeight: '60vh' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': { padding: theme.spacing(0.25, 1), textAlign: 'left', verticalAlign: 'top' },
    th: { position: 'sticky', top: 0, background: theme.colors.background.primary, zIndex: 1 },
    'tbody tr': { borderTop: `1px solid ${theme.colors.border.weak}` },
  }),
  group: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium }),
  number: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.secondary }),
  was: css({ fontSize: '0.85em' }),
  points: css({ fontFamily: theme.typography.fontFamilyMonospace, fontWeight: theme.typography.fontWeightMedium }),
  small: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  code: css({ fontFamily: theme.typography.fontFamilyMonospace, whiteSpace: 'pre', color: theme.colors.text.primary }),
  focused: css({ outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 }),
  quiet: css({ color: theme.colors.text.disabled }),
});
