import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { DataSourcePicker, getDataSourceSrv, PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  Combobox,
  type ComboboxOption,
  EmptyState,
  InlineField,
  LoadingPlaceholder,
  Stack,
  TimeRangePicker,
  useStyles2,
} from '@grafana/ui';
import { PYROSCOPE_DS_TYPE } from '../constants';
import { type FunctionSelection } from '../flamegraph/contextMenu';
import { pickDatasource, pickProfileType } from '../flamegraph/defaultDatasource';
import { LabelFilters } from '../flamegraph/LabelFilters';
import { LinescopeFlameGraph } from '../flamegraph/LinescopeFlameGraph';
import { shiftRange, toMs, toTimeRange, toUrlRange, zoomOut } from '../flamegraph/timeRange';
import { type FlameGraphUrlState, readUrlState, toSearchParams } from '../flamegraph/urlState';
import { useAsync } from '../flamegraph/useAsync';
import { FunctionDetailsPanel } from '../function-details/FunctionDetailsPanel';
import type { FunctionDetailsTarget } from '../domain/target';
import { PyroscopeError } from '../pyroscope/errors';
import { queryFlameGraph } from '../pyroscope/flameGraphQuery';
import { QuerierClient } from '../pyroscope/querier';
import {
  buildSelector,
  formatSelector,
  type Matcher,
  parseSelector,
  SERVICE_LABEL,
  splitService,
} from '../pyroscope/selector';
import { vcsDatasourceFor } from '../settings/settings';
import { useSettings } from '../settings/SettingsContext';
import { ResizableSplit } from '../side-panel/ResizableSplit';
import { testIds } from '../testIds';

let requestCounter = 0;

