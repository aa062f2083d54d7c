// Web Worker entry: decodes pprof and computes function details off the main thread (webpack bundles it as its
// own chunk from `new Worker(new URL('./functionDetails.worker.ts', import.meta.url))`).
import { handleRequest } from './handleRequest';
import { FunctionDetailsRequest, FunctionDetailsWorkerMessage } from './protocol';

// The DOM lib types `self` as a Window; only these two members of the worker scope are used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FunctionDetailsRequest>) => void) | null;
  postMessage(message: FunctionDetailsWorkerMessage): void;
};

scope.onmessage = (event) => scope.postMessage(handleRequest(event.data));
scope.postMessage({ type: 'ready' });
