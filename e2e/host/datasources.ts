// The host's provisioned data sources and the DTO shapes of /api/datasources, /api/datasources/uid/:uid and
// bootData.settings.datasources (pkg/api/dtos/datasource.go, pkg/api/frontendsettings.go).

export interface HostDataSource {
  id: number;
  uid: string;
  name: string;
  type: string;
  /** Upstream URL, the one the proxy and the backend call. */
  url: string;
  isDefault?: boolean;
  jsonData: Record<string, unknown>;
  basicAuth?: { user: string; password: string };
}

export const PYROSCOPE_TYPE = 'grafana-pyroscope-datasource';

/** The Pyroscope data source plugin's meta as Grafana lists it (core plugin, backend). */
export const pyroscopeMeta = {
  id: PYROSCOPE_TYPE,
  type: 'datasource',
  name: 'Grafana Pyroscope',
  aliasIDs: ['phlare'],
  info: {
    author: { name: 'Grafana Labs', url: 'https://grafana.com' },
    description: 'Continuous profiling',
    links: [],
    logos: { small: 'public/plugins/grafana-pyroscope-datasource/img/grafana_pyroscope_icon.svg', large: 'public/plugins/grafana-pyroscope-datasource/img/grafana_pyroscope_icon.svg' },
    build: {},
    screenshots: [],
    version: '13.0.2',
    updated: '',
  },
  module: 'core:plugin/grafana-pyroscope-datasource',
  baseUrl: 'public/plugins/grafana-pyroscope-datasource',
  backend: true,
  metrics: true,
  signature: 'internal',
  loadingStrategy: 'script',
};

/** What the list (/api/datasources) and the detail (/api/datasources/uid/:uid) say alike. */
function commonDto(ds: HostDataSource) {
  return {
    id: ds.id,
    uid: ds.uid,
    orgId: 1,
    name: ds.name,
    type: ds.type,
    typeLogoUrl: pyroscopeMeta.info.logos.small,
    access: 'proxy',
    url: ds.url,
    user: '',
    database: '',
    basicAuth: Boolean(ds.basicAuth),
    isDefault: ds.isDefault === true,
    jsonData: ds.jsonData,
    readOnly: true,
  };
}

export function listItemDto(ds: HostDataSource) {
  return { ...commonDto(ds), typeName: pyroscopeMeta.name };
}

export function detailDto(ds: HostDataSource) {
  return {
    ...commonDto(ds),
    basicAuthUser: ds.basicAuth?.user ?? '',
    withCredentials: false,
    secureJsonFields: ds.basicAuth ? { basicAuthPassword: true } : {},
    version: 1,
  };
}

/** bootData.settings.datasources entry: proxy URL instead of the upstream one. */
export function frontendDto(ds: HostDataSource) {
  return {
    id: ds.id,
    uid: ds.uid,
    type: ds.type,
    name: ds.name,
    meta: pyroscopeMeta,
    url: `/api/datasources/proxy/uid/${ds.uid}`,
    isDefault: ds.isDefault === true,
    access: 'proxy',
    preload: false,
    module: pyroscopeMeta.module,
    jsonData: ds.jsonData ?? {},
    readOnly: true,
  };
}

export function sortedByName(list: HostDataSource[]): HostDataSource[] {
  return [...list].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}
