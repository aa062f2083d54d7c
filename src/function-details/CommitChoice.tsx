import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { Combobox, RadioButtonGroup, Text, useStyles2 } from '@grafana/ui';
import { PLAIN_TEXT } from '../constants';
import { formatShare, formatValue } from '../domain/format';
import type { VersionChoice } from '../domain/versions';
import { choiceNameTexts } from './versionNames';
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
  const names = choiceNameTexts(choices);
  const options = choices.map((c, i) => {
    const commit = c.version?.gitRef ? commits?.[c.version.gitRef] : undefined;
    const values = {
      name: names[i],
      total: formatValue(c.function.total, unit),
      share: formatShare(c.share, 1),
      author: commit && authorName(commit),
      date: commit?.date?.slice(0, 10),
    };
    return {
      value: c.key,
      label: !commit
        ? t('function-details.commit-choice.option', '{{name}} · {{total}} ({{share}})', {
            ...values,
            interpolation: PLAIN_TEXT,
          })
        : !values.date
          ? t('function-details.commit-choice.option-by', '{{name}} · {{total}} ({{share}}) · {{author}}', {
              ...values,
              interpolation: PLAIN_TEXT,
            })
          : t(
              'function-details.commit-choice.option-by-on',
              '{{name}} · {{total}} ({{share}}) · {{author}}, {{date}}',
              { ...values, interpolation: PLAIN_TEXT }
            ),
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

const authorName = (commit: CommitSummary) =>
  commit.login || t('function-details.commit-details.unknown-author', 'unknown author');

/** One commit (author, avatar, date, message) under the commit choice. */
export function CommitDetails({ commit }: { commit: CommitSummary }) {
  const styles = useStyles2(getStyles);
  const date = commit.date ? new Date(commit.date) : undefined;
  return (
    <div className={styles.commit} data-testid="commit-details">
      {commit.avatarUrl && <img src={commit.avatarUrl} alt="" className={styles.avatar} />}
      <Text variant="bodySmall">
        {date && !isNaN(date.getTime()) ? (
          <Trans
            i18nKey="function-details.commit-details.author-on"
            defaults="<author/> on {{date}}"
            values={{ date: date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) }}
            // The host's login as an element: Trans would interpolate a value once more.
            components={{ author: <strong>{authorName(commit)}</strong> }}
          />
        ) : (
          <strong>{authorName(commit)}</strong>
        )}
        {' · '}
        <span title={commit.message}>{commit.message.split('\n')[0]}</span>
      </Text>
    </div>
  );
}
