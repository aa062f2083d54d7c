import { t, Trans } from '@grafana/i18n';
import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { DataSourcePicker, getDataSourceSrv, PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  Combobox,
  type ComboboxOption,
  InlineField,
  Stack,
  TimeRangePicker,
  useStyles2,
} from '@grafana/ui';
import { PYROSCOPE_DS_TYPE } from '../constants';
import { type FunctionSelection } from '../flamegraph/contextMenu';
import { pickDatasource, pickProfileType } from '../flamegraph/defaultDatasource';
import { LabelFilters } from '../flamegraph/LabelFilters';
import { shiftRange, toMs, toTimeRange, toUrlRange, zoomOut } from '../flamegraph/timeRange';
import type { FunctionDetailsTarget } from '../domain/target';
import { useCallNavigation } from '../function-details/calls/useCallNavigation';
import { QuerierClient } from '../pyroscope/querier';
import {
  buildSelector,
  formatSelector,
  type Matcher,
  parseSelector,
  SERVICE_LABEL,
  splitService,
} from '../pyroscope/selector';
import { vcsDataSourceFor } from '../settings/settings';
import { useSettings } from '../settings/SettingsContext';
import { testIds } from '../testIds';
import { FlameGraphBody } from './FlameGraphBody';
import { usePickerData, useProfileTypes, useServiceProfileTypes } from './useFlameGraphData';
import { useFlameGraphUrl, useUrlDefaults } from './useFlameGraphUrl';

