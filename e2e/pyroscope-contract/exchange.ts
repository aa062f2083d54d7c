// One contract question asked over HTTP the way the plugin asks it (Connect unary POST, JSON or binary proto), and
// the shape of a recording. Used by the recorder against the real Pyroscope and by the test against the double.
import { fromBinary, fromJson, toBinary, toJson, type JsonValue } from '@bufbuild/protobuf';
import { ProfileSchema } from '../../proto/gen/google/v1/profile_pb';
import { SelectMergeProfileRequestSchema } from '../../proto/gen/querier/v1/querier_pb';
import type { ContractLimits, ContractQuery } from './queries';

export interface Answer {
  status: number;
  contentType: string;
  /** The JSON answer; for a binary answer, the decoded google.v1.Profile as protojson. */
  response: unknown;
}

export type RecordedExchange = ContractQuery & Answer;

export interface Recording {
  pyroscope: {
    version: string;
    revision: string;
    goVersion: string;
    flags?: string;
    /** How the binary was built where that differs from its go.mod (PYROSCOPE_BUILD_NOTE when recording). */
    build?: string;
  };
  limits: ContractLimits;
  pushedAtMs: number;
  /** The sample profiles (samples/profiles/<file>) pushed, all stamped with pushedAtMs. */
  pushedFiles: string[];
  queriedAtMs: number;
  exchanges: RecordedExchange[];
}

export async function callQuerier(baseUrl: string, query: ContractQuery): Promise<Answer> {
  const url = `${baseUrl}/querier.v1.QuerierService/${query.method}`;
  if (query.encoding === 'proto') {
    if (query.method !== 'SelectMergeProfile') {
      throw new Error(`binary encoding is only wired for SelectMergeProfile, not ${query.method}`);
    }
    const request = fromJson(SelectMergeProfileRequestSchema, query.body as JsonValue);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/proto', accept: 'application/proto', ...query.headers },
      body: toBinary(SelectMergeProfileRequestSchema, request),
    });
    const contentType = res.headers.get('content-type') ?? '';
    const bytes = new Uint8Array(await res.arrayBuffer());
    const response = res.ok
      ? toJson(ProfileSchema, fromBinary(ProfileSchema, bytes))
      : JSON.parse(Buffer.from(bytes).toString('utf8'));
    return { status: res.status, contentType, response };
  }
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...query.headers },
    body: JSON.stringify(query.body),
  });
  const text = await res.text();
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    response = { unparsed: text };
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', response };
}
