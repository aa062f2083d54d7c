// What Grafana's query endpoint answers for a Pyroscope profile query: one nested-set frame (level, value, self,
// label as an enum), as its JSON arrives in the browser. For tests only.
import type { DataSourceInstanceSettings } from '@grafana/data';
import { DataSourceWithBackend, type DataSourceSrv } from '@grafana/runtime';

/** One flame graph node in depth-first order: [level, value, self, label]. */
export type FlameNode = [level: number, value: number, self: number, label: string];

/** The worked example of grafana-host.md §9.2: stacks main;a;b=30, main;a=10, main;c=60. */
export const WORKED_EXAMPLE: FlameNode[] = [
  [0, 100, 0, 'total'],
  [1, 100, 0, 'main'],
  [2, 40, 10, 'a'],
  [3, 30, 30, 'b'],
  [2, 60, 60, 'c'],
];

export function flameGraphQueryBody(nodes: FlameNode[] = WORKED_EXAMPLE, unit = 'ns') {
  const labels = [...new Set(nodes.map((n) => n[3]))];
  const number = (name: string) => ({
    name,
    type: 'number',
    typeInfo: { frame: 'int64' },
    ...(nodes.length && name !== 'level' ? { config: { unit } } : {}),
  });
  // No data: Pyroscope still sends the frame, with zero rows and a plain string label field.
  const label = nodes.length
    ? { name: 'label', type: 'enum', typeInfo: { frame: 'enum' }, config: { type: { enum: { text: labels } } } }
    : { name: 'label', type: 'string', typeInfo: { frame: 'string' } };
  return {
    results: {
      A: {
        status: 200,
        frames: [
          {
            schema: {
              name: 'response',
              meta: { typeVersion: [0, 0], preferredVisualisationType: 'flamegraph' },
              fields: [number('level'), number('value'), number('self'), label],
            },
            data: {
              values: [
                nodes.map((n) => n[0]),
                nodes.map((n) => n[1]),
                nodes.map((n) => n[2]),
                nodes.map((n) => labels.indexOf(n[3])),
              ],
            },
          },
        ],
      },
    },
  };
}

/**
 * A DataSourceSrv over the given instance settings whose data sources are the real DataSourceWithBackend (the
 * Pyroscope data source's base class): queries go through the BackendSrv the test sets, as in Grafana.
 */
export function backendDataSourceSrv(list: DataSourceInstanceSettings[]): DataSourceSrv {
  const find = (ref: unknown) => {
    const uid = typeof ref === 'string' ? ref : (ref as { uid?: string } | undefined)?.uid;
    return list.find((d) => d.uid === uid);
  };
  const instances = new Map<string, DataSourceWithBackend>();
  return {
    getList: () => list,
    getInstanceSettings: find,
    get: async (ref: unknown) => {
      const settings = find(ref);
      if (!settings) {
        throw new Error(`Datasource ${JSON.stringify(ref)} was not found`);
      }
      if (!instances.has(settings.uid)) {
        instances.set(settings.uid, new DataSourceWithBackend(settings));
      }
      return instances.get(settings.uid)!;
    },
  } as unknown as DataSourceSrv;
}
