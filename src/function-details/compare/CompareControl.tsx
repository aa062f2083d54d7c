import { t, Trans } from '@grafana/i18n';
import React, { useId, useState } from 'react';
import { css } from '@emotion/css';
import { dateTime, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import {
  Alert,
  Button,
  Combobox,
  Field,
  IconButton,
  Input,
  RadioButtonGroup,
  Stack,
  Text,
  TimeRangeInput,
  useStyles2,
} from '@grafana/ui';
import { type Baseline, checkSelector, DAY_MS, WEEK_MS } from '../../domain/compare/baseline';
import { testIds } from '../../testIds';
import { baselineProblemText } from './baselineText';

type Mode = 'day' | 'week' | 'range' | 'labels' | 'version';

interface Props {
  baseline?: Baseline;
  /** How the current baseline reads ("the same window one day earlier"). */
  description?: string;
  /** Defaults of the editors: the comparison's own selection and range. */
  selector: string;
  range: { from: number; to: number };
  /** The other versions of the function in this profile, by key, with their display names. */
  versions: Array<{ key: string; name: string }>;
  /** A `compare=` in the URL that could not be read. */
  urlError?: string;
  onChange: (baseline: Baseline | undefined) => void;
}

const toTimeRange = ({ from, to }: { from: number; to: number }): TimeRange => {
  const start = dateTime(from);
  const end = dateTime(to);
  return { from: start, to: end, raw: { from: start, to: end } };
};

/** "Compare with…": picks the baseline (an earlier window, another range, labels or version) or stops comparing. */
export function CompareControl({ baseline, description, selector, range, versions, urlError, onChange }: Props) {
  const styles = useStyles2(getStyles);
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [mode, setMode] = useState<Mode>(initialMode(baseline));
  const [labels, setLabels] = useState(baseline?.kind === 'labels' ? baseline.selector : selector);
  const [labelsError, setLabelsError] = useState<string>();
  const [otherRange, setOtherRange] = useState<TimeRange>(() =>
    toTimeRange(baseline?.kind === 'range' ? baseline : { from: range.from - DAY_MS, to: range.to - DAY_MS })
  );
  const [version, setVersion] = useState(baseline?.kind === 'version' ? baseline.key : versions[0]?.key);

  const apply = (next: Baseline) => {
    onChange(next);
    setEditing(false);
  };
  const onMode = (next: Mode) => {
    setMode(next);
    // The shortcuts need nothing more: they apply at once.
    if (next === 'day' || next === 'week') {
      apply({ kind: 'offset', ms: next === 'day' ? DAY_MS : WEEK_MS });
    }
  };
  const applyLabels = () => {
    const problem = checkSelector(labels);
    const error = problem && baselineProblemText(problem);
    setLabelsError(error);
    if (!error) {
      apply({ kind: 'labels', selector: labels.trim() });
    }
  };

  const modes: Array<{ value: Mode; label: string; description: string }> = [
    {
      value: 'day',
      label: t('function-details.compare-control.modes.label.day-earlier', '1 day earlier'),
      description: t(
        'function-details.compare-control.modes.description.the-same-window-one-day-earlier',
        'The same window one day earlier'
      ),
    },
    {
      value: 'week',
      label: t('function-details.compare-control.modes.label.week-earlier', '1 week earlier'),
      description: t(
        'function-details.compare-control.modes.description.the-same-window-one-week-earlier',
        'The same window one week earlier'
      ),
    },
    {
      value: 'range',
      label: t('function-details.compare-control.modes.label.time-range', 'Time range'),
      description: t('function-details.compare-control.modes.description.another-time-range', 'Another time range'),
    },
    {
      value: 'labels',
      label: t('function-details.compare-control.modes.label.labels', 'Labels'),
      description: t(
        'function-details.compare-control.modes.description.another-label-selection-eg-versionv',
        'Another label selection, e.g. version="v1.0.0"'
      ),
    },
    ...(versions.length > 0
      ? [
          {
            value: 'version' as const,
            label: t('function-details.compare-control.modes.label.version', 'Version'),
            description: t(
              'function-details.compare-control.modes.description.another-version-commit-in-this-profile',
              'Another version (commit) in this profile'
            ),
          },
        ]
      : []),
  ];

  return (
    <div className={styles.control} data-testid={testIds.functionDetails.compare}>
      {urlError && (
        <Alert
          severity="warning"
          title={t(
            'function-details.compare-control.title-comparison-could',
            'The comparison in the link could not be read'
          )}
        >
          {urlError}
        </Alert>
      )}
      {baseline && !editing ? (
        <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
          <Text>
            <Trans
              i18nKey="function-details.compare-control.compared-with"
              defaults="Compared with <description/>"
              // A typed selector as an element: Trans would interpolate a value once more.
              components={{ description: <strong>{description}</strong> }}
            />
          </Text>
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            <Trans i18nKey="function-details.compare-control.change">Change</Trans>
          </Button>
          <IconButton
            name="times"
            aria-label={t('function-details.compare-control.aria-label-stop-comparing', 'Stop comparing')}
            tooltip={t('function-details.compare-control.tooltip-stop-comparing', 'Stop comparing')}
            onClick={() => onChange(undefined)}
          />
        </Stack>
      ) : !editing ? (
        <Button size="sm" variant="secondary" icon="code-branch" onClick={() => setEditing(true)}>
          <Trans i18nKey="function-details.compare-control.compare-with">Compare with…</Trans>
        </Button>
      ) : (
        <div className={styles.editor} role="group" aria-labelledby={`${ids}-title`}>
          <Stack direction="row" justifyContent="space-between" alignItems="center">
            <Text element="h5" variant="h6" id={`${ids}-title`}>
              <Trans i18nKey="function-details.compare-control.compare-with">Compare with…</Trans>
            </Text>
            <IconButton
              name="times"
              aria-label={t('function-details.compare-control.aria-label-cancel', 'Cancel')}
              tooltip={t('function-details.compare-control.tooltip-cancel', 'Cancel')}
              onClick={() => setEditing(false)}
            />
          </Stack>
          <RadioButtonGroup size="sm" options={modes} value={mode} onChange={onMode} className={styles.wrap} />
          {mode === 'range' && (
            <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
              <Field
                label={t('function-details.compare-control.label-baseline-time-range', 'Baseline time range')}
                noMargin
              >
                <TimeRangeInput value={otherRange} onChange={setOtherRange} hideTimeZone />
              </Field>
              <Button
                size="sm"
                onClick={() => apply({ kind: 'range', from: otherRange.from.valueOf(), to: otherRange.to.valueOf() })}
                disabled={!(otherRange.from.valueOf() < otherRange.to.valueOf())}
              >
                <Trans i18nKey="function-details.compare-control.compare">Compare</Trans>
              </Button>
            </Stack>
          )}
          {mode === 'labels' && (
            <Stack direction="row" gap={1} alignItems="flex-start" wrap="wrap">
              <Field
                label={t('function-details.compare-control.label-baseline-label-selector', 'Baseline label selector')}
                description={t(
                  'function-details.compare-control.description-range-these-labels',
                  'The same time range, with these labels'
                )}
                invalid={!!labelsError}
                error={labelsError}
                noMargin
                className={styles.grow}
              >
                <Input
                  value={labels}
                  onChange={(e) => setLabels(e.currentTarget.value)}
                  onKeyDown={(e) => e.key === 'Enter' && applyLabels()}
                  className={styles.mono}
                />
              </Field>
              <Button size="sm" onClick={applyLabels}>
                <Trans i18nKey="function-details.compare-control.compare">Compare</Trans>
              </Button>
            </Stack>
          )}
          {mode === 'version' && versions.length > 0 && (
            <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
              <Field
                label={t('function-details.compare-control.label-baseline-version', 'Baseline version')}
                noMargin
                className={styles.grow}
              >
                <Combobox
                  options={versions.map((v) => ({ value: v.key, label: v.name }))}
                  value={version ?? null}
                  onChange={(v) => setVersion(v.value)}
                />
              </Field>
              <Button size="sm" disabled={!version} onClick={() => version && apply({ kind: 'version', key: version })}>
                <Trans i18nKey="function-details.compare-control.compare">Compare</Trans>
              </Button>
            </Stack>
          )}
        </div>
      )}
    </div>
  );
}

function initialMode(baseline: Baseline | undefined): Mode {
  switch (baseline?.kind) {
    case 'offset':
      return baseline.ms === WEEK_MS ? 'week' : 'day';
    case 'range':
      return 'range';
    case 'version':
      return 'version';
    default:
      return 'labels';
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  control: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  editor: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  wrap: css({ flexWrap: 'wrap', height: 'auto' }),
  grow: css({ flexGrow: 1, minWidth: 200 }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
