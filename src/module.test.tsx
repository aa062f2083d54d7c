import { setDataSourceSrv, setTemplateSrv, type DataSourceSrv, type TemplateSrv } from '@grafana/runtime';
import pluginJson from './plugin.json';
import { plugin } from './module';

// What Grafana registers from the module: the "Open in Linescope" link must match plugin.json's declaration (Grafana
// drops undeclared links) and build its path with Grafana's data source and template services.

beforeAll(() => {
  setDataSourceSrv({
    getInstanceSettings: (ref: unknown) => {
      const uid = typeof ref === 'string' ? ref : (ref as { uid?: string } | undefined)?.uid;
      return uid === 'pyro' || uid === '${ds}' ? { uid: 'pyro', type: 'grafana-pyroscope-datasource' } : undefined;
    },
  } as unknown as DataSourceSrv);
  setTemplateSrv({ replace: (value: string) => value.replace('$service', 'shop-go') } as unknown as TemplateSrv);
});

describe('module', () => {
  const [link] = plugin.addedLinkConfigs;

  it('registers the link declared in plugin.json', () => {
    expect(plugin.addedLinkConfigs).toHaveLength(1);
    expect(link.title).toBe(pluginJson.extensions.addedLinks[0].title);
    expect(link.targets).toEqual(pluginJson.extensions.addedLinks[0].targets);
    expect(link.path).toMatch(/^\/a\/linescope-app\//);
  });

  it('opens a dashboard Pyroscope query with its variables resolved', () => {
    const result = link.configure?.({
      targets: [
        {
          refId: 'A',
          datasource: { uid: '${ds}' },
          labelSelector: '{service_name="$service"}',
          profileTypeId: 'p:c:n:c:n',
        },
      ],
      timeRange: { from: 'now-15m', to: 'now' },
    });
    const params = new URLSearchParams(result?.path?.split('?')[1]);
    expect(params.get('datasource')).toBe('pyro');
    expect(params.get('query')).toBe('{service_name="shop-go"}');
    expect(params.get('from')).toBe('now-15m');
  });

  it('hides the link for other data sources', () => {
    expect(link.configure?.({ targets: [{ refId: 'A', datasource: { uid: 'loki' } }] })).toBeUndefined();
  });

  it('has the config page and a root page', () => {
    expect(plugin.configPages?.map((p) => p.id)).toEqual(['configuration']);
    expect(plugin.root).toBeDefined();
  });
});
