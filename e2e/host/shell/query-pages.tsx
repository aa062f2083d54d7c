// The two places Grafana offers apps' links for a Pyroscope query: Explore's toolbar and a dashboard panel's menu.
// Imitates: public/app/features/explore/extensions/ToolbarExtensionPoint.tsx (extension point
// grafana/explore/toolbar/action, context {exploreId, targets, data, timeRange: range.raw, timeZone,
// shouldShowAddCorrelation}, links in the "Add" menu) and public/app/features/dashboard/utils/getPanelMenu.ts
// (grafana/dashboard/panel/menu, PluginExtensionPanelContext {id, pluginId, title, timeRange: dashboard.time,
// timeZone, dashboard: {uid, title, tags}, targets, scopedVars, data}, links in the "Extensions" submenu).
// Not Grafana's: the query is shown, not run, and a link is opened in place rather than after a confirmation.
import type { PluginExtensionLink } from '@grafana/data';
import { getTemplateSrv, locationSearchToObject, locationService } from '@grafana/runtime';
import { Alert, Dropdown, Menu, PanelChrome, ToolbarButton } from '@grafana/ui';
import React, { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import type { PyroscopeQuery } from './datasource-srv';
import { usePluginLinks } from './extension-links';
import type { HostTemplateSrv } from './template-srv';

export const EXPLORE_TOOLBAR = 'grafana/explore/toolbar/action';
export const PANEL_MENU = 'grafana/dashboard/panel/menu';

interface ExplorePane {
  datasource: string;
  queries: PyroscopeQuery[];
  range: { from: string; to: string };
}

function panesOf(search: string): Record<string, ExplorePane> {
  try {
    const panes = JSON.parse(String(locationSearchToObject(search).panes ?? '{}'));
    return panes && typeof panes === 'object' ? panes : {};
  } catch {
    return {};
  }
}

function openLink(link: PluginExtensionLink) {
  if (link.path) {
    locationService.push(link.path);
  }
}

function QueryRows({ queries }: { queries: PyroscopeQuery[] }) {
  return (
    <table data-testid="host-query-rows" style={{ borderSpacing: '12px 4px' }}>
      <tbody>
        {queries.map((q) => (
          <tr key={q.refId}>
            <td>{q.refId}</td>
            <td>{q.profileTypeId}</td>
            <td>
              <code>{q.labelSelector}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExplorePage() {
  const location = useLocation();
  const [exploreId, pane] = Object.entries(panesOf(location.search))[0] ?? [];
  const context = useMemo(
    () =>
      pane && {
        exploreId,
        targets: pane.queries.map((q) => ({ ...q, datasource: q.datasource ?? { uid: pane.datasource } })),
        data: undefined,
        timeRange: pane.range,
        timeZone: 'browser',
        shouldShowAddCorrelation: false,
      },
    [exploreId, pane]
  );
  const { links, isLoading } = usePluginLinks({ extensionPointId: EXPLORE_TOOLBAR, context });
  if (!pane) {
    return <Alert severity="info" title="Explore: no query in the URL (panes)" />;
  }
  const menu = (
    <Menu>
      <Menu.Item label="Add to dashboard" icon="apps" disabled />
      {links.map((link) => (
        <Menu.Item key={link.id} label={link.title} icon={(link.icon as any) ?? 'plug'} ariaLabel={link.title} onClick={() => openLink(link)} />
      ))}
    </Menu>
  );
  return (
    <div data-testid="host-explore">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 16 }}>
        <h1 style={{ margin: 0, flex: 1 }}>Explore</h1>
        <span>
          {pane.range.from} to {pane.range.to}
        </span>
        <Dropdown overlay={menu} placement="bottom-end">
          <ToolbarButton icon="plus" variant="canvas" isOpen={false} disabled={isLoading} data-testid="host-explore-add">
            Add
          </ToolbarButton>
        </Dropdown>
      </div>
      <QueryRows queries={pane.queries} />
    </div>
  );
}

/** The dashboard fixture: a flame graph panel whose query names its data source and service through variables. */
export const PROFILES_DASHBOARD = {
  uid: 'linescope-profiles',
  title: 'Service profiles',
  tags: ['pyroscope'],
  time: { from: 'now-1h', to: 'now' },
  variables: { ds: 'pyroscope', service: 'shop-go' },
  panel: {
    id: 1,
    type: 'flamegraph',
    title: 'CPU of $service',
    datasource: { type: 'grafana-pyroscope-datasource', uid: '${ds}' },
    targets: [
      {
        refId: 'A',
        datasource: { uid: '${ds}' },
        queryType: 'profile',
        profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
        labelSelector: '{service_name="$service"}',
      },
    ] as PyroscopeQuery[],
  },
};

export function DashboardPage({ templateSrv }: { templateSrv: HostTemplateSrv }) {
  const d = PROFILES_DASHBOARD;
  useEffect(() => {
    templateSrv.setVariables(d.variables);
    return () => templateSrv.setVariables({});
  }, [templateSrv, d.variables]);
  const context = useMemo(
    () => ({
      id: d.panel.id,
      pluginId: d.panel.type,
      title: d.panel.title,
      timeRange: d.time,
      timeZone: 'browser',
      dashboard: { uid: d.uid, title: d.title, tags: d.tags },
      targets: d.panel.targets,
      scopedVars: {},
      data: undefined,
    }),
    [d]
  );
  const { links } = usePluginLinks({ extensionPointId: PANEL_MENU, context, limitPerPlugin: 3 });
  const title = getTemplateSrv().replace(d.panel.title);
  const menu = (
    <Menu>
      <Menu.Item label="View" icon="eye" disabled />
      {links.length > 0 && (
        <Menu.Item label="Extensions" icon="plug" childItems={links.map((link) => (
          <Menu.Item key={link.id} label={link.title} ariaLabel={link.title} onClick={() => openLink(link)} />
        ))} />
      )}
    </Menu>
  );
  return (
    <div data-testid="host-dashboard">
      <h1>{d.title}</h1>
      <div style={{ width: 640, height: 240 }}>
        <PanelChrome title={title} width={640} height={240} menu={menu}>
          {() => <QueryRows queries={d.panel.targets} />}
        </PanelChrome>
      </div>
    </div>
  );
}
