// One line's blame: the commit's short sha (a link to the commit on the host) on every line; the author, how long
// ago and the title on the first line of a run of lines from one commit; recent changes marked.
import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { compactAge, type LineBlame, relativeDate, shortSha } from '../../domain/blame/blame';
import { testIds } from '../../testIds';
import { PLAIN_TEXT } from '../../constants';

/** Narrow, so that the code keeps its room in a side panel: the full entry is in the cell's tooltip. */
export const BLAME_COLUMN_WIDTH = 168;

export function BlameCell({ blame, now }: { blame: LineBlame | undefined; now: number }) {
  const styles = useStyles2(getStyles);
  if (!blame) {
    return <span role="cell" className={styles.cell} />;
  }
  const { commit, first, recent } = blame;
  const when = relativeDate(commit.date, now);
  const who = commit.authorLogin || commit.authorName;
  const pull = commit.changeRequest ? ` (#${commit.changeRequest.number})` : '';
  const describe = `${shortSha(commit.sha)} by ${who}, ${when}: ${commit.title}${pull}`;
  const sha = commit.url ? (
    <a href={commit.url} target="_blank" rel="noreferrer noopener" className={styles.sha}>
      {shortSha(commit.sha)}
    </a>
  ) : (
    <span className={styles.sha}>{shortSha(commit.sha)}</span>
  );
  return (
    <span
      role="cell"
      className={cx(styles.cell, recent && styles.recent, !first && styles.continued)}
      title={describe}
      aria-label={
        recent
          ? t('function-details.blame.cell-label-recent', 'Last changed by {{describe}} (recent)', {
              describe,
              interpolation: PLAIN_TEXT,
            })
          : t('function-details.blame.cell-label', 'Last changed by {{describe}}', { describe, interpolation: PLAIN_TEXT })
      }
      data-testid={testIds.functionDetails.blame}
      data-sha={commit.sha}
      data-recent={recent ? 'true' : undefined}
    >
      {sha} <span className={styles.meta}>{compactAge(commit.date, now)}</span>
      {first && (
        <>
          {commit.changeRequest?.url && (
            <>
              {' '}
              <a href={commit.changeRequest.url} target="_blank" rel="noreferrer noopener">
                #{commit.changeRequest.number}
              </a>
            </>
          )}{' '}
          <span className={styles.meta}>{who}:</span> {commit.title}
        </>
      )}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  cell: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
    borderRight: `1px solid ${theme.colors.border.weak}`,
    color: theme.colors.text.primary,
    height: '100%',
  }),
  continued: css({ color: theme.colors.text.disabled }),
  recent: css({ boxShadow: `inset 3px 0 0 ${theme.colors.warning.main}` }),
  sha: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.link }),
  meta: css({ color: theme.colors.text.secondary }),
});
