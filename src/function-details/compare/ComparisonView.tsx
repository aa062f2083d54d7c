import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { Alert, Button, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { formatSharePercent, formatSharePoints, formatSignedValue } from '../../domain/compare/formatChange';
import { PLAIN_TEXT } from '../../constants';
import { ComparisonTable } from './ComparisonTable';
import { LargestChanges } from './LargestChanges';
import type { ComparisonActions, ComparisonData } from './useComparison';

interface Props {
  data: ComparisonData;
  actions: ComparisonActions;
  formatValue: (value: number) => string;
  /** The suspect commits, below the largest changes. */
  suspects?: React.ReactNode;
}

/** The comparison in place of the one-side breakdown: the function as a whole, its largest changes, every line. */
export function ComparisonView({ data, actions, formatValue, suspects }: Props) {
  if (data.status === 'loading') {
    return (
      <LoadingPlaceholder
        text={t('function-details.comparison-view.text-loading-baseline', 'Loading the baseline of this call site…')}
      />
    );
  }
  if (data.status === 'error') {
    return (
      <Alert
        severity="error"
        title={t('function-details.comparison-view.title-couldnt-load-the-baseline', 'Couldn’t load the baseline')}
      >
        <div>{data.error?.message}</div>
        <Button size="sm" variant="secondary" icon="sync" onClick={actions.retry}>
          <Trans i18nKey="function-details.comparison-view.retry">Retry</Trans>
        </Button>
      </Alert>
    );
  }
  if (data.status === 'empty') {
    return (
      <Alert
        severity="info"
        title={t(
          'function-details.comparison-view.title-samples-function-baseline',
          'No samples of this function in the baseline'
        )}
      >
        {t(
          'function-details.comparison-view.empty',
          'The baseline ({{baseline}}) has no sample of this function at this call site: everything here is new or the baseline holds no data. Pick another baseline, or widen its time range.',
          { baseline: data.description, interpolation: PLAIN_TEXT }
        )}
      </Alert>
    );
  }
  if (data.status !== 'ready' || !data.comparison) {
    return null;
  }
  const whole = data.comparison.function;
  return (
    <section aria-label={t('function-details.comparison-view.aria-label-comparison-per-line', 'Comparison per line')}>
      <Stack direction="column" gap={1.5}>
        <Text element="h4" variant="h5">
          <Trans i18nKey="function-details.comparison-view.compared-per-line">Compared per line</Trans>
        </Text>
        <Text color="secondary" variant="bodySmall">
          {t(
            'function-details.comparison-view.function-total',
            'Function total {{baseline}} ({{baselineShare}} of the baseline) → {{comparison}} ({{comparisonShare}} of the comparison): {{points}}, {{delta}}. Shares are of each side’s whole profile, so more traffic alone changes no share.',
            {
              baseline: formatValue(whole.baseline.total),
              baselineShare: formatSharePercent(whole.baselineShare.total),
              comparison: formatValue(whole.comparison.total),
              comparisonShare: formatSharePercent(whole.comparisonShare.total),
              points: formatSharePoints(whole.deltaShare.total),
              delta: formatSignedValue(whole.delta.total, formatValue),
              interpolation: PLAIN_TEXT,
            }
          )}
        </Text>
        {data.approximate && (
          <Alert
            severity="info"
            title={t('function-details.comparison-view.title-lines-paired-by-number', 'Lines paired by number')}
          >
            {data.approximate}
          </Alert>
        )}
        <LargestChanges
          changes={data.largest}
          largest={data.scale}
          formatValue={formatValue}
          onSelect={actions.focus}
          focused={data.focused}
        />
        {suspects}
        <ComparisonTable
          rows={data.rows}
          source={data.source}
          baselineSource={data.baselineSource}
          largest={data.scale}
          formatValue={formatValue}
          focused={data.focused}
          focusCount={data.focusCount}
        />
      </Stack>
    </section>
  );
}
