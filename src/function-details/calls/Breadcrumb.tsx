import { t } from '@grafana/i18n';
import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import { testIds } from '../../testIds';
import type { PanelTrail } from './navigation';

interface Props {
  trail: PanelTrail;
  onGo: (index: number) => void;
}

/** The functions visited in the panel, with back and forward (Alt+← and Alt+→ too, see useCallNavigation). */
export function Breadcrumb({ trail, onGo }: Props) {
  const styles = useStyles2(getStyles);
  const { entries, index } = trail;
  if (entries.length < 2) {
    return null;
  }
  return (
    <nav
      aria-label={t('function-details.breadcrumb.aria-label-functions-visited', 'Functions visited')}
      className={styles.nav}
      data-testid={testIds.functionDetails.breadcrumb}
    >
      <IconButton
        name="arrow-left"
        size="sm"
        aria-label={t(
          'function-details.breadcrumb.aria-label-back-to-the-previous-function-alt',
          'Back to the previous function (Alt+←)'
        )}
        tooltip={t(
          'function-details.breadcrumb.tooltip-back-to-the-previous-function-alt',
          'Back to the previous function (Alt+←)'
        )}
        disabled={index === 0}
        onClick={() => onGo(index - 1)}
      />
      <IconButton
        name="arrow-right"
        size="sm"
        aria-label={t(
          'function-details.breadcrumb.aria-label-forward-to-the-next-function-alt',
          'Forward to the next function (Alt+→)'
        )}
        tooltip={t(
          'function-details.breadcrumb.tooltip-forward-to-the-next-function-alt',
          'Forward to the next function (Alt+→)'
        )}
        disabled={index === entries.length - 1}
        onClick={() => onGo(index + 1)}
      />
      <ol className={styles.list}>
        {entries.map((entry, i) => (
          <li key={i} className={styles.item}>
            {i === index ? (
              <span aria-current="page" className={cx(styles.crumb, styles.current)} title={entry.functionName}>
                {entry.functionName}
              </span>
            ) : (
              <button type="button" className={styles.crumb} title={entry.functionName} onClick={() => onGo(i)}>
                {entry.functionName}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), minWidth: 0 }),
  list: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  item: css({
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    '&:not(:last-child)::after': { content: '"›"', padding: theme.spacing(0, 0.5), color: theme.colors.text.secondary },
  }),
  crumb: css({
    maxWidth: 220,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    background: 'none',
    border: 'none',
    padding: 0,
    font: 'inherit',
    color: theme.colors.text.link,
    cursor: 'pointer',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  current: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium, cursor: 'default' }),
});
