import { FunctionDetailsOptions } from '../lines/computeFunctionDetails';
import { FunctionDetails } from '../../domain/model';

/** Main thread → worker: one computation; `bytes` is transferred, not copied. */
export interface FunctionDetailsRequest {
  id: number;
  bytes: Uint8Array;
  functionName: string;
  options: FunctionDetailsOptions;
}

/**
 * Worker → main thread. `ready` is posted once the worker's script has loaded: until then the client keeps the
 * bytes so that it can still compute on the main thread if the worker never starts.
 */
export type FunctionDetailsWorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; details: FunctionDetails }
  | { type: 'error'; id: number; message: string };
