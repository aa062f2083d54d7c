import { computeFunctionDetails } from '@linescope/lines';
import { FunctionDetailsRequest, FunctionDetailsWorkerMessage } from './protocol';

/** What the worker does with one request; errors become messages so that the caller's promise rejects with them. */
export function handleRequest(request: FunctionDetailsRequest): FunctionDetailsWorkerMessage {
  try {
    return {
      type: 'result',
      id: request.id,
      details: computeFunctionDetails(request.bytes, request.functionName, request.options),
    };
  } catch (e) {
    return { type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) };
  }
}
