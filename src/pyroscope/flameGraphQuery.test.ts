import { of, throwError } from 'rxjs';
import { FieldType } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest } from '@grafana/runtime';
import { buildFlameGraphRequest, queryFlameGraph } from './flameGraphQuery';
import { flameGraphQueryBody } from '../test-support/dsQuery';

const q = {
  datasourceUid: 'pyro-1',
  datasourceId: 3,
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="api"}',
  range: { from: 1000, to: 2000 },
};

const okBody = flameGraphQueryBody();
const emptyBody = flameGraphQueryBody([]);

const srv = (respond: (req: BackendSrvRequest) => unknown) => {
  const fetch = jest.fn(respond);
  return { fetch, get: () => ({ fetch }) as unknown as BackendSrv };
};

describe('flame graph query', () => {
  it('is shaped like DataSourceWithBackend.query sends a Pyroscope profile query', () => {
    const req = buildFlameGraphRequest(q, 'linescope-1');
    expect(req).toMatchObject({
      url: '/api/ds/query',
      method: 'POST',
      params: { ds_type: 'grafana-pyroscope-datasource', requestId: 'linescope-1' },
      headers: { 'X-Plugin-Id': 'grafana-pyroscope-datasource', 'X-Datasource-Uid': 'pyro-1' },
      data: {
        from: '1000',
        to: '2000',
        queries: [
          {
            refId: 'A',
            datasource: { type: 'grafana-pyroscope-datasource', uid: 'pyro-1' },
            datasourceId: 3,
            queryType: 'profile',
            profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
            labelSelector: '{service_name="api"}',
            groupBy: [],
            maxNodes: 16384,
          },
        ],
      },
    });
  });

  it('returns the nested-set frame with its enum labels and total', async () => {
    const s = srv(() => of({ data: okBody, status: 200 }));
    const result = await queryFlameGraph(q, 'r', s.get);
    expect(result.kind).toBe('data');
    if (result.kind !== 'data') {
      return;
    }
    expect(result.total).toBe(100);
    const label = result.frame.fields.find((f) => f.name === 'label')!;
    expect(label.type).toBe(FieldType.enum);
    expect(label.config.type?.enum?.text).toEqual(['total', 'main', 'a', 'b', 'c']);
    expect(result.frame.fields.find((f) => f.name === 'value')!.config.unit).toBe('ns');
  });

  it('reads the zero-row frame Pyroscope sends for no data as empty', async () => {
    const s = srv(() => of({ data: emptyBody, status: 200 }));
    await expect(queryFlameGraph(q, 'r', s.get)).resolves.toEqual({ kind: 'empty' });
  });

  it("reports the query's own error from Grafana's 400 body", async () => {
    const body = {
      results: {
        A: {
          error: 'received error from client while getting profile: invalid_argument: missing time range in the query',
          errorSource: 'downstream',
          status: 500,
        },
      },
    };
    const s = srv(() => throwError(() => ({ status: 400, data: body })));
    await expect(queryFlameGraph(q, 'r', s.get)).rejects.toMatchObject({
      message: expect.stringContaining('missing time range'),
      hint: expect.stringContaining('time range'),
    });
  });

  it('reports request-level failures with a hint', async () => {
    const s = srv(() => throwError(() => ({ status: 403, data: { message: 'Access denied to datasource' } })));
    await expect(queryFlameGraph(q, 'r', s.get)).rejects.toMatchObject({
      message: 'The flame graph query failed (HTTP 403): Access denied to datasource',
      hint: expect.stringContaining('query access'),
    });
  });
});
