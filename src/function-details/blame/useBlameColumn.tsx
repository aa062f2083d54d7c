// The blame beside the code view: shown by default for the function's lines (a toggle hides it), asked for once
// the source is loaded and the view has told which lines the function spans; its own loading and error notes, so
// the per-line numbers never wait for it. A host whose API has no blame gets no toggle: its blame page instead.
import { Trans, t } from '@grafana/i18n';
import React, { useMemo, useState } from 'react';
import { Button, Text } from '@grafana/ui';
import { blameByLine } from '../../domain/blame/blame';
import type { SourceFile } from '../../source/core/types';
import { type LineSpan, useBlame } from '../../source/useBlame';
import { testIds } from '../../testIds';
import type { AsideColumn } from '../code-view/AnnotatedSource';
import { BLAME_COLUMN_WIDTH, BlameCell } from './BlameCell';
import { NoBlame } from './NoBlame';

const BLAME_SHOWN_KEY = 'linescope.blame.shown';

export interface BlameColumn {
  aside?: AsideColumn;
  toolbar: React.ReactNode;
  onFunctionSpan: (span: LineSpan) => void;
}

function storedShown(): boolean {
  try {
    return window.localStorage.getItem(BLAME_SHOWN_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function useBlameColumn(vcsDataSourceUid: string | undefined, source: SourceFile): BlameColumn {
  const [shown, setShown] = useState(storedShown);
  const [span, setSpan] = useState<LineSpan>();
  const resolved = source.status === 'loaded' ? source.resolved : undefined;
  // The file even when hidden: a host without blame is known from it, and gets no toggle.
  const blame = useBlame(vcsDataSourceUid ?? '', resolved, shown ? span : undefined);
  const byLine = useMemo(
    () => (blame.status === 'loaded' ? blameByLine(blame.data.ranges, blame.data.commits) : undefined),
    [blame]
  );
  const onFunctionSpan = React.useCallback(
    (next: LineSpan) => setSpan((old) => (old?.start === next.start && old.end === next.end ? old : next)),
    []
  );
  const toggle = () => {
    setShown(!shown);
    try {
      window.localStorage.setItem(BLAME_SHOWN_KEY, String(!shown));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  // Dates are relative to when the panel opened: stable across renders.
  const [now] = useState(() => Date.now());
  const toolbar = resolved && (
    <>
      {blame.status === 'loading' && (
        <span data-testid={testIds.functionDetails.blameStatus}>
          <Text color="secondary" variant="bodySmall">
            <Trans i18nKey="function-details.blame.loading">Loading blame…</Trans>
          </Text>
        </span>
      )}
      {blame.status === 'error' && (
        <span data-testid={testIds.functionDetails.blameStatus} title={blame.error.message}>
          <Text color="secondary" variant="bodySmall">
            <Trans i18nKey="function-details.blame.unavailable">Blame unavailable</Trans>
          </Text>
        </span>
      )}
      {blame.status === 'no-blame' ? (
        <span data-testid={testIds.functionDetails.blameStatus}>
          <NoBlame host={blame.host} blamePage={source.status === 'loaded' ? source.links?.blame : undefined} />
        </span>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          onClick={toggle}
          aria-pressed={shown}
          data-testid={testIds.functionDetails.blameToggle}
        >
          {shown ? t('function-details.blame.hide', 'Hide blame') : t('function-details.blame.show', 'Show blame')}
        </Button>
      )}
    </>
  );
  return {
    aside: byLine && {
      title: t('function-details.blame.column', 'Last change'),
      width: BLAME_COLUMN_WIDTH,
      cell: (line) => <BlameCell blame={byLine.get(line)} now={now} />,
    },
    toolbar,
    onFunctionSpan,
  };
}
