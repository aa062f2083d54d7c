import { computeFunctionDetails } from '@linescope/lines';
import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import { gzipBomb } from '@linescope/lines/testing/gzipBomb';
import { PROFILE_ERROR_NAMES } from '../../domain/profileFailure';
import {
  computeFunctionDetailsInWorker,
  FunctionDetailsWorkerClient,
  WorkerLike,
} from './computeFunctionDetailsInWorker';
import { handleRequest } from './handleRequest';
import { FunctionDetailsRequest, FunctionDetailsWorkerMessage } from './protocol';
import { logger } from '../../logger';

function sampleProfile(value = 25): Uint8Array {
  const b = new PprofBuilder();
  const m = b.mapping('{"repository":"https://github.com/acme/shop","git_ref":"v1"}');
  const main = b.function('main.main', 'main.go', 1);
  const work = b.function('main.work', 'work.go', 10);
  b.sample([b.location(m, [[work, 12]]), b.location(m, [[main, 3]])], value);
  return b.encode();
}

type Listener = (event: { data?: FunctionDetailsWorkerMessage; message?: string; preventDefault?: () => void }) => void;

/** Stands in for the browser's Worker: runs the worker's real request handler after a tick, like a thread would. */
class InProcessWorker {
  readonly listeners: Record<string, Listener[]> = { message: [], error: [] };
  readonly transfers: Transferable[][] = [];
  readonly received: FunctionDetailsRequest[] = [];
  terminated = false;

  constructor(startsUp = true) {
    if (startsUp) {
      setTimeout(() => this.emit('message', { data: { type: 'ready' } }), 0);
    }
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners[type].push(listener);
  }

  postMessage(request: FunctionDetailsRequest, transfer: Transferable[]): void {
    this.received.push(request);
    this.transfers.push(transfer);
    setTimeout(() => this.emit('message', { data: handleRequest(request) }), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(type: string, event: Parameters<Listener>[0]): void {
    this.listeners[type].forEach((listener) => listener(event));
  }
}

const asWorkerLike = (worker: InProcessWorker) => worker as unknown as WorkerLike;

describe('computeFunctionDetailsInWorker', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it('computes on the main thread with one warning where Web Workers are unavailable (jsdom)', async () => {
    expect(typeof Worker).toBe('undefined');
    const expected = computeFunctionDetails(sampleProfile(), 'main.work');

    await expect(computeFunctionDetailsInWorker(sampleProfile(), 'main.work')).resolves.toEqual(expected);
    await expect(computeFunctionDetailsInWorker(sampleProfile(7), 'main.main')).resolves.toMatchObject({ total: 7 });

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /function details worker could not start \(Web Workers are not available in this environment\); computing on the main thread/
    );
  });

  it('rejects with the computation error on the main-thread path too', async () => {
    await expect(computeFunctionDetailsInWorker(new TextEncoder().encode('oops'), 'f')).rejects.toThrow(
      /not a valid pprof/
    );
  });

  it('sends calls to the worker once it is ready, transferring the bytes', async () => {
    const worker = new InProcessWorker();
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(worker));
    const bytes = sampleProfile();
    const expected = computeFunctionDetails(bytes, 'main.work');

    const [work, main] = await Promise.all([
      client.compute(bytes, 'main.work'),
      client.compute(sampleProfile(), 'main.main', { sampleType: 'cpu' }),
    ]);

    expect(work).toEqual(expected);
    expect(main.total).toBe(25);
    expect(worker.received.map((r) => [r.id, r.functionName, r.options])).toEqual([
      [1, 'main.work', {}],
      [2, 'main.main', { sampleType: 'cpu' }],
    ]);
    expect(worker.transfers[0]).toEqual([bytes.buffer]);
    expect(worker.received[0].bytes).toBe(bytes);
    expect(warn).not.toHaveBeenCalled();
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('carries the call index both ways: the option to the worker, callees and callers back', async () => {
    const worker = new InProcessWorker();
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(worker));
    const details = await client.compute(sampleProfile(), 'main.main', { calls: true });
    expect(worker.received[0].options).toEqual({ calls: true });
    expect(details.versions[0].calls).toEqual({
      lines: [{ line: 3, callees: [{ functionName: 'main.work', fileName: 'work.go', total: 25 }] }],
      callers: [],
      outermost: 25,
    });
    const work = await client.compute(sampleProfile(), 'main.work', { calls: true });
    expect(work.versions[0].calls?.callers).toEqual([{ functionName: 'main.main', fileName: 'main.go', total: 25 }]);
    client.dispose();
  });

  it('copies a view into a larger buffer instead of detaching the rest of it', async () => {
    const worker = new InProcessWorker();
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(worker));
    const profile = sampleProfile();
    const larger = new Uint8Array(profile.length + 10);
    larger.set(profile, 5);
    const view = larger.subarray(5, 5 + profile.length);

    await expect(client.compute(view, 'main.work')).resolves.toMatchObject({ total: 25 });
    const sent = worker.received[0].bytes;
    expect(sent).not.toBe(view);
    expect(sent.buffer.byteLength).toBe(profile.length);
    expect(worker.transfers[0]).toEqual([sent.buffer]);
  });