export default function FlameGraphPage() {
  const styles = useStyles2(getStyles);
  const settings = useSettings();
  const [searchParams, setSearchParams] = useSearchParams();
  const url = useMemo(() => readUrlState(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<FlameGraphUrlState>, replace = false) =>
      setSearchParams(toSearchParams({ ...readUrlState(searchParams), ...patch }), { replace }),
    [searchParams, setSearchParams]
  );

  // Data source: the URL's, else the settings' default, else Grafana's default Pyroscope data source.
  const pyroscopeDatasources = getDataSourceSrv().getList({ pluginId: PYROSCOPE_DS_TYPE });
  const datasource = pickDatasource(url.datasource, settings.defaultDatasourceUid, pyroscopeDatasources);
  // Deprecated in the types, but DataSourceWithBackend.query still sends it with each query; so do we.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const datasourceId = pyroscopeDatasources.find((d) => d.uid === datasource)?.id;
  useEffect(() => {
    if (datasource && datasource !== url.datasource) {
      update({ datasource }, true);
    }
  }, [datasource, url.datasource, update]);
  const client = useMemo(() => (datasource ? new QuerierClient(datasource) : undefined), [datasource]);

  // Relative ranges ("now-1h") are resolved when the range or the refresh count changes.
  const [refreshCount, setRefreshCount] = useState(0);
  const range = useMemo(() => toMs(url.from, url.to), [url.from, url.to, refreshCount]); // eslint-disable-line react-hooks/exhaustive-deps
  const rangeKey = `${range.from}-${range.to}-${refreshCount}`;

  let selectorError: string | undefined;
  let service: string | undefined;
  let filters: Matcher[] = [];
  try {
    ({ service, filters } = splitService(parseSelector(url.query)));
  } catch (e) {
    selectorError = e instanceof Error ? e.message : String(e);
  }
  const scopedToServices = service !== undefined || filters.some((f) => f.name === SERVICE_LABEL);

  const profileTypes = useAsync(client ? `${datasource}|${rangeKey}` : undefined, (signal) =>
    client!.profileTypes(range, signal)
  );
  const profileTypeIds = profileTypes.status === 'success' ? profileTypes.value.map((t) => t.id) : [];
  const profileType =
    profileTypes.status === 'success' ? pickProfileType(url.profileType, profileTypeIds) : url.profileType;
  useEffect(() => {
    if (profileTypes.status === 'success' && profileType && profileType !== url.profileType) {
      update({ profileType }, true);
    }
  }, [profileTypes.status, profileType, url.profileType, update]);

  const typeSelector = profileType ? `{__profile_type__="${profileType}"}` : '{}';
  const services = useAsync(client && profileType ? `${datasource}|${profileType}|${rangeKey}` : undefined, (signal) =>
    client!.labelValues(SERVICE_LABEL, typeSelector, range, signal)
  );
  useEffect(() => {
    // Only a selector that names no service at all gets the first one; a link's service_name=~"…" is kept as it is.
    if (!selectorError && !scopedToServices && services.status === 'success' && services.value.length > 0) {
      update({ query: buildSelector(services.value[0], filters) }, true);
    }
  }, [services, scopedToServices, selectorError]); // eslint-disable-line react-hooks/exhaustive-deps

  // Label names and values are offered for the service part of the selector (service_name matchers of any kind).
  const serviceSelector = formatSelector([
    ...(service ? [{ name: SERVICE_LABEL, op: '=' as const, value: service }] : []),
    ...filters.filter((f) => f.name === SERVICE_LABEL),
  ]);
  const labelNames = useAsync(
    client && scopedToServices ? `${datasource}|${serviceSelector}|${rangeKey}` : undefined,
    (signal) => client!.labelNames(serviceSelector, range, signal)
  );
  const filterableNames =
    labelNames.status === 'success' ? labelNames.value.filter((n) => !n.startsWith('__') && n !== SERVICE_LABEL) : [];

  const labelSelector = selectorError ? undefined : buildSelector(service, filters);
  const queryKey =
    datasource && profileType && scopedToServices && labelSelector
      ? JSON.stringify({ datasource, profileType, labelSelector, range, refreshCount })
      : undefined;
  const flameGraph = useAsync(queryKey, () =>
    queryFlameGraph(
      { datasourceUid: datasource!, datasourceId, profileTypeId: profileType!, labelSelector: labelSelector!, range },
      `linescope-flamegraph-${++requestCounter}`
    )
  );

  // The Function Details panel belongs to the query it was opened from: a new query closes it.
  const [selection, setSelection] = useState<{ queryKey: string; target: FunctionDetailsTarget }>();
  const openFunctionDetails = useCallback(
    (s: FunctionSelection) => {
      if (!queryKey) {
        return;
      }
      setSelection({
        queryKey,
        target: {
          datasourceUid: datasource!,
          vcsDatasourceUid: vcsDatasourceFor(settings, datasource!),
          profileTypeId: profileType!,
          labelSelector: labelSelector!,
          serviceName: service,
          range,
          callSite: s.callSite,
          callSiteCount: s.callSiteCount,
          functionName: s.functionName,
        },
      });
    },
    [queryKey, datasource, settings, profileType, labelSelector, service, range]
  );
  const panel = selection && selection.queryKey === queryKey && flameGraph.status === 'success' ? selection : undefined;
  const closePanel = useCallback(() => setSelection(undefined), []);
  // The comparison open in the panel, kept beside the view's own parameters so a link shares it.
  const setCompareParam = useCallback(
    (value: string | undefined) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) {
            next.set('compare', value);
          } else {
            next.delete('compare');
          }
          return next;
        },
        { replace: true }
      ),
    [setSearchParams]
  );

  const timeRange = toTimeRange(url.from, url.to);
  const profileTypeOptions: Array<ComboboxOption<string>> =
    profileTypes.status === 'success'
      ? profileTypes.value.map((t) => ({ label: t.label, value: t.id, description: t.id }))
      : [];
  const serviceValues = services.status === 'success' ? services.value : [];
  const serviceOptions = (
    service && !serviceValues.includes(service) ? [service, ...serviceValues] : serviceValues
  ).map((s) => ({ label: s, value: s }));

  const body = () => {
    if (pyroscopeDatasources.length === 0) {
      return (
        <Alert severity="info" title="No Pyroscope data source" data-testid={testIds.flameGraphPage.prompt}>
          Add a Pyroscope data source in Connections → Data sources (type “Grafana Pyroscope”), then come back here.
        </Alert>
      );
    }
    if (selectorError) {
      return (
        <Alert
          severity="error"
          title="The label selector in the link can’t be read"
          data-testid={testIds.flameGraphPage.error}
        >
          <div>{selectorError}</div>
          <Button variant="secondary" size="sm" onClick={() => update({ query: '{}' })}>
            Clear the label selector
          </Button>
        </Alert>
      );
    }
    for (const [what, state] of [
      ['profile types', profileTypes],
      ['services', services],
    ] as const) {
      if (state.status === 'error') {
        return (
          <ErrorAlert
            title={`Couldn’t load the ${what}`}
            error={state.error}
            onRetry={() => setRefreshCount((n) => n + 1)}
          />
        );
      }
    }
    if (profileTypes.status === 'success' && profileTypes.value.length === 0) {
      return (
        <EmptyState variant="not-found" message="No profiles in this data source for the time range">
          <div data-testid={testIds.flameGraphPage.empty}>
            Pick a wider or more recent time range, or another data source. Pyroscope only lists profile types it
            received in the time range.
          </div>
        </EmptyState>
      );
    }
    if (services.status === 'success' && services.value.length === 0 && !scopedToServices) {
      return (
        <EmptyState variant="not-found" message="No service sends this profile type in the time range">
          <div data-testid={testIds.flameGraphPage.empty}>Pick another profile type or a wider time range.</div>
        </EmptyState>
      );
    }
    if (!queryKey || flameGraph.status === 'loading' || flameGraph.status === 'idle') {
      return <LoadingPlaceholder text="Loading flame graph…" data-testid={testIds.flameGraphPage.loading} />;
    }
    if (flameGraph.status === 'error') {
      return (
        <ErrorAlert
          title="Couldn’t load the flame graph"
          error={flameGraph.error}
          onRetry={() => setRefreshCount((n) => n + 1)}
        />
      );
    }
    if (flameGraph.value.kind === 'empty') {
      return (
        <EmptyState variant="not-found" message="No profiles for this selection">
          <div data-testid={testIds.flameGraphPage.empty}>
            Nothing matched {labelSelector} for this profile type in the time range. Widen the time range, remove label
            filters, or pick another service or profile type.
          </div>
        </EmptyState>
      );
    }
    return (
      <ResizableSplit
        sideLabel="Function details"
        main={
          <LinescopeFlameGraph
            data={flameGraph.value.frame}
            enableFunctionDetails={settings.enableFunctionDetails}
            onFunctionDetails={openFunctionDetails}
          />
        }
        side={
          panel && settings.enableFunctionDetails ? (
            <FunctionDetailsPanel
              key={JSON.stringify([panel.target.callSite, panel.target.functionName])}
              target={panel.target}
              onClose={closePanel}
              compare={{ value: searchParams.get('compare') ?? undefined, onChange: setCompareParam }}
            />
          ) : undefined
        }
      />
    );
  };

  return (
    <PluginPage>
      <div data-testid={testIds.flameGraphPage.page} className={styles.page}>
        <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
          <div data-testid={testIds.flameGraphPage.datasource}>
            <DataSourcePicker
              pluginId={PYROSCOPE_DS_TYPE}
              current={datasource ?? null}
              noDefault
              width={28}
              placeholder="Pyroscope data source"
              onChange={(ds) => update({ datasource: ds.uid, profileType: undefined, query: '{}' })}
            />
          </div>
          <InlineField label="Service" htmlFor="linescope-service" data-testid={testIds.flameGraphPage.service}>
            <Combobox
              id="linescope-service"
              width={30}
              placeholder="Service"
              loading={services.status === 'loading'}
              options={serviceOptions}
              value={service ?? null}
              onChange={(v) => update({ query: buildSelector(v.value, filters) })}
            />
          </InlineField>
          <InlineField
            label="Profile type"
            htmlFor="linescope-profile-type"
            data-testid={testIds.flameGraphPage.profileType}
          >
            <Combobox
              id="linescope-profile-type"
              width={36}
              placeholder="Profile type"
              loading={profileTypes.status === 'loading'}
              options={profileTypeOptions}
              value={profileType ?? null}
              onChange={(v) => update({ profileType: v.value })}
            />
          </InlineField>
          <div data-testid={testIds.flameGraphPage.timeRange}>
            <TimeRangePicker
              value={timeRange}
              onChange={(r) => update(toUrlRange(r))}
              onChangeTimeZone={() => {}}
              onMoveBackward={() => update(shiftRange(range, -1))}
              onMoveForward={() => update(shiftRange(range, 1))}
              onZoom={() => update(zoomOut(range))}
            />
          </div>
          <Button variant="secondary" icon="sync" aria-label="Run query" onClick={() => setRefreshCount((n) => n + 1)}>
            Refresh
          </Button>
        </Stack>
        {scopedToServices && (
          <LabelFilters
            filters={filters}
            onChange={(next) => update({ query: buildSelector(service, next) })}
            labelNames={filterableNames}
            labelNamesLoading={labelNames.status === 'loading'}
            loadValues={(name) => client!.labelValues(name, serviceSelector, range)}
          />
        )}
        {body()}
      </div>
    </PluginPage>
  );
}

function ErrorAlert({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  return (
    <Alert severity="error" title={title} data-testid={testIds.flameGraphPage.error}>
      <div>{error.message}</div>
      {error instanceof PyroscopeError && <div>{error.hint}</div>}
      <Button variant="secondary" size="sm" icon="sync" onClick={onRetry}>
        Retry
      </Button>
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
});
