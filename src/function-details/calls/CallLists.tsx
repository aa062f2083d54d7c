import { t, Trans } from '@grafana/i18n';
import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, IconButton, Stack, Text, useStyles2 } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';
import { formatCount, formatShare, formatValue } from '../../domain/format';
import { testIds } from '../../testIds';
import type { CallCost, FunctionCalls } from '../../domain/calls';

/** Longer lists show this many first, and a button for the rest. */
export const FIRST_SHOWN = 20;

interface CalledFromProps {
  calls: FunctionCalls;
  /** The function's total in the version shown: shares are of this. */
  functionTotal: number;
  unit: string;
  onOpenCaller: (functionName: string) => void;
}

/** "Called from": the functions the function was called from at this call site, largest first. */
export function CalledFrom({ calls, functionTotal, unit, onOpenCaller }: CalledFromProps) {
  const styles = useStyles2(getStyles);
  if (calls.callers.length === 0 && calls.outermost === 0) {
    return null;
  }
  return (
    <section
      aria-label={t('function-details.called-from.aria-label-called-from', 'Called from')}
      className={styles.section}
    >
      <Text element="h4" variant="h5">
        <Trans i18nKey="function-details.called-from.called-from">Called from</Trans>
      </Text>
      <CallList
        testId={testIds.functionDetails.callers}
        costs={calls.callers}
        whole={functionTotal}
        unit={unit}
        onOpen={onOpenCaller}
        linkLabel={(c) =>
          t('function-details.called-from.open-caller', 'Open the caller {{name}}', {
            name: c.functionName,
            interpolation: PLAIN_TEXT,
          })
        }
        linkTestId={testIds.functionDetails.callerLink}
      >
        {calls.outermost > 0 && (
          <li className={styles.item}>
            <Text color="secondary" italic>
              <Trans i18nKey="function-details.called-from.no-caller-the-outermost-frame">
                no caller (the outermost frame)
              </Trans>
            </Text>
            <Amount value={calls.outermost} whole={functionTotal} unit={unit} />
          </li>
        )}
      </CallList>
    </section>
  );
}

interface LineCalleesProps {
  id: string;
  /** The line (0: the function's frames without a line number). */
  line: number;
  callees: CallCost[];
  /** The line's total: shares are of this. */
  lineTotal: number;
  unit: string;
  onOpenCallee: (functionName: string) => void;
  onClose: () => void;
}

/** What one line calls, largest first, each with its total and share of the line. */
export function LineCallees({ id, line, callees, lineTotal, unit, onOpenCallee, onClose }: LineCalleesProps) {
  const styles = useStyles2(getStyles);
  const title =
    line > 0
      ? t('function-details.line-callees.title', 'Calls from line {{line}}', { line, interpolation: PLAIN_TEXT })
      : t('function-details.line-callees.title-without-line', 'Calls from frames without a line number');
  const close =
    line > 0
      ? t('function-details.line-callees.close', 'Close calls from line {{line}}', { line, interpolation: PLAIN_TEXT })
      : t('function-details.line-callees.close-without-line', 'Close calls from frames without a line number');
  return (
    <section id={id} aria-label={title} className={styles.callees}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text element="h5" variant="bodySmall" weight="medium">
          {title}
        </Text>
        <IconButton name="times" size="sm" aria-label={close} onClick={onClose} />
      </Stack>
      <CallList
        testId={testIds.functionDetails.callees}
        costs={callees}
        whole={lineTotal}
        unit={unit}
        onOpen={onOpenCallee}
        linkLabel={(c) =>
          line > 0
            ? t('function-details.line-callees.open', 'Open {{name}}, called from line {{line}}', {
                name: c.functionName,
                line,
                interpolation: PLAIN_TEXT,
              })
            : t('function-details.line-callees.open-without-line', 'Open {{name}}, called from this function', {
                name: c.functionName,
                interpolation: PLAIN_TEXT,
              })
        }
        linkTestId={testIds.functionDetails.calleeLink}
      />
    </section>
  );
}

interface CallListProps {
  testId: string;
  costs: CallCost[];
  whole: number;
  unit: string;
  onOpen: (functionName: string) => void;
  linkLabel: (cost: CallCost) => string;
  linkTestId: string;
  children?: React.ReactNode;
}

function CallList({ testId, costs, whole, unit, onOpen, linkLabel, linkTestId, children }: CallListProps) {
  const styles = useStyles2(getStyles);
  const [all, setAll] = useState(false);
  const shown = all ? costs : costs.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul className={styles.list} data-testid={testId}>
        {shown.map((cost) => (
          <li key={cost.functionName} className={styles.item}>
            <Button
              fill="text"
              size="sm"
              className={styles.link}
              title={t('function-details.call-list.function-in-file', '{{name}} ({{file}})', {
                name: cost.functionName,
                file: cost.fileName,
                interpolation: PLAIN_TEXT,
              })}
              aria-label={linkLabel(cost)}
              data-testid={linkTestId}
              onClick={() => onOpen(cost.functionName)}
            >
              {cost.functionName}
            </Button>
            <Amount value={cost.total} whole={whole} unit={unit} />
          </li>
        ))}
        {children}
      </ul>
      {costs.length > FIRST_SHOWN && (
        <Button size="sm" variant="secondary" fill="text" onClick={() => setAll((a) => !a)}>
          {all
            ? t('function-details.call-list.show-first', 'Show the first {{number}}', {
                count: FIRST_SHOWN,
                number: formatCount(FIRST_SHOWN),
                defaultValue_one: 'Show the first {{number}}',
                interpolation: PLAIN_TEXT,
              })
            : t('function-details.call-list.show-all', 'Show all {{number}}', {
                count: costs.length,
                number: formatCount(costs.length),
                defaultValue_one: 'Show all {{number}}',
                interpolation: PLAIN_TEXT,
              })}
        </Button>
      )}
    </>
  );
}

function Amount({ value, whole, unit }: { value: number; whole: number; unit: string }) {
  const styles = useStyles2(getStyles);
  return (
    <span className={styles.amount}>
      {t('function-details.value-with-share', '{{value}} ({{share}})', {
        value: formatValue(value, unit),
        share: formatShare(value, whole),
        interpolation: PLAIN_TEXT,
      })}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  callees: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
  }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, maxHeight: 320, overflowY: 'auto' }),
  item: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
  }),
  link: css({
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: theme.typography.fontFamilyMonospace,
    justifyContent: 'flex-start',
    '& > div, & > span': { overflow: 'hidden', textOverflow: 'ellipsis' },
  }),
  amount: css({
    flexShrink: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
});