export default function FlameGraphPage() {
  const styles = useStyles2(getStyles);
  const settings = useSettings();
  const { url, update, compare } = useFlameGraphUrl();
  const navigation = useCallNavigation();

  // Data source: the URL's, else the settings' default, else Grafana's default Pyroscope data source.
  const pyroscopeDatasources = getDataSourceSrv().getList({ pluginId: PYROSCOPE_DS_TYPE });
  const datasource = pickDatasource(url.datasource, settings.defaultDatasourceUid, pyroscopeDatasources);
  // A QuerierClient only holds the uid: one per render costs nothing, and the queries are keyed by the uid.
  const client = datasource ? new QuerierClient(datasource) : undefined;

  // Relative ranges ("now-1h") are resolved when the range or the refresh count changes.
  const [refreshCount, setRefreshCount] = useState(0);
  const refresh = useCallback(() => setRefreshCount((n) => n + 1), []);
  const range = useMemo(() => toMs(url.from, url.to), [url.from, url.to, refreshCount]); // eslint-disable-line react-hooks/exhaustive-deps
  const rangeKey = `${range.from}-${range.to}-${refreshCount}`;

  const { service, filters, selectorError } = readSelector(url.query);
  const scopedToServices = service !== undefined || filters.some((f) => f.name === SERVICE_LABEL);

  const profileTypes = useProfileTypes(client, datasource, range, rangeKey);
  const serviceTypes = useServiceProfileTypes(client, datasource, service, range, rangeKey);
  const allTypeIds = profileTypes.status === 'success' ? profileTypes.value.map((t) => t.id) : [];
  // The picked service's own types: a service with only wall-clock profiles opens on those, not on an empty CPU graph.
  const typeIdsOfService =
    serviceTypes.status === 'success' ? allTypeIds.filter((id) => serviceTypes.value.includes(id)) : [];
  const profileTypeIds = typeIdsOfService.length > 0 ? typeIdsOfService : allTypeIds;
  const serviceTypeIds = serviceTypes.status === 'success' && serviceTypes.value.length > 0 ? serviceTypes.value : [];
  // Nothing is queried with a type the service may not have: wait for its types, not for the whole list.
  const profileType =
    serviceTypes.status === 'loading'
      ? undefined
      : profileTypes.status === 'success'
        ? pickProfileType(url.profileType, profileTypeIds)
        : serviceTypeIds.length > 0
          ? pickProfileType(url.profileType, serviceTypeIds)
          : url.profileType;
  const profileTypeOptions: Array<ComboboxOption<string>> =
    profileTypes.status === 'success'
      ? profileTypes.value
          .filter((t) => profileTypeIds.includes(t.id))
          .map((t) => ({ label: t.label, value: t.id, description: t.id }))
      : [];
  // Label names and values are offered for the service part of the selector (service_name matchers of any kind).
  const serviceSelector = formatSelector([
    ...(service ? [{ name: SERVICE_LABEL, op: '=' as const, value: service }] : []),
    ...filters.filter((f) => f.name === SERVICE_LABEL),
  ]);
  const labelSelector = selectorError ? undefined : buildSelector(service, filters);
  const { services, labelNames, flameGraph, queryKey } = usePickerData({
    client,
    datasource,
    range,
    rangeKey,
    refreshCount,
    profileType,
    scopedToServices,
    serviceSelector,
    labelSelector,
  });
  const filterableNames =
    labelNames.status === 'success' ? labelNames.value.filter((n) => !n.startsWith('__') && n !== SERVICE_LABEL) : [];
  // Only a selector that names no service at all gets the first one; a link's service_name=~"…" is kept as it is.
  useUrlDefaults(url, update, {
    datasource,
    profileType,
    profileTypesLoaded: profileTypes.status === 'success',
    firstServiceQuery:
      !selectorError && !scopedToServices && services.status === 'success' && services.value.length > 0
        ? buildSelector(services.value[0], filters)
        : undefined,
  });

  // The function open in Function details is in the URL (see useCallNavigation); it is shown once the flame graph of
  // the URL's query is there.
  const openFunctionDetails = useCallback(
    (s: FunctionSelection) =>
      navigation.actions.start({ functionName: s.functionName, callSite: s.callSite, callSiteCount: s.callSiteCount }),
    [navigation.actions]
  );
  const entry = navigation.data.entry;
  const target = useMemo<FunctionDetailsTarget | undefined>(
    () =>
      entry && queryKey
        ? {
            datasourceUid: datasource!,
            vcsDataSourceUid: vcsDataSourceFor(settings, datasource!),
            profileTypeId: profileType!,
            labelSelector: labelSelector!,
            serviceName: service,
            range,
            callSite: entry.callSite,
            callSiteCount: entry.callSiteCount,
            functionName: entry.functionName,
          }
        : undefined,
    [entry, queryKey, datasource, settings, profileType, labelSelector, service, range]
  );
  const panel =
    target && entry && flameGraph.status === 'success'
      ? { target, entry, trail: navigation.data.trail, actions: navigation.actions, compare }
      : undefined;

  const timeRange = toTimeRange(url.from, url.to);
  const serviceValues = services.status === 'success' ? services.value : [];
  const serviceOptions = (
    service && !serviceValues.includes(service) ? [service, ...serviceValues] : serviceValues
  ).map((s) => ({ label: s, value: s }));

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
              placeholder={t('pages.flame-graph-page.placeholder-pyroscope-data-source', 'Pyroscope data source')}
              onChange={(ds) => update({ datasource: ds.uid, profileType: undefined, query: '{}' })}
            />
          </div>
          <InlineField
            label={t('pages.flame-graph-page.label-service', 'Service')}
            htmlFor="linescope-service"
            data-testid={testIds.flameGraphPage.service}
          >
            <Combobox
              id="linescope-service"
              width={30}
              placeholder={t('pages.flame-graph-page.linescope-service-placeholder-service', 'Service')}
              loading={services.status === 'loading'}
              options={serviceOptions}
              value={service ?? null}
              onChange={(v) => update({ query: buildSelector(v.value, filters) })}
            />
          </InlineField>
          <InlineField
            label={t('pages.flame-graph-page.label-profile-type', 'Profile type')}
            htmlFor="linescope-profile-type"
            data-testid={testIds.flameGraphPage.profileType}
          >
            <Combobox
              id="linescope-profile-type"
              width={36}
              placeholder={t('pages.flame-graph-page.linescope-profile-type-placeholder-profile-type', 'Profile type')}
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
          <Button
            variant="secondary"
            icon="sync"
            aria-label={t('pages.flame-graph-page.aria-label-run-query', 'Run query')}
            onClick={refresh}
          >
            <Trans i18nKey="pages.flame-graph-page.refresh">Refresh</Trans>
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
        {navigation.data.error && (
          <Alert
            severity="warning"
            title={t('pages.flame-graph-page.title-function-opened', 'The function in the link can’t be opened')}
            data-testid={testIds.flameGraphPage.error}
          >
            <div>{navigation.data.error}</div>
            <Button variant="secondary" size="sm" onClick={navigation.actions.close}>
              <Trans i18nKey="pages.flame-graph-page.remove-it-from-the-link">Remove it from the link</Trans>
            </Button>
          </Alert>
        )}
        <FlameGraphBody
          hasDatasources={pyroscopeDatasources.length > 0}
          selectorError={selectorError}
          profileTypes={profileTypes}
          services={services}
          scopedToServices={scopedToServices}
          queryKey={queryKey}
          flameGraph={flameGraph}
          labelSelector={labelSelector}
          enableFunctionDetails={settings.enableFunctionDetails}
          panel={panel}
          onClearSelector={() => update({ query: '{}' })}
          onRetry={refresh}
          onFunctionDetails={openFunctionDetails}
          onClosePanel={navigation.actions.close}
        />
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
});

/** The URL's label selector as its service and other filters, or why it cannot be read. */
function readSelector(query: string): {
  service?: string;
  filters: Matcher[];
  selectorError?: string;
} {
  try {
    return splitService(parseSelector(query));
  } catch (e) {
    return { filters: [], selectorError: e instanceof Error ? e.message : String(e) };
  }
}
