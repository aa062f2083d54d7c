// The page below its toolbar: what there is to say (no data source, a bad selector, a failure, nothing found,
// loading) or the flame graph with the Function details panel beside it.
import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { Alert, Button, EmptyState, LoadingPlaceholder } from '@grafana/ui';
import type { FunctionSelection } from '../flamegraph/contextMenu';
import type { FlameGraphResult } from '../pyroscope/flameGraphQuery';
import { LinescopeFlameGraph } from '../flamegraph/LinescopeFlameGraph';
import { FunctionDetailsPanel } from '../function-details/FunctionDetailsPanel';
import type { FunctionDetailsTarget } from '../domain/target';
import { type PanelEntry, type PanelNavigation } from '../function-details/calls/navigation';
import { PyroscopeError } from '../pyroscope/errors';
import { ResizableSplit } from '../side-panel/ResizableSplit';
import { testIds } from '../testIds';
import type { AsyncState } from './useFlameGraphData';
import type { CompareUrlParam } from './useFlameGraphUrl';

export interface FlameGraphBodyProps {
  hasDatasources: boolean;
  selectorError: string | undefined;
  profileTypes: AsyncState<unknown[]>;
  services: AsyncState<string[]>;
  scopedToServices: boolean;
  queryKey: string | undefined;
  flameGraph: AsyncState<FlameGraphResult>;
  labelSelector: string | undefined;
  enableFunctionDetails: boolean;
  panel: ({ target: FunctionDetailsTarget; compare: CompareUrlParam } & PanelNavigation) | undefined;
  onClearSelector: () => void;
  onRetry: () => void;
  onFunctionDetails: (s: FunctionSelection) => void;
  onClosePanel: () => void;
}

export function FlameGraphBody(props: FlameGraphBodyProps) {
  const { hasDatasources, selectorError, profileTypes, services, scopedToServices, queryKey, flameGraph } = props;
  const { labelSelector, panel, onClearSelector, onRetry } = props;
  if (!hasDatasources) {
    return (
      <Alert
        severity="info"
        title={t('pages.flame-graph-body.title-no-pyroscope-data-source', 'No Pyroscope data source')}
        data-testid={testIds.flameGraphPage.prompt}
      >
        <Trans i18nKey="pages.flame-graph-body.add-pyroscope-data-source">
          Add a Pyroscope data source in Connections → Data sources (type “Grafana Pyroscope”), then come back here.
        </Trans>
      </Alert>
    );
  }
  if (selectorError) {
    return (
      <Alert
        severity="error"
        title={t('pages.flame-graph-body.title-label-selector', 'The label selector in the link can’t be read')}
        data-testid={testIds.flameGraphPage.error}
      >
        <div>{selectorError}</div>
        <Button variant="secondary" size="sm" onClick={() => onClearSelector()}>
          <Trans i18nKey="pages.flame-graph-body.clear-the-label-selector">Clear the label selector</Trans>
        </Button>
      </Alert>
    );
  }
  for (const [title, state] of [
    [t('pages.flame-graph-body.title-couldnt-load-profile-types', 'Couldn’t load the profile types'), profileTypes],
    [t('pages.flame-graph-body.title-couldnt-load-services', 'Couldn’t load the services'), services],
  ] as const) {
    if (state.status === 'error') {
      return <ErrorAlert title={title} error={state.error} onRetry={() => onRetry()} />;
    }
  }
  if (profileTypes.status === 'success' && profileTypes.value.length === 0) {
    return (
      <EmptyState
        variant="not-found"
        message={t('pages.flame-graph-body.empty-data-source', 'No profiles in this data source for the time range')}
      >
        <div data-testid={testIds.flameGraphPage.empty}>
          <Trans i18nKey="pages.flame-graph-body.no-profile-types">
            Pick a wider or more recent time range, or another data source. Pyroscope only lists profile types it
            received in the time range.
          </Trans>
        </div>
      </EmptyState>
    );
  }
  if (services.status === 'success' && services.value.length === 0 && !scopedToServices) {
    return (
      <EmptyState
        variant="not-found"
        message={t('pages.flame-graph-body.empty-services', 'No service sends profiles in the time range')}
      >
        <div data-testid={testIds.flameGraphPage.empty}>
          <Trans i18nKey="pages.flame-graph-body.wider-recent-range">Pick a wider or more recent time range.</Trans>
        </div>
      </EmptyState>
    );
  }
  if (!queryKey || flameGraph.status === 'loading' || flameGraph.status === 'idle') {
    return (
      <LoadingPlaceholder
        text={t('pages.flame-graph-body.text-loading-flame-graph', 'Loading flame graph…')}
        data-testid={testIds.flameGraphPage.loading}
      />
    );
  }
  if (flameGraph.status === 'error') {
    return (
      <ErrorAlert
        title={t('pages.flame-graph-body.title-couldnt-load-the-flame-graph', 'Couldn’t load the flame graph')}
        error={flameGraph.error}
        onRetry={() => onRetry()}
      />
    );
  }
  if (flameGraph.value.kind === 'empty') {
    return (
      <EmptyState
        variant="not-found"
        message={t('pages.flame-graph-body.empty-selection', 'No profiles for this selection')}
      >
        <div data-testid={testIds.flameGraphPage.empty}>
          {t(
            'pages.flame-graph-body.nothing-matched',
            'Nothing matched {{selector}} for this profile type in the time range. Widen the time range, remove label filters, or pick another service or profile type.',
            // The selector is shown as text by React: no HTML escaping on top.
            { selector: labelSelector, interpolation: { escapeValue: false } }
          )}
        </div>
      </EmptyState>
    );
  }
  return (
    <ResizableSplit
      sideLabel={t('pages.flame-graph-body.side-panel', 'Function details')}
      main={
        <LinescopeFlameGraph
          data={flameGraph.value.frame}
          enableFunctionDetails={props.enableFunctionDetails}
          onFunctionDetails={props.onFunctionDetails}
          highlight={panel?.entry.functionName}
        />
      }
      side={
        panel && props.enableFunctionDetails ? (
          <FunctionDetailsPanel
            key={panelKey(panel.entry)}
            target={panel.target}
            onClose={props.onClosePanel}
            navigation={{ entry: panel.entry, trail: panel.trail, actions: panel.actions }}
            compare={panel.compare}
          />
        ) : undefined
      }
    />
  );
}

/** One panel per function and call site: opening another one starts it afresh. */
const panelKey = (entry: PanelEntry) => JSON.stringify([entry.callSite, entry.functionName, entry.callSiteCount]);

function ErrorAlert({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  return (
    <Alert severity="error" title={title} data-testid={testIds.flameGraphPage.error}>
      <div>{error.message}</div>
      {error instanceof PyroscopeError && <div>{error.hint}</div>}
      <Button variant="secondary" size="sm" icon="sync" onClick={onRetry}>
        <Trans i18nKey="pages.error-alert.retry">Retry</Trans>
      </Button>
    </Alert>
  );
}
