import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

// querier.v1.SelectMergeProfileRequest in protobuf binary. Connect picks the response codec from the request's
// Content-Type, so asking for a binary pprof means sending the request in binary too (pyroscope-querier.md §1, §3.8).
// Field numbers from Pyroscope's api/querier/v1/querier.proto and api/types/v1/types.proto:
//   SelectMergeProfileRequest { string profile_typeID = 1; string label_selector = 2; int64 start = 3;
//     int64 end = 4; optional int64 max_nodes = 5; optional types.v1.StackTraceSelector stack_trace_selector = 6;
//     repeated string profile_id_selector = 7; }
//   StackTraceSelector { repeated Location call_site = 1; }   Location { string name = 1; }

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
  const w = new BinaryWriter();
  w.tag(1, WireType.LengthDelimited).string(p.profileTypeId);
  w.tag(2, WireType.LengthDelimited).string(p.labelSelector);
  w.tag(3, WireType.Varint).int64(Math.trunc(p.start));
  w.tag(4, WireType.Varint).int64(Math.trunc(p.end));
  if (p.maxNodes !== undefined) {
    w.tag(5, WireType.Varint).int64(Math.trunc(p.maxNodes));
  }
  if (p.callSite.length > 0) {
    w.tag(6, WireType.LengthDelimited).fork();
    for (const name of p.callSite) {
      w.tag(1, WireType.LengthDelimited).fork();
      w.tag(1, WireType.LengthDelimited).string(name);
      w.join();
    }
    w.join();
  }
  for (const id of p.profileIdSelector ?? []) {
    w.tag(7, WireType.LengthDelimited).string(id);
  }
  return w.finish();
}
