import type { PluginExtensionPanelContext, RawTimeRange, ScopedVars } from '@grafana/data';
import type { DataQuery, DataSourceRef } from '@grafana/schema';
import { PYROSCOPE_DS_TYPE } from '../constants';
import { flameGraphPageUrl } from '../flamegraph/urlState';

// Grafana's own flame graphs (Explore, dashboard panels) have no context-menu extension point, so Linescope bridges
// to them with a link on the Explore toolbar and the panel menu that opens the same query on Linescope's page.

export const OPEN_IN_LINESCOPE_TITLE = 'Open in Linescope';
export const OPEN_IN_LINESCOPE_TARGETS = ['grafana/explore/toolbar/action', 'grafana/dashboard/panel/menu'];

/** What both extension points hand over: Explore's context and PluginExtensionPanelContext share these fields. */
export interface QueryLinkContext {
  targets?: DataQuery[];
  timeRange?: RawTimeRange;
  scopedVars?: ScopedVars;
  data?: PluginExtensionPanelContext['data'];
}

interface PyroscopeTarget extends DataQuery {
  labelSelector?: string;
  profileTypeId?: string;
}

export interface LinkEnvironment {
  /** Resolves a query's data source reference (uid, name or variable) to its type and uid. */
  resolveDatasource(ref: DataSourceRef | string | null | undefined): { uid: string; type: string } | undefined;
  /** Replaces dashboard variables in a query field. */
  interpolate(value: string, scopedVars?: ScopedVars): string;
}

const rawTime = (value: RawTimeRange['from'] | undefined, fallback: string): string => {
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value === 'string') {
    return value;
  }
  // A DateTime (moment): pass Unix ms, which the page's time picker reads back.
  return String(value.valueOf());
};

/** The Linescope page path for the first Pyroscope query of the context; undefined hides the link. */
export function openInLinescopePath(context: QueryLinkContext | undefined, env: LinkEnvironment): string | undefined {
  if (!context) {
    return undefined;
  }
  // Panel queries may name no data source of their own; the request Grafana ran names it for each query.
  const requestTargets = context.data?.request?.targets ?? [];
  const candidates = [...(context.targets ?? []), ...requestTargets] as PyroscopeTarget[];
  for (const target of candidates) {
    if (target.hide) {
      continue;
    }
    const ds =
      target.datasource?.type === PYROSCOPE_DS_TYPE && target.datasource.uid && !target.datasource.uid.startsWith('$')
        ? { uid: target.datasource.uid, type: PYROSCOPE_DS_TYPE }
        : env.resolveDatasource(target.datasource);
    if (ds?.type !== PYROSCOPE_DS_TYPE) {
      continue;
    }
    return flameGraphPageUrl({
      datasource: ds.uid,
      profileType: target.profileTypeId ? env.interpolate(target.profileTypeId, context.scopedVars) : undefined,
      query: target.labelSelector ? env.interpolate(target.labelSelector, context.scopedVars) : '{}',
      from: rawTime(context.timeRange?.from, 'now-1h'),
      to: rawTime(context.timeRange?.to, 'now'),
    });
  }
  return undefined;
}
