import { FunctionDetailsOptions } from '@linescope/lines';
import { FunctionDetails } from '../../domain/model';

/**
 * Main thread → worker: one computation; `bytes` is transferred, not copied. `options.calls` asks for the callees
 * and callers in the same pass, which come back in each version's `calls`.
 */
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
  /** `name` is the error's kind (ProfileTooLargeError, ...): the panel words the failure by it. */
  | { type: 'error'; id: number; message: string; name: string };
