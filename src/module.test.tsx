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

  it("opens a page of the app (Grafana drops links whose path is outside it)", () => {
    expect(link.path).toMatch(/^\/a\/linescope-app\//);
  });

  // Grafana checks each registered link against plugin.json's extensions.addedLinks (found by title; targets must
  // be declared; the description is compared too): a link that differs is dropped or warned about in production.
  it('registers exactly the links plugin.json declares, equal in every declared field', () => {
    const declared = pluginJson.extensions.addedLinks;
    expect(plugin.addedLinkConfigs).toHaveLength(declared.length);
    for (const registered of plugin.addedLinkConfigs) {
      const entry = declared.find((d) => d.title === registered.title);
      expect(entry).toBeDefined();
      const fields = Object.keys(entry!) as Array<keyof typeof entry & keyof typeof registered>;
      expect(fields.sort()).toEqual(['description', 'targets', 'title']);
      expect(Object.fromEntries(fields.map((f) => [f, registered[f]]))).toEqual(entry);
    }
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
