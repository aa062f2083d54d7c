import React from 'react';
import { Combobox, RadioButtonGroup, Text, useStyles2 } from '@grafana/ui';
import { formatShare, formatValue } from '../domain/format';
import { type VersionChoice, choiceNames } from '../domain/versions';
import type { CommitSummary } from '../source/core/types';
import { getPanelStyles as getStyles } from './panelStyles';

/** Up to this many versions are offered as radio buttons; more become a dropdown. */
const MAX_RADIO_VERSIONS = 3;

export function CommitChoice({
  choices,
  selected,
  unit,
  onChange,
  labelledBy,
  commits,
}: {
  choices: Array<Pick<VersionChoice, 'key' | 'version' | 'replaced' | 'share' | 'function'>>;
  selected?: string;
  unit: string;
  onChange: (key: string) => void;
  labelledBy: string;
  /** From GetCommits once connected: author, date and message per ref. */
  commits?: Record<string, CommitSummary>;
}) {
  const styles = useStyles2(getStyles);
  const names = choiceNames(choices);
  const options = choices.map((c, i) => {
    const commit = c.version?.gitRef ? commits?.[c.version.gitRef] : undefined;
    const by = commit
      ? ` · ${commit.login || 'unknown author'}${commit.date ? `, ${commit.date.slice(0, 10)}` : ''}`
      : '';
    return {
      value: c.key,
      label: `${names[i]} · ${formatValue(c.function.total, unit)} (${formatShare(c.share, 1)})${by}`,
      description: commit ? commit.message.split('\n')[0] : c.version?.gitRef,
    };
  });
  if (options.length <= MAX_RADIO_VERSIONS) {
    return (
      <RadioButtonGroup
        size="sm"
        options={options}
        value={selected}
        onChange={(v) => v && onChange(v)}
        className={styles.wrapRadios}
      />
    );
  }
  return (
    <Combobox
      aria-labelledby={labelledBy}
      options={options}
      value={selected ?? null}
      onChange={(v) => onChange(v.value)}
    />
  );
}

/** One commit (author, avatar, date, message) under the commit choice. */
export function CommitDetails({ commit }: { commit: CommitSummary }) {
  const styles = useStyles2(getStyles);
  const date = commit.date ? new Date(commit.date) : undefined;
  return (
    <div className={styles.commit} data-testid="commit-details">
      {commit.avatarUrl && <img src={commit.avatarUrl} alt="" className={styles.avatar} />}
      <Text variant="bodySmall">
        <strong>{commit.login || 'unknown author'}</strong>
        {date && !isNaN(date.getTime()) && (
          <> on {date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}</>
        )}
        {' · '}
        <span title={commit.message}>{commit.message.split('\n')[0]}</span>
      </Text>
    </div>
  );
}
