// DataSourceSrv over bootData.settings.datasources; Pyroscope instances are real DataSourceWithBackend objects,
// so queries go through /api/ds/query exactly as Grafana's Pyroscope data source sends them.
import type { DataQuery, DataSourceApi, DataSourceInstanceSettings, DataSourceJsonData } from '@grafana/data';
import { config, DataSourceWithBackend, getTemplateSrv, type DataSourceSrv } from '@grafana/runtime';

export interface PyroscopeQuery extends DataQuery {
  queryType?: 'profile' | 'metrics' | 'both';
  profileTypeId?: string;
  labelSelector?: string;
  groupBy?: string[];
  maxNodes?: number;
  spanSelector?: string[];
}

/** The Pyroscope data source's frontend class as far as apps use it: queries and the backend's resources. */
export class PyroscopeDataSource extends DataSourceWithBackend<PyroscopeQuery, DataSourceJsonData> {
  getProfileTypes(start?: number, end?: number): Promise<Array<{ id: string; label: string }>> {
    return this.getResource('profileTypes', { start, end });
  }
  getLabelNames(query: string, start: number, end: number): Promise<string[]> {
    return this.getResource('labelNames', { query, start, end });
  }
  getLabelValues(query: string, label: string, start: number, end: number): Promise<string[]> {
    return this.getResource('labelValues', { label, query, start, end });
  }
  getDefaultQuery(): Partial<PyroscopeQuery> {
    return { queryType: 'profile', labelSelector: '{}', groupBy: [], spanSelector: [] };
  }
}

type Ref = string | { uid?: string; type?: string } | null | undefined;

export class HostDataSourceSrv implements DataSourceSrv {
  private instances = new Map<string, PyroscopeDataSource>();

  private all(): DataSourceInstanceSettings[] {
    return Object.values(config.datasources).map((d) => ({ ...d, rawRef: { uid: d.uid, type: d.type } }));
  }

  getInstanceSettings(ref?: Ref): DataSourceInstanceSettings | undefined {
    const list = this.all();
    if (ref === null || ref === undefined || ref === 'default') {
      return list.find((d) => d.isDefault) ?? list.find((d) => d.name === config.defaultDatasource);
    }
    const raw = typeof ref === 'string' ? ref : ref.uid;
    // A dashboard's data source variable (${ds}) names the data source through its current value.
    const key = raw?.startsWith('$') ? getTemplateSrv().replace(raw) : raw;
    return list.find((d) => d.uid === key || d.name === key || String(d.id) === key);
  }

  async get(ref?: Ref): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      throw new Error(`Datasource ${JSON.stringify(ref)} was not found`);
    }
    let ds = this.instances.get(settings.uid);
    if (!ds) {
      ds = new PyroscopeDataSource(settings);
      this.instances.set(settings.uid, ds);
    }
    return ds as unknown as DataSourceApi;
  }

  getList(filters: { type?: string | string[]; pluginId?: string } = {}): DataSourceInstanceSettings[] {
    const types = filters.type ? ([] as string[]).concat(filters.type) : undefined;
    return this.all()
      .filter((d) => (!types || types.includes(d.type)) && (!filters.pluginId || d.type === filters.pluginId))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async reload(): Promise<void> {}

  registerRuntimeDataSource(): void {
    throw new Error('runtime data sources are not supported by the standalone host');
  }
}
