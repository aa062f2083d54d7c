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
    const error = e instanceof Error ? e : new Error(String(e));
    return { type: 'error', id: request.id, message: error.message, name: error.name };
  }
}
