import { of, throwError } from 'rxjs';
import type { BackendSrv, BackendSrvRequest } from '@grafana/runtime';
import { QuerierClient } from './querier';
import { PyroscopeError } from './errors';

const range = { from: 1_700_000_000_000, to: 1_700_003_600_000 };

function client(respond: (req: BackendSrvRequest) => unknown) {
  const fetch = jest.fn((req: BackendSrvRequest) => respond(req));
  return { fetch, client: new QuerierClient('pyro-1', () => ({ fetch }) as unknown as BackendSrv) };
}

describe('QuerierClient.profileTotal', () => {
  it('asks SelectMergeStacktraces for a one-node flame graph of the whole selection and reads its int64 total', async () => {
    const { fetch, client: c } = client(() =>
      of({ data: { flamegraph: { names: ['total'], levels: [], total: '15710000000' } } })
    );
    await expect(
      c.profileTotal('process_cpu:cpu:nanoseconds:cpu:nanoseconds', '{service_name="shop-go"}', range)
    ).resolves.toBe(15_710_000_000);
    const req = fetch.mock.calls[0][0];
    expect(req.url).toBe('/api/datasources/proxy/uid/pyro-1/querier.v1.QuerierService/SelectMergeStacktraces');
    expect(req.data).toEqual({
      profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="shop-go"}',
      start: range.from,
      end: range.to,
      maxNodes: 1,
    });
  });

  it('is 0 for an empty flame graph (Pyroscope leaves total out) and for nonsense', async () => {
    const empty = client(() =>
      of({ data: { flamegraph: { names: ['total'], levels: [{ values: ['0', '0', '0', '0'] }] } } })
    );
    await expect(empty.client.profileTotal('t', '{}', range)).resolves.toBe(0);
    const odd = client(() => of({ data: { flamegraph: { total: 'lots' } } }));
    await expect(odd.client.profileTotal('t', '', range)).resolves.toBe(0);
    expect(odd.fetch.mock.calls[0][0].data.labelSelector).toBe('{}');
  });

  it('turns an HTTP error into a PyroscopeError naming the method', async () => {
    const { client: c } = client(() =>
      throwError(() => ({ status: 400, data: { code: 'invalid_argument', message: 'parse error' } }))
    );
    const error = await c.profileTotal('t', '{', range).catch((e) => e);
    expect(error).toBeInstanceOf(PyroscopeError);
    expect(String(error.message)).toMatch(/SelectMergeStacktraces|parse error/);
  });
});
