// "Suspect commits": when the two sides of a comparison ran different commits, the commits between them that last
// changed the lines that got hotter, ranked by the cost those lines gained; or why there is none (a host whose API
// has no blame: its blame page instead).
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Trans, t } from '@grafana/i18n';
import { Button, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { relativeDate, shortSha } from '../../../domain/blame/blame';
import type { Suspect } from '../../../domain/blame/suspects';
import { formatSharePoints } from '../../../domain/compare/formatChange';
import { testIds } from '../../../testIds';
import { PLAIN_TEXT } from '../../../constants';
import { NoBlame } from '../../blame/NoBlame';
import type { SuspectsState } from './useSuspects';

interface Props {
  state: SuspectsState;
  baselineRef?: string;
  comparisonRef?: string;
  /** The host's blame page of the compared file, offered where the host's API has no blame. */
  blamePage?: string;
  /** Scrolls the comparison to a line (a row key, `line:<n>`). */
  onSelectLine: (key: string) => void;
}

const refName = (ref?: string) => (ref && /^[0-9a-f]{40}$/.test(ref) ? shortSha(ref) : (ref ?? 'unknown'));

export function SuspectCommits({ state, baselineRef, comparisonRef, blamePage, onSelectLine }: Props) {
  const styles = useStyles2(getStyles);
  if (state.status === 'off') {
    return null;
  }
  const between = t('function-details.suspects.between', '{{baseline}} and {{comparison}}', {
    baseline: refName(baselineRef),
    comparison: refName(comparisonRef),
    interpolation: PLAIN_TEXT,
  });
  return (
    <section
      aria-label={t('function-details.suspects.label', 'Suspect commits')}
      data-testid={testIds.compare.suspects}
      className={styles.section}
    >
      <Text element="h5" variant="h6">
        <Trans i18nKey="function-details.suspects.title">Suspect commits</Trans>
      </Text>
      {state.status === 'loading' && (
        <LoadingPlaceholder
          text={t('function-details.suspects.loading', 'Looking for the commits between {{between}}…', {
            between,
            interpolation: PLAIN_TEXT,
          })}
        />
      )}
      {state.status === 'no-blame' && (
        <span>
          <Text color="secondary" variant="bodySmall">
            {t('function-details.suspects.no-blame', 'Suspect commits are found through blame.')}
          </Text>{' '}
          <NoBlame host={state.host} blamePage={blamePage} />
        </span>
      )}
      {state.status === 'error' && (
        <Text color="secondary" variant="bodySmall">
          {t('function-details.suspects.error', 'The commits between {{between}} could not be read: {{message}}', {
            between,
            message: state.error.message,
            interpolation: PLAIN_TEXT,
          })}
        </Text>
      )}
      {state.status === 'loaded' && state.data.kind === 'nothing-hotter' && (
        <Text color="secondary" variant="bodySmall">
          {t('function-details.suspects.nothing-hotter', 'No line of this function got hotter between {{between}}.', {
            between,
            interpolation: PLAIN_TEXT,
          })}
        </Text>
      )}
      {state.status === 'loaded' && state.data.kind === 'no-change' && (
        <Text color="secondary" variant="bodySmall">
          {t(
            'function-details.suspects.no-change',
            'No line that got hotter was changed between {{between}}: the regression is not in this function’s code. Look at the data, the configuration, or the functions it calls.',
            { between, interpolation: PLAIN_TEXT }
          )}
        </Text>
      )}
      {state.status === 'loaded' && state.data.kind === 'suspects' && (
        <ol className={styles.list}>
          {state.data.suspects.map((suspect) => (
            <SuspectItem key={suspect.commit.sha} suspect={suspect} onSelectLine={onSelectLine} />
          ))}
        </ol>
      )}
      {state.status === 'loaded' && state.data.kind === 'suspects' && state.data.unmatched.length > 0 && (
        <Text color="secondary" variant="bodySmall">
          {t(
            'function-details.suspects.unmatched',
            'Also hotter, but not changed between {{between}} (data, configuration or callees): lines {{lines}}.',
            {
              count: state.data.unmatched.length,
              defaultValue_one:
                'Also hotter, but not changed between {{between}} (data, configuration or callees): line {{lines}}.',
              between,
              lines: state.data.unmatched.map((l) => l.line).join(', '),
              interpolation: PLAIN_TEXT,
            }
          )}
        </Text>
      )}
      {state.status === 'loaded' && state.data.truncated && (
        <Text color="secondary" variant="bodySmall">
          {t('function-details.suspects.truncated', 'The host listed only part of the commits between {{between}}.', {
            between,
            interpolation: PLAIN_TEXT,
          })}
        </Text>
      )}
    </section>
  );
}

function SuspectItem({ suspect, onSelectLine }: { suspect: Suspect; onSelectLine: (key: string) => void }) {
  const styles = useStyles2(getStyles);
  const [now] = React.useState(() => Date.now());
  const { commit } = suspect;
  return (
    <li className={styles.item} data-sha={commit.sha}>
      <Stack direction="row" gap={1} alignItems="baseline" wrap="wrap">
        {commit.url ? (
          <a href={commit.url} target="_blank" rel="noreferrer noopener" className={styles.sha}>
            {shortSha(commit.sha)}
          </a>
        ) : (
          <span className={styles.sha}>{shortSha(commit.sha)}</span>
        )}
        <strong>{commit.title}</strong>
        {commit.changeRequest?.url && (
          <a href={commit.changeRequest.url} target="_blank" rel="noreferrer noopener">
            #{commit.changeRequest.number}
          </a>
        )}
        <Text color="secondary" variant="bodySmall">
          {t('function-details.suspects.byline', '{{author}} · {{age}} · gained {{gained}}', {
            author: commit.authorLogin || commit.authorName,
            age: relativeDate(commit.date, now),
            gained: formatSharePoints(suspect.gained),
            interpolation: PLAIN_TEXT,
          })}
        </Text>
      </Stack>
      <Stack direction="row" gap={0.5} alignItems="center" wrap="wrap">
        <Text color="secondary" variant="bodySmall">
          {suspect.lines.length === 1
            ? t('function-details.suspects.line-label', 'Line')
            : t('function-details.suspects.lines-label', 'Lines')}
        </Text>
        {suspect.lines.map((l) => (
          <Button key={l.line} size="sm" variant="secondary" fill="text" onClick={() => onSelectLine(`line:${l.line}`)}>
            {t('function-details.suspects.line-gained', '{{line}} ({{gained}})', {
              line: l.line,
              gained: formatSharePoints(l.gained),
              interpolation: PLAIN_TEXT,
            })}
          </Button>
        ))}
      </Stack>
    </li>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  item: css({ borderLeft: `3px solid ${theme.colors.warning.main}`, paddingLeft: theme.spacing(1) }),
  sha: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
