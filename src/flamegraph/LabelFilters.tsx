import { Trans, t } from '@grafana/i18n';
import React, { useId, useState } from 'react';
import { css } from '@emotion/css';
import { Button, Combobox, type ComboboxOption, IconButton, Stack, useStyles2 } from '@grafana/ui';
import { type Matcher, MATCH_OPS, type MatchOp } from '../pyroscope/selector';
import { PLAIN_TEXT } from '../constants';
import { testIds } from '../testIds';

interface Props {
  filters: Matcher[];
  /** Called with the complete filters only (a row without a label or value is kept here until it is filled in). */
  onChange: (filters: Matcher[]) => void;
  labelNames: string[];
  labelNamesLoading: boolean;
  /** LabelValues for the current service and time range. */
  loadValues: (name: string) => Promise<string[]>;
}

const isComplete = (m: Matcher) => m.name !== '' && m.value !== '';
const options = (values: string[]): Array<ComboboxOption<string>> => values.map((v) => ({ label: v, value: v }));

export function LabelFilters({ filters, onChange, labelNames, labelNamesLoading, loadValues }: Props) {
  const committed = JSON.stringify(filters);
  // Rows being edited, valid while the URL still says what they were based on; when the URL changes from outside
  // (back button, shared link) the rows show what it says.
  const [draft, setDraft] = useState<{ base: string; rows: Matcher[] }>({ base: committed, rows: filters });
  const rows = draft.base === committed ? draft.rows : filters;

  const change = (next: Matcher[]) => {
    const complete = next.filter(isComplete);
    setDraft({ base: JSON.stringify(complete), rows: next });
    if (JSON.stringify(complete) !== committed) {
      onChange(complete);
    }
  };
  const setRow = (index: number, patch: Partial<Matcher>) =>
    change(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Stack direction="row" gap={1} wrap="wrap" alignItems="center" data-testid={testIds.flameGraphPage.filters}>
      {rows.map((row, index) => (
        <FilterRow
          key={index}
          row={row}
          index={index}
          labelNames={labelNames}
          labelNamesLoading={labelNamesLoading}
          loadValues={loadValues}
          onChange={(patch) => setRow(index, patch)}
          onRemove={() => change(rows.filter((_, i) => i !== index))}
        />
      ))}
      <Button
        variant="secondary"
        size="sm"
        icon="plus"
        data-testid={testIds.flameGraphPage.addFilter}
        onClick={() => setDraft({ base: committed, rows: [...rows, { name: '', op: '=', value: '' }] })}
      >
        <Trans i18nKey="flamegraph.label-filters.add-label-filter">Add label filter</Trans>
      </Button>
    </Stack>
  );
}

interface RowProps {
  row: Matcher;
  index: number;
  labelNames: string[];
  labelNamesLoading: boolean;
  loadValues: Props['loadValues'];
  onChange: (patch: Partial<Matcher>) => void;
  onRemove: () => void;
}

function FilterRow({ row, index, labelNames, labelNamesLoading, loadValues, onChange, onRemove }: RowProps) {
  const styles = useStyles2(getStyles);
  const id = useId();
  const names = labelNames.includes(row.name) || !row.name ? labelNames : [row.name, ...labelNames];
  // Values are asked for when the list opens; the typed text filters them (and may be a value of its own).
  const valueOptions = async (typed: string) => {
    const values = row.name ? await loadValues(row.name) : [];
    const needle = typed.toLowerCase();
    return options(values.filter((v) => v.toLowerCase().includes(needle)));
  };
  const number = index + 1;
  const remove = t('flamegraph.filter-row.remove', 'Remove filter {{number}}', { number, interpolation: PLAIN_TEXT });
  return (
    <Stack direction="row" gap={0.5} alignItems="center">
      <span id={`${id}-label`} className={styles.hidden}>
        {t('flamegraph.filter-row.label', 'Filter {{number}} label', { number, interpolation: PLAIN_TEXT })}
      </span>
      <Combobox
        aria-labelledby={`${id}-label`}
        width={22}
        placeholder={t('flamegraph.filter-row.placeholder-label', 'Label')}
        loading={labelNamesLoading}
        options={options(names)}
        value={row.name || null}
        createCustomValue
        onChange={(v) => onChange({ name: v.value, value: '' })}
      />
      <span id={`${id}-op`} className={styles.hidden}>
        {t('flamegraph.filter-row.operator', 'Filter {{number}} operator', { number, interpolation: PLAIN_TEXT })}
      </span>
      <Combobox
        aria-labelledby={`${id}-op`}
        width={8}
        options={MATCH_OPS.map((op) => ({ label: op, value: op }))}
        value={row.op}
        onChange={(v) => onChange({ op: v.value as MatchOp })}
      />
      <span id={`${id}-value`} className={styles.hidden}>
        {t('flamegraph.filter-row.value', 'Filter {{number}} value', { number, interpolation: PLAIN_TEXT })}
      </span>
      <Combobox
        // Remount when the label changes so the value list is asked for again.
        key={row.name}
        aria-labelledby={`${id}-value`}
        width={26}
        placeholder={t('flamegraph.filter-row.placeholder-value', 'Value')}
        options={valueOptions}
        value={row.value || null}
        createCustomValue
        disabled={!row.name}
        onChange={(v) => onChange({ value: v.value })}
      />
      <IconButton name="times" aria-label={remove} tooltip={remove} onClick={onRemove} />
    </Stack>
  );
}

const getStyles = () => ({
  // Read by screen readers, not shown: the placeholders say the same to sighted users.
  hidden: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
});
