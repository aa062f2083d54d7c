import { computeFunctionDetails, FunctionDetailsOptions } from '@linescope/lines';
import { FunctionDetails } from '../../domain/model';
import { PROFILE_ERROR_NAMES } from '../../domain/profileFailure';
import { FunctionDetailsRequest, FunctionDetailsWorkerMessage } from './protocol';
import { logger } from '../../logger';

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(request: FunctionDetailsRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FunctionDetailsWorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

interface PendingCall {
  request: FunctionDetailsRequest;
  resolve: (details: FunctionDetails) => void;
  reject: (error: Error) => void;
}

function spawnFunctionDetailsWorker(): WorkerLike {
  if (typeof Worker === 'undefined') {
    throw new Error('Web Workers are not available in this environment');
  }
  // webpack 5 turns this expression into a worker chunk whose URL is resolved against the plugin's public path,
  // which module.tsx sets at run time (Grafana may serve plugins under a sub-path or from a CDN). The entry options:
  // - library: without it the worker would inherit the plugin's AMD wrapper (`define(...)`), which does not exist
  //   in a worker; no plugin handles this library type, so the chunk is left as a plain script;
  // - publicPath 'auto': the worker finds its other chunks next to its own script, not relative to a fixed path.
  return new Worker(
    /* webpackChunkName: "function-details-worker" */
    /* webpackEntryOptions: { library: { type: "var", name: "linescopeFunctionDetailsWorker" }, publicPath: "auto" } */
    new URL('./functionDetails.worker.ts', import.meta.url),
    { name: 'linescope-function-details' }
  );
}

/**
 * Runs computeFunctionDetails in one long-lived Web Worker. When the worker cannot start (no Worker support,
 * a Content-Security-Policy or cross-origin rule blocking the script, a failed download), it warns once and
 * computes on the main thread instead, so the panel still works, only less smoothly.
 */
export class FunctionDetailsWorkerClient {
  private worker: WorkerLike | undefined;
  private state: 'idle' | 'starting' | 'ready' | 'failed' = 'idle';
  private nextId = 1;
  /** Calls made before the worker said it is ready: their bytes are still ours, so they can fall back. */
  private readonly waiting: PendingCall[] = [];
  private readonly inFlight = new Map<number, PendingCall>();

  constructor(private readonly createWorker: () => WorkerLike = spawnFunctionDetailsWorker) {}

  /** Transfers `bytes` to the worker: the caller's ArrayBuffer is detached afterwards (pass a copy to keep it). */
  compute(bytes: Uint8Array, functionName: string, options: FunctionDetailsOptions = {}): Promise<FunctionDetails> {
    return new Promise((resolve, reject) => {
      const call: PendingCall = { request: { id: this.nextId++, bytes, functionName, options }, resolve, reject };
      if (this.state === 'idle') {
        this.start();
      }
      if (this.state === 'failed') {
        // Yield first so that the caller can paint a loading state before the main thread is busy.
        setTimeout(() => computeOnMainThread(call), 0);
      } else if (this.state === 'ready') {
        this.send(call);
      } else {
        this.waiting.push(call);
      }
    });
  }

  /** Stops the worker; calls still running reject. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.state = 'idle';
    const unfinished = [...this.waiting, ...this.inFlight.values()];
    this.waiting.length = 0;
    this.inFlight.clear();
    unfinished.forEach((call) => call.reject(new Error('The function details worker was stopped')));
  }

  private start(): void {
    this.state = 'starting';
    let worker: WorkerLike;
    try {
      worker = this.createWorker();
    } catch (e) {
      this.fail(errorText(e));
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) {
        this.receive(event.data);
      }
    });
    worker.addEventListener('error', (event) => {
      if (this.worker === worker) {
        event.preventDefault?.();
        this.fail(event.message || 'the worker script could not be loaded or run');
      }
    });
  }

  private receive(message: FunctionDetailsWorkerMessage): void {
    if (message.type === 'ready') {
      this.state = 'ready';
      this.waiting.splice(0).forEach((call) => this.send(call));
      return;
    }
    const call = this.inFlight.get(message.id);
    if (!call) {
      return;
    }
    this.inFlight.delete(message.id);
    if (message.type === 'result') {
      call.resolve(message.details);
    } else {
      call.reject(namedError(message.message, message.name));
    }
  }

  private send(call: PendingCall): void {
    const { bytes } = call.request;
    // Transfer whole buffers only; a view into a larger buffer is copied so nothing else of the caller's detaches.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const request = { ...call.request, bytes: own };
    this.inFlight.set(request.id, call);
    try {
      this.worker!.postMessage(request, [own.buffer]);
    } catch {
      // E.g. a SharedArrayBuffer, which cannot be transferred: compute it here rather than fail.
      this.inFlight.delete(request.id);
      computeOnMainThread(call);
    }
  }

  private fail(reason: string): void {
    const started = this.state === 'ready';
    this.state = 'failed';
    this.worker?.terminate();
    this.worker = undefined;
    logger.warn(
      `the function details worker ${started ? 'failed' : 'could not start'} (${reason}); ` +
        'computing on the main thread instead, which may freeze the page on large profiles.'
    );
    this.waiting.splice(0).forEach((call) => setTimeout(() => computeOnMainThread(call), 0));
    // Their bytes went to the dead worker: nothing is left to compute them from.
    const failed = `The function details worker failed: ${reason}`;
    this.inFlight.forEach((call) => call.reject(namedError(failed, PROFILE_ERROR_NAMES.workerFailed)));
    this.inFlight.clear();
  }
}

/** An error of the kind the worker reported (its name), so the panel can word it (domain/profileFailure.ts). */
function namedError(message: string, name: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function computeOnMainThread({ request, resolve, reject }: PendingCall): void {
  try {
    resolve(computeFunctionDetails(request.bytes, request.functionName, request.options));
  } catch (e) {
    reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

let sharedClient: FunctionDetailsWorkerClient | undefined;

/**
 * Computes the function details of a pprof (raw or gzipped) off the main thread, in one shared worker.
 * The ArrayBuffer behind `bytes` is transferred to the worker and detached here.
 */
export function computeFunctionDetailsInWorker(
  bytes: Uint8Array,
  functionName: string,
  options: FunctionDetailsOptions = {}
): Promise<FunctionDetails> {
  sharedClient ??= new FunctionDetailsWorkerClient();
  return sharedClient.compute(bytes, functionName, options);
}
