import { t, Trans } from '@grafana/i18n';
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { buildBreakdown } from './breakdown';
import { hottestLine } from '../domain/hottest';
import { PLAIN_TEXT } from '../constants';
import { formatCount, formatValue, lineCellFormatter } from '../domain/format';
import type { FunctionVersion } from '../domain/model';
import type { SourceFile } from '../source/core/types';
import { AnnotatedSource, type AsideColumn } from './code-view/AnnotatedSource';
import { languageOf } from './code-view/highlight';
import { PackageSourceNote } from './code-view/PackageSourceNote';
import { SourceLinks } from './code-view/SourceLinks';
import { WhyNoSource } from './code-view/WhyNoSource';
import { SourceRetry } from './SourceRetry';
import { testIds } from '../testIds';
import { type LineCallsProps, LineCallsToggle, OpenLineCallees } from './calls/LineCallsSlot';
import type { BlameColumn } from './blame/useBlameColumn';

interface Props {
  version: FunctionVersion;
  unit: string;
  source: SourceFile;
  /** Why there is no source to load (no repository for this version…), shown in the not-loaded state. */
  noSourceReason?: string;
  /** The callees of each line, behind a disclosure in the line's gutter. */
  calls?: LineCallsProps;
  /** Who last changed each line, and each line over time, beside the code view. */
  blame?: BlameColumn;
  history?: AsideColumn;
  /** Asks for the source again; offered after a passing failure (rate limit, timeout, host unavailable). */
  onRetrySource?: () => void;
}

