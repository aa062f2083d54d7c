import { create, toBinary } from '@bufbuild/protobuf';
import { SelectMergeProfileRequestSchema } from '../../proto/gen/querier/v1/querier_pb';

// Sent in protobuf binary: Connect picks the response codec from the request's Content-Type, so asking for a
// binary pprof means sending the request in binary too.

export interface SelectMergeProfileParams {
  profileTypeId: string;
  labelSelector: string;
  /** Unix milliseconds, inclusive. */
  start: number;
  end: number;
  /** Root-first function names of the call site; empty = the whole profile. */
  callSite: string[];
  /** Absent: no truncation (SelectMergeProfile's default). */
  maxNodes?: number;
  profileIdSelector?: string[];
}

export function encodeSelectMergeProfileRequest(p: SelectMergeProfileParams): Uint8Array {
  const request = create(SelectMergeProfileRequestSchema, {
    profileTypeID: p.profileTypeId,
    labelSelector: p.labelSelector,
    start: BigInt(Math.trunc(p.start)),
    end: BigInt(Math.trunc(p.end)),
    maxNodes: p.maxNodes === undefined ? undefined : BigInt(Math.trunc(p.maxNodes)),
    stackTraceSelector: p.callSite.length > 0 ? { callSite: p.callSite.map((name) => ({ name })) } : undefined,
    profileIdSelector: p.profileIdSelector ?? [],
  });
  return toBinary(SelectMergeProfileRequestSchema, request);
}
