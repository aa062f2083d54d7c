import { t, Trans } from '@grafana/i18n';
import React, { useState } from 'react';
import { ClipboardButton, IconButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { getPanelStyles as getStyles } from './panelStyles';

// One row of the panel's facts (label and value), and the values that need more than text.

export function Row({
  label,
  tooltip,
  testId,
  id,
  loading,
  children,
}: {
  label: string;
  tooltip?: string;
  testId: string;
  id?: string;
  /** The value comes from the profile: a placeholder until it is read. */
  loading?: boolean;
  children: React.ReactNode;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.row} data-testid={testId}>
      <dt className={styles.label} title={tooltip} id={id}>
        {label}
      </dt>
      <dd className={styles.value}>
        {loading ? <LoadingPlaceholder text="" className={styles.inlineLoading} /> : children}
      </dd>
    </div>
  );
}

/** The file path, its end always in view, with a copy button that says so when the browser refuses to copy. */
export function FilePath({ path }: { path: string }) {
  const styles = useStyles2(getStyles);
  const [copyFailed, setCopyFailed] = useState(false);
  return (
    <>
      <Stack direction="row" gap={0.5} alignItems="center">
        <span className={styles.ellipsisLeft} title={path}>
          <bdi>{path}</bdi>
        </span>
        <ClipboardButton
          icon="copy"
          variant="secondary"
          fill="text"
          size="sm"
          aria-label={t('function-details.file-path.aria-label-copy-file-path', 'Copy file path')}
          data-testid={testIds.functionDetails.copyFile}
          getText={() => path}
          onClipboardCopy={() => setCopyFailed(false)}
          onClipboardError={() => setCopyFailed(true)}
        >
          <Trans i18nKey="function-details.file-path.copy">Copy</Trans>
        </ClipboardButton>
      </Stack>
      {copyFailed && (
        <div role="alert" data-testid={testIds.functionDetails.copyFileFailed}>
          <Text variant="bodySmall" color="error">
            <Trans i18nKey="function-details.file-path.copy-failed">
              The browser did not allow copying. Select the path here and copy it:
            </Trans>
          </Text>
          <code className={styles.wrapped}>{path}</code>
        </div>
      )}
    </>
  );
}

/** One line cut at the start (the innermost frames stay in view), full text on hover, and a button to show it all. */
export function CallSite({ text }: { text: string }) {
  const styles = useStyles2(getStyles);
  const [expanded, setExpanded] = useState(false);
  const toggle = expanded
    ? t('function-details.call-site.one-line', 'Show the call site on one line')
    : t('function-details.call-site.whole', 'Show the whole call site');
  return (
    <div className={styles.callSite}>
      <span
        className={expanded ? styles.wrapped : styles.ellipsisLeft}
        title={expanded ? undefined : text}
        data-testid={testIds.functionDetails.callSiteText}
      >
        <bdi>{text}</bdi>
      </span>
      <IconButton
        name={expanded ? 'angle-up' : 'angle-down'}
        size="sm"
        aria-expanded={expanded}
        aria-label={toggle}
        tooltip={toggle}
        onClick={() => setExpanded((e) => !e)}
      />
    </div>
  );
}
