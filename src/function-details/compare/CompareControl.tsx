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
    const error = checkSelector(labels);
    setLabelsError(error);
    if (!error) {
      apply({ kind: 'labels', selector: labels.trim() });
    }
  };

  const modes: Array<{ value: Mode; label: string; description: string }> = [
    { value: 'day', label: '1 day earlier', description: 'The same window one day earlier' },
    { value: 'week', label: '1 week earlier', description: 'The same window one week earlier' },
    { value: 'range', label: 'Time range', description: 'Another time range' },
    { value: 'labels', label: 'Labels', description: 'Another label selection, e.g. version="v1.0.0"' },
    ...(versions.length > 0
      ? [{ value: 'version' as const, label: 'Version', description: 'Another version (commit) in this profile' }]
      : []),
  ];

  return (
    <div className={styles.control} data-testid={testIds.functionDetails.compare}>
      {urlError && (
        <Alert severity="warning" title="The comparison in the link could not be read">
          {urlError}
        </Alert>
      )}
      {baseline && !editing ? (
        <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
          <Text>
            Compared with <strong>{description}</strong>
          </Text>
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Change
          </Button>
          <IconButton
            name="times"
            aria-label="Stop comparing"
            tooltip="Stop comparing"
            onClick={() => onChange(undefined)}
          />
        </Stack>
      ) : !editing ? (
        <Button size="sm" variant="secondary" icon="code-branch" onClick={() => setEditing(true)}>
          Compare with…
        </Button>
      ) : (
        <div className={styles.editor} role="group" aria-labelledby={`${ids}-title`}>
          <Stack direction="row" justifyContent="space-between" alignItems="center">
            <Text element="h5" variant="h6" id={`${ids}-title`}>
              Compare with…
            </Text>
            <IconButton name="times" aria-label="Cancel" tooltip="Cancel" onClick={() => setEditing(false)} />
          </Stack>
          <RadioButtonGroup size="sm" options={modes} value={mode} onChange={onMode} className={styles.wrap} />
          {mode === 'range' && (
            <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
              <Field label="Baseline time range" noMargin>
                <TimeRangeInput value={otherRange} onChange={setOtherRange} hideTimeZone />
              </Field>
              <Button
                size="sm"
                onClick={() => apply({ kind: 'range', from: otherRange.from.valueOf(), to: otherRange.to.valueOf() })}
                disabled={!(otherRange.from.valueOf() < otherRange.to.valueOf())}
              >
                Compare
              </Button>
            </Stack>
          )}
          {mode === 'labels' && (
            <Stack direction="row" gap={1} alignItems="flex-start" wrap="wrap">
              <Field
                label="Baseline label selector"
                description="The same time range, with these labels"
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
                Compare
              </Button>
            </Stack>
          )}
          {mode === 'version' && versions.length > 0 && (
            <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
              <Field label="Baseline version" noMargin className={styles.grow}>
                <Combobox
                  options={versions.map((v) => ({ value: v.key, label: v.name }))}
                  value={version ?? null}
                  onChange={(v) => setVersion(v.value)}
                />
              </Field>
              <Button size="sm" disabled={!version} onClick={() => version && apply({ kind: 'version', key: version })}>
                Compare
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