/** "Breakdown per line": every line of the function's span with self and total, as values and shares. */
export function LineBreakdown({ version, unit, source, noSourceReason, calls, blame, history, onRetrySource }: Props) {
  const styles = useStyles2(getStyles);
  const breakdown = useMemo(() => buildBreakdown(version), [version]);
  const hottest = useMemo(() => hottestLine(version.lines), [version]);
  const { value, share } = lineCellFormatter(unit, version.total);
  const { self: selfWithout, total: totalWithout } = version.withoutLineNumber;
  // In a sentence a zero reads "0 s", and a share only follows a value that has one.
  const amount = (v: number) =>
    share(v)
      ? t('function-details.value-with-share', '{{value}} ({{share}})', {
          value: formatValue(v, unit),
          share: share(v),
          interpolation: PLAIN_TEXT,
        })
      : formatValue(v, unit);
  // Without source, the lines with samples come first (a long span is mostly empty lines); the rest on request.
  const [allLines, setAllLines] = useState(false);
  const sampledRows = breakdown.rows.filter((row) => row.sampled);
  const rows = allLines || breakdown.compact ? breakdown.rows : sampledRows;
  const hottestRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    hottestRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [allLines, version]);

  return (
    <section
      aria-label={t('function-details.line-breakdown.title', 'Breakdown per line')}
      data-testid={testIds.functionDetails.breakdown}
    >
      <Stack direction="row" gap={1} alignItems="center" justifyContent="space-between">
        <Text element="h4" variant="h5">
          <Trans i18nKey="function-details.line-breakdown.title">Breakdown per line</Trans>
        </Text>
        {/* A source view with its own links (file, blame, commit) makes this one redundant. */}
        {source.status === 'loaded' && source.fileUrl && !source.links && !source.packageSource && (
          <a href={source.fileUrl} target="_blank" rel="noreferrer" className={styles.link}>
            <Trans i18nKey="function-details.line-breakdown.view-file">View file</Trans>
          </a>
        )}
      </Stack>
      <SourceStatus source={source} noSourceReason={noSourceReason} fileName={version.fileName} />
      {source.status === 'error' && source.retryable && onRetrySource && <SourceRetry onRetry={onRetrySource} />}
      {source.status === 'not-loaded' && source.links && <SourceLinks links={source.links} />}
      {source.status === 'loaded' ? (
        <Stack direction="column" gap={1}>
          {source.links && <SourceLinks links={source.links} />}
          {source.packageSource && <PackageSourceNote source={source.packageSource} pageUrl={source.fileUrl} />}
          <AnnotatedSource
            lines={source.lines}
            fileName={version.fileName}
            costs={version.lines}
            startLine={version.startLine}
            unit={unit}
            functionTotal={version.total}
            gutter={calls && ((line) => <LineCallsToggle line={line} calls={calls} />)}
            asides={[history, blame?.aside].filter((a): a is AsideColumn => !!a)}
            toolbar={blame?.toolbar}
            onFunctionSpan={blame?.onFunctionSpan}
          />
        </Stack>
      ) : breakdown.rows.length === 0 ? (
        <Text color="secondary" italic>
          <Trans i18nKey="function-details.line-breakdown.no-line-numbers">
            No sample of this function carries a line number, so there is nothing to break down by line.
          </Trans>
        </Text>
      ) : (
        <div className={styles.scroll}>
          {breakdown.compact ? (
            <Text color="secondary" variant="bodySmall">
              <Trans i18nKey="function-details.line-breakdown.compact">
                The function spans too many lines to list them all: only lines with samples are shown.
              </Trans>
            </Text>
          ) : (
            sampledRows.length < breakdown.rows.length && (
              <Button
                size="sm"
                variant="secondary"
                fill="text"
                icon={allLines ? 'angle-up' : 'angle-down'}
                onClick={() => setAllLines(!allLines)}
                data-testid={testIds.functionDetails.breakdownAllLines}
              >
                {allLines
                  ? t('function-details.line-breakdown.sampled-lines', 'Only the {{number}} lines with samples', {
                      count: sampledRows.length,
                      number: formatCount(sampledRows.length),
                      defaultValue_one: 'Only the {{number}} line with samples',
                      interpolation: PLAIN_TEXT,
                    })
                  : t('function-details.line-breakdown.all-lines', 'All {{number}} lines of the function', {
                      count: breakdown.rows.length,
                      number: formatCount(breakdown.rows.length),
                      defaultValue_one: 'All {{number}} line of the function',
                      interpolation: PLAIN_TEXT,
                    })}
              </Button>
            )
          )}
          <table className={styles.table}>
            <thead>
              <tr>
                {calls && <th scope="col" aria-label={t('function-details.line-breakdown.column-calls', 'Calls')} />}
                <th scope="col">
                  <Trans i18nKey="function-details.line-breakdown.column-line">Line</Trans>
                </th>
                <th scope="col">
                  <Trans i18nKey="function-details.line-breakdown.column-self">Self</Trans>
                </th>
                <th
                  scope="col"
                  aria-label={t(
                    'function-details.line-breakdown.column-self-share',
                    'Self share of the function total'
                  )}
                >
                  %
                </th>
                <th scope="col">
                  <Trans i18nKey="function-details.line-breakdown.column-total">Total</Trans>
                </th>
                <th
                  scope="col"
                  aria-label={t(
                    'function-details.line-breakdown.column-total-share',
                    'Total share of the function total'
                  )}
                >
                  %
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className={styles.summary}>
                {calls && <td />}
                <th scope="row">
                  <Trans i18nKey="function-details.line-breakdown.row-function">Function</Trans>
                </th>
                <td>{value(version.self)}</td>
                <td>{share(version.self)}</td>
                <td>{value(version.total)}</td>
                <td>{share(version.total)}</td>
              </tr>
              {rows.map((row) => (
                <tr
                  key={row.line}
                  ref={row.line === hottest?.line ? hottestRow : undefined}
                  data-testid={testIds.functionDetails.breakdownLine}
                  data-line={row.line}
                  className={cx(!row.sampled && styles.cold, row.line === hottest?.line && styles.hottest)}
                >
                  {calls && (
                    <td className={styles.gutter}>
                      <LineCallsToggle line={row.line} calls={calls} />
                    </td>
                  )}
                  <th scope="row" className={styles.lineNumber}>
                    {row.line}
                  </th>
                  <td>{value(row.self)}</td>
                  <td>{share(row.self)}</td>
                  <td className={styles.totalCell}>
                    <span
                      aria-hidden
                      className={styles.bar}
                      style={{ width: `${version.total > 0 ? (row.total / version.total) * 100 : 0}%` }}
                    />
                    <span className={styles.barText}>{value(row.total)}</span>
                  </td>
                  <td>{share(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OpenLineCallees calls={calls} />
      {(selfWithout > 0 || totalWithout > 0) && (
        <div data-testid={testIds.functionDetails.breakdownWithoutLine} className={styles.without}>
          <LineCallsToggle line={0} calls={calls} />
          <Text color="secondary">
            {t(
              'function-details.line-breakdown.without-line',
              'Without a line number: self {{self}}, total {{total}}. These samples are counted in the function’s totals but cannot be placed on a line (the profiler recorded no line for them).',
              { self: amount(selfWithout), total: amount(totalWithout), interpolation: PLAIN_TEXT }
            )}
          </Text>
        </div>
      )}
    </section>
  );
}

/** Why the source is not shown, as the "Source not loaded: …" sentence continues. */
function notLoadedReason(reason: string | undefined): string | undefined {
  switch (reason) {
    case 'not-connected':
      return t(
        'function-details.line-breakdown.not-loaded.not-connected',
        'connect (Repository, above) to see the code beside the numbers.'
      );
    case 'session-ended':
      return t(
        'function-details.line-breakdown.not-loaded.session-ended',
        'the session ended; connect again (Repository, above).'
      );
    case 'no-provider':
      return t(
        'function-details.line-breakdown.not-loaded.no-provider',
        'Linescope cannot sign in to this repository’s host from the panel; the links below open the file, its blame and the commit there.'
      );
    default:
      return undefined;
  }
}

function SourceStatus(props: { source: SourceFile; noSourceReason?: string; fileName: string }) {
  const { source, noSourceReason, fileName } = props;
  switch (source.status) {
    case 'loaded':
      return null;
    case 'loading':
      return <LoadingPlaceholder text={t('function-details.line-breakdown.loading-source', 'Loading source…')} />;
    case 'error':
      return (
        <Alert severity="warning" title={t('function-details.line-breakdown.source-not-loaded', 'Source not loaded')}>
          {source.message}
          {source.missing && <WhyNoSource {...source.missing} language={languageOf(fileName)} />}
        </Alert>
      );
    default:
      return (
        <div data-testid={testIds.functionDetails.sourceNotLoaded}>
          <Text color="secondary" variant="bodySmall">
            {t(
              'function-details.line-breakdown.not-loaded.sentence',
              'Source not loaded: {{reason}} The numbers below are complete: every line of the function with its self and total.',
              {
                reason:
                  notLoadedReason(source.reason) ??
                  noSourceReason ??
                  t(
                    'function-details.line-breakdown.not-loaded.no-source',
                    'no source is available for this version yet.'
                  ),
                interpolation: PLAIN_TEXT,
              }
            )}
          </Text>
        </div>
      );
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto', maxHeight: '60vh', overflowY: 'auto' }),
  // As wide as its columns (not spread over a wide panel), and the source column takes what it needs.
  table: css({
    width: 'auto',
    minWidth: '50%',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    'th, td': { padding: theme.spacing(0.25, 1), textAlign: 'right', whiteSpace: 'nowrap' },
    thead: { position: 'sticky', top: 0, background: theme.colors.background.primary },
    'tbody tr:hover': { background: theme.colors.action.hover },
  }),
  summary: css({
    fontWeight: theme.typography.fontWeightMedium,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  lineNumber: css({ color: theme.colors.text.secondary, fontWeight: 'normal' }),
  gutter: css({ padding: '0 !important', width: 20 }),
  cold: css({ color: theme.colors.text.disabled }),
  hottest: css({ fontWeight: theme.typography.fontWeightBold }),
  totalCell: css({ position: 'relative', minWidth: 90 }),
  bar: css({
    position: 'absolute',
    left: 0,
    top: 2,
    bottom: 2,
    background: theme.visualization.getColorByName('red'),
    opacity: 0.2,
  }),
  barText: css({ position: 'relative' }),
  without: css({ marginTop: theme.spacing(1) }),
  link: css({ color: theme.colors.text.link }),
});
