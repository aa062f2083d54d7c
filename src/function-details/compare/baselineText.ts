// The comparison's baseline and the problems of a `compare=` value or a typed selector, in the panel's words.
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '../../constants';
import { type Baseline, type BaselineProblem, DAY_MS, formatOffset, WEEK_MS } from '../../domain/compare/baseline';

/** How the baseline reads in the panel ("the same window one day earlier", "version=\"v1.0.0\""...). */
export function describeBaseline(baseline: Baseline, versionName?: (key: string) => string | undefined): string {
  switch (baseline.kind) {
    case 'offset':
      if (baseline.ms === DAY_MS) {
        return t('function-details.baseline.day-earlier', 'the same window one day earlier');
      }
      if (baseline.ms === WEEK_MS) {
        return t('function-details.baseline.week-earlier', 'the same window one week earlier');
      }
      return t('function-details.baseline.offset-earlier', 'the same window {{offset}} earlier', {
        offset: formatOffset(baseline.ms),
        interpolation: PLAIN_TEXT,
      });
    case 'range':
      return t('function-details.baseline.range', '{{from}} – {{to}}', {
        from: new Date(baseline.from).toISOString(),
        to: new Date(baseline.to).toISOString(),
        interpolation: PLAIN_TEXT,
      });
    case 'labels':
      return baseline.selector;
    case 'version':
      return (
        versionName?.(baseline.key) ??
        t('function-details.baseline.version', 'version {{key}}', { key: baseline.key, interpolation: PLAIN_TEXT })
      );
  }
}

/** What was expected instead. */
export function baselineProblemText({ kind, value }: BaselineProblem): string {
  switch (kind) {
    case 'offset':
      return t(
        'function-details.baseline.problem.offset',
        '“{{value}}” is not a time offset: expected a number and m, h, d or w, such as 1d or 1w',
        { value, interpolation: PLAIN_TEXT }
      );
    case 'range':
      return t(
        'function-details.baseline.problem.range',
        '“{{value}}” is not a time range: expected <from>-<to> in Unix milliseconds, from before to',
        { value, interpolation: PLAIN_TEXT }
      );
    case 'selector':
      return t(
        'function-details.baseline.problem.selector',
        '“{{value}}” is not a label selector: expected matchers in braces, such as {service_name="api", version="v1.0.0"}',
        { value, interpolation: PLAIN_TEXT }
      );
    case 'no-version':
      return t('function-details.baseline.problem.no-version', 'No version is named after “version:”');
    case 'comparison':
      return t(
        'function-details.baseline.problem.comparison',
        '“{{value}}” is not a comparison: expected offset:…, range:…, labels:{…} or version:…',
        { value, interpolation: PLAIN_TEXT }
      );
  }
}