  it('rejects with the worker-side error message', async () => {
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(new InProcessWorker()));
    await expect(client.compute(sampleProfile(), '')).rejects.toThrow('A function name is required');
  });

  it("carries the error's kind (its name) across the worker, so the panel can word it", async () => {
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(new InProcessWorker()));
    await expect(client.compute(gzipBomb().slice(), 'main.work')).rejects.toMatchObject({
      name: PROFILE_ERROR_NAMES.tooLarge,
      message: expect.stringMatching(/^The profile is too large/),
    });
  });

  it('falls back to the main thread when the worker cannot be constructed (CSP, cross-origin)', async () => {
    const client = new FunctionDetailsWorkerClient(() => {
      throw new DOMException('Failed to construct Worker: script at cdn.example cannot be accessed', 'SecurityError');
    });
    await expect(client.compute(sampleProfile(), 'main.work')).resolves.toMatchObject({ total: 25 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('could not start (Failed to construct Worker');
  });

  it('falls back to the main thread for waiting calls when the worker script fails to load', async () => {
    const worker = new InProcessWorker(false);
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(worker));
    const first = client.compute(sampleProfile(), 'main.work');
    const second = client.compute(sampleProfile(3), 'main.main');
    const preventDefault = jest.fn();

    worker.emit('error', { message: '', preventDefault });

    await expect(first).resolves.toMatchObject({ total: 25 });
    await expect(second).resolves.toMatchObject({ total: 3 });
    expect(worker.terminated).toBe(true);
    expect(worker.received).toEqual([]);
    expect(preventDefault).toHaveBeenCalled();
    expect(warn.mock.calls[0][0]).toContain('could not start (the worker script could not be loaded or run)');
    // Later calls go straight to the main thread.
    await expect(client.compute(sampleProfile(4), 'main.main')).resolves.toMatchObject({ total: 4 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('rejects calls in flight when a running worker dies, then computes on the main thread', async () => {
    const worker = new InProcessWorker();
    const client = new FunctionDetailsWorkerClient(() => asWorkerLike(worker));
    await client.compute(sampleProfile(), 'main.work');
    worker.postMessage = (request) => worker.received.push(request);

    const inFlight = client.compute(sampleProfile(), 'main.work');
    await new Promise((resolve) => setTimeout(resolve, 0));
    worker.emit('error', { message: 'out of memory' });

    await expect(inFlight).rejects.toThrow('The function details worker failed: out of memory');
    await expect(inFlight).rejects.toMatchObject({ name: PROFILE_ERROR_NAMES.workerFailed });
    expect(warn.mock.calls[0][0]).toContain('worker failed (out of memory)');
    await expect(client.compute(sampleProfile(9), 'main.work')).resolves.toMatchObject({ total: 9 });
  });
});

describe('functionDetails.worker entry', () => {
  it('announces itself and answers requests with the computed details', () => {
    const posted: FunctionDetailsWorkerMessage[] = [];
    const postMessage = jest.spyOn(window, 'postMessage').mockImplementation((message) => {
      posted.push(message as FunctionDetailsWorkerMessage);
    });
    try {
      jest.isolateModules(() => require('./functionDetails.worker'));
      expect(posted).toEqual([{ type: 'ready' }]);

      const bytes = sampleProfile();
      window.onmessage!({ data: { id: 7, bytes, functionName: 'main.work', options: {} } } as MessageEvent);
      expect(posted[1]).toEqual({ type: 'result', id: 7, details: computeFunctionDetails(bytes, 'main.work') });
    } finally {
      postMessage.mockRestore();
      window.onmessage = null;
    }
  });
});
