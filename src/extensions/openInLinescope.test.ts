import { dateTime } from '@grafana/data';
import { openInLinescopePath, type LinkEnvironment } from './openInLinescope';
import { readUrlState } from '../flamegraph/urlState';

const env: LinkEnvironment = {
  resolveDatasource: (ref) => {
    const uid = typeof ref === 'string' ? ref : ref?.uid;
    if (uid === '${ds}' || uid === 'pyro-by-var') {
      return { uid: 'pyro-2', type: 'grafana-pyroscope-datasource' };
    }
    if (uid === 'prom') {
      return { uid: 'prom', type: 'prometheus' };
    }
    return undefined;
  },
  interpolate: (value) => value.replace('$service', 'shop-go'),
};

const stateOf = (path: string | undefined) => {
  expect(path).toMatch(/^\/a\/linescope-app\/flamegraph\?/);
  return readUrlState(new URLSearchParams(path!.split('?')[1]));
};

describe('Open in Linescope link', () => {
  it('carries the Explore query and relative time range to the flame graph page', () => {
    const path = openInLinescopePath(
      {
        targets: [
          {
            refId: 'A',
            datasource: { type: 'grafana-pyroscope-datasource', uid: 'pyro-1' },
            labelSelector: '{service_name="shop-go",env="prod"}',
            profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
          } as never,
        ],
        timeRange: { from: 'now-6h', to: 'now' },
      },
      env
    );
    expect(stateOf(path)).toEqual({
      datasource: 'pyro-1',
      profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      query: '{service_name="shop-go",env="prod"}',
      from: 'now-6h',
      to: 'now',
    });
  });

  it('skips other data sources, resolves variables, and turns absolute times into Unix ms', () => {
    const path = openInLinescopePath(
      {
        targets: [
          { refId: 'A', datasource: { uid: 'prom' } },
          { refId: 'B', datasource: { uid: '${ds}' }, labelSelector: '{service_name="$service"}' } as never,
        ],
        timeRange: { from: dateTime(1_700_000_000_000), to: dateTime(1_700_003_600_000) },
      },
      env
    );
    expect(stateOf(path)).toMatchObject({
      datasource: 'pyro-2',
      query: '{service_name="shop-go"}',
      from: '1700000000000',
      to: '1700003600000',
    });
  });

  it('finds the data source of a panel query in the request Grafana ran', () => {
    const path = openInLinescopePath(
      {
        targets: [{ refId: 'A', labelSelector: '{}' } as never],
        data: {
          request: { targets: [{ refId: 'A', datasource: { uid: 'pyro-by-var' }, labelSelector: '{}' }] },
        } as never,
      },
      env
    );
    expect(stateOf(path).datasource).toBe('pyro-2');
  });

  it('offers no link without a Pyroscope query', () => {
    expect(openInLinescopePath({ targets: [{ refId: 'A', datasource: { uid: 'prom' } }] }, env)).toBeUndefined();
    expect(openInLinescopePath({ targets: [] }, env)).toBeUndefined();
    expect(openInLinescopePath(undefined, env)).toBeUndefined();
    expect(
      openInLinescopePath(
        { targets: [{ refId: 'A', hide: true, datasource: { type: 'grafana-pyroscope-datasource', uid: 'p' } }] },
        env
      )
    ).toBeUndefined();
  });
});
