import { of, throwError, NEVER } from 'rxjs';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import type { BackendSrv, BackendSrvRequest } from '@grafana/runtime';
import { QuerierClient } from './querier';
import { encodeSelectMergeProfileRequest } from './selectMergeProfileRequest';
import { PyroscopeError } from './errors';

const range = { from: 1_700_000_000_000, to: 1_700_003_600_000 };

function client(respond: (req: BackendSrvRequest) => unknown) {
  const fetch = jest.fn((req: BackendSrvRequest) => respond(req));
  return { fetch, client: new QuerierClient('pyro-1', () => ({ fetch }) as unknown as BackendSrv) };
}

const readBlob = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

/** Decodes our request with a generic protobuf reader, so the test checks field numbers and wire types. */
function decodeRequest(bytes: Uint8Array) {
  const r = new BinaryReader(bytes);
  const out: Record<string, unknown> = { callSite: [] as string[] };
  while (r.pos < r.len) {
    const [field, type] = r.tag();
    if (field === 1 && type === WireType.LengthDelimited) {
      out.profileTypeId = r.string();
    } else if (field === 2 && type === WireType.LengthDelimited) {
      out.labelSelector = r.string();
    } else if (field === 3 && type === WireType.Varint) {
      out.start = Number(r.int64());
    } else if (field === 4 && type === WireType.Varint) {
      out.end = Number(r.int64());
    } else if (field === 5 && type === WireType.Varint) {
      out.maxNodes = Number(r.int64());
    } else if (field === 6 && type === WireType.LengthDelimited) {
      const sel = new BinaryReader(r.bytes());
      while (sel.pos < sel.len) {
        const [f, t] = sel.tag();
        expect([f, t]).toEqual([1, WireType.LengthDelimited]);
        const loc = new BinaryReader(sel.bytes());
        const [lf] = loc.tag();
        expect(lf).toBe(1);
        (out.callSite as string[]).push(loc.string());
      }
    } else {
      throw new Error(`unexpected field ${field}/${type}`);
    }
  }
  return out;
}

describe('QuerierClient', () => {
  it('asks ProfileTypes through the data source proxy and labels them like Grafana', async () => {
    const { fetch, client: c } = client(() =>
      of({
        data: {
          profileTypes: [
            {
              ID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
              name: 'process_cpu',
              sampleType: 'cpu',
              sampleUnit: 'nanoseconds',
              periodType: 'cpu',
              periodUnit: 'nanoseconds',
            },
            { name: 'broken' },
          ],
        },
      })
    );
    const types = await c.profileTypes(range);
    expect(fetch.mock.calls[0][0]).toMatchObject({
      url: '/api/datasources/proxy/uid/pyro-1/querier.v1.QuerierService/ProfileTypes',
      method: 'POST',
      data: { start: range.from, end: range.to },
      headers: { 'Content-Type': 'application/json' },
    });
    expect(types).toEqual([
      expect.objectContaining({
        id: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
        label: 'process_cpu - cpu',
        sampleUnit: 'nanoseconds',
      }),
    ]);
  });

  it('reads an empty ProfileTypes answer ({}) as no types', async () => {
    const { client: c } = client(() => of({ data: {} }));
    await expect(c.profileTypes(range)).resolves.toEqual([]);
  });

  it('sends LabelNames and LabelValues with the selector as matcher and the values under "names"', async () => {
    const { fetch, client: c } = client((req) =>
      of({ data: { names: req.url.endsWith('LabelNames') ? ['env', 'service_name'] : ['shop-go'] } })
    );
    await expect(c.labelNames('{service_name="shop-go"}', range)).resolves.toEqual(['env', 'service_name']);
    await expect(c.labelValues('service_name', '', range)).resolves.toEqual(['shop-go']);
    expect(fetch.mock.calls[0][0].data).toEqual({
      matchers: ['{service_name="shop-go"}'],
      start: range.from,
      end: range.to,
    });
    expect(fetch.mock.calls[1][0]).toMatchObject({
      url: '/api/datasources/proxy/uid/pyro-1/querier.v1.QuerierService/LabelValues',
      data: { name: 'service_name', matchers: ['{}'], start: range.from, end: range.to },
    });
  });

  it('requests SelectMergeProfile as binary protobuf and returns the bytes', async () => {
    const pprof = new Uint8Array([0x0a, 0x02, 0x08, 0x01]);
    const { fetch, client: c } = client(() => of({ data: pprof.buffer }));
    const bytes = await c.selectMergeProfile({
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="shop-go"}',
      start: range.from,
      end: range.to,
      callSite: ['main.main', 'main.work'],
    });
    expect(bytes).toEqual(pprof);
    const req = fetch.mock.calls[0][0];
    expect(req).toMatchObject({
      url: '/api/datasources/proxy/uid/pyro-1/querier.v1.QuerierService/SelectMergeProfile',
      method: 'POST',
      headers: { 'Content-Type': 'application/proto', Accept: 'application/proto' },
      responseType: 'arraybuffer',
    });
    expect(req.data).toBeInstanceOf(Blob);
    expect(decodeRequest(await readBlob(req.data))).toEqual({
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="shop-go"}',
      start: range.from,
      end: range.to,
      callSite: ['main.main', 'main.work'],
    });
  });

  it('encodes maxNodes only when given, and no selector for an empty call site', () => {
    const base = { profileTypeId: 'a:b:c:d:e', labelSelector: '{}', start: 1, end: 2, callSite: [] };
    expect(decodeRequest(encodeSelectMergeProfileRequest(base))).toEqual({ ...base, callSite: [] });
    expect(decodeRequest(encodeSelectMergeProfileRequest({ ...base, maxNodes: 500 })).maxNodes).toBe(500);
  });

  it('turns a Connect error (binary call, JSON body) into a message with a hint', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ code: 'invalid_argument', message: 'missing time range in the query' })
    );
    const { client: c } = client(() =>
      throwError(() => ({ status: 400, statusText: 'Bad Request', data: body.buffer }))
    );
    const err = await c
      .selectMergeProfile({ profileTypeId: 'a:b:c:d:e', labelSelector: '{}', start: 1, end: 2, callSite: [] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PyroscopeError);
    expect(err.message).toBe('SelectMergeProfile failed (HTTP 400): invalid_argument: missing time range in the query');
    expect(err.hint).toMatch(/time range/);
  });

  it("explains the proxy's plain-text 400 for a rejected data source login", async () => {
    const { client: c } = client(() =>
      throwError(() => ({
        status: 400,
        data: { message: 'Authentication to data source failed', error: 'Bad Request' },
      }))
    );
    const err = await c.labelNames('{}', range).catch((e) => e);
    expect(err.message).toContain('Authentication to data source failed');
    expect(err.hint).toMatch(/authentication settings/);
  });

  it('cancels the request when the signal aborts', async () => {
    const { client: c } = client(() => NEVER);
    const controller = new AbortController();
    const pending = c.labelNames('{}', range, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
