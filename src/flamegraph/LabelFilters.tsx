import React, { useState } from 'react';
import { Button, IconButton, Select, Stack } from '@grafana/ui';
import type { SelectableValue } from '@grafana/data';
import { type Matcher, MATCH_OPS, type MatchOp } from '../pyroscope/selector';
import { testIds } from '../testIds';
import { useAsync } from './useAsync';

interface Props {
  filters: Matcher[];
  /** Called with the complete filters only (a row without a label or value is kept here until it is filled in). */
  onChange: (filters: Matcher[]) => void;
  labelNames: string[];
  labelNamesLoading: boolean;
  loadValues: (name: string, signal: AbortSignal) => Promise<string[]>;
  /** Changes when the selection the values depend on changes. */
  valuesKey: string;
}

const isComplete = (m: Matcher) => m.name !== '' && m.value !== '';
const options = (values: string[]): Array<SelectableValue<string>> => values.map((v) => ({ label: v, value: v }));

export function LabelFilters({ filters, onChange, labelNames, labelNamesLoading, loadValues, valuesKey }: Props) {
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
          valuesKey={valuesKey}
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
        Add label filter
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
  valuesKey: string;
  onChange: (patch: Partial<Matcher>) => void;
  onRemove: () => void;
}

function FilterRow({ row, index, labelNames, labelNamesLoading, loadValues, valuesKey, onChange, onRemove }: RowProps) {
  const values = useAsync(row.name ? `${valuesKey}|${row.name}` : undefined, (signal) => loadValues(row.name, signal));
  const valueOptions = values.status === 'success' ? options(values.value) : [];
  const names = labelNames.includes(row.name) || !row.name ? labelNames : [row.name, ...labelNames];
  return (
    <Stack direction="row" gap={0.5} alignItems="center">
      <Select
        aria-label={`Filter ${index + 1} label`}
        width={22}
        placeholder="Label"
        isLoading={labelNamesLoading}
        options={options(names)}
        value={row.name || null}
        allowCustomValue
        onChange={(v) => onChange({ name: v?.value ?? '', value: '' })}
      />
      <Select
        aria-label={`Filter ${index + 1} operator`}
        width={8}
        options={MATCH_OPS.map((op) => ({ label: op, value: op }))}
        value={row.op}
        onChange={(v) => onChange({ op: (v?.value ?? '=') as MatchOp })}
      />
      <Select
        aria-label={`Filter ${index + 1} value`}
        width={26}
        placeholder="Value"
        isLoading={values.status === 'loading'}
        options={row.value && !valueOptions.some((o) => o.value === row.value) ? [...options([row.value]), ...valueOptions] : valueOptions}
        value={row.value || null}
        allowCustomValue
        disabled={!row.name}
        onChange={(v) => onChange({ value: v?.value ?? '' })}
      />
      <IconButton name="times" aria-label={`Remove filter ${index + 1}`} tooltip="Remove filter" onClick={onRemove} />
    </Stack>
  );
}
