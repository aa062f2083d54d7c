// Where a profile comes from: a file, standard input ("-"), or a Pyroscope query.
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { CliError } from './errors';
import { type PyroscopeConnection, type PyroscopeQuery, selectMergeProfile } from './pyroscope';

export type ProfileInput =
  | { kind: 'file'; path: string }
  | { kind: 'stdin'; read: () => Promise<Uint8Array> }
  | { kind: 'pyroscope'; connection: PyroscopeConnection; query: PyroscopeQuery };

/** Standard input, read to its end. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** No profile is believed larger than this, gzipped or not: a gzip bomb is refused, not inflated until memory ends. */
export const MAX_PROFILE_BYTES = 512 * 1024 * 1024;

/** The profile's raw bytes: inflated here (bounded) when gzipped, checked for size otherwise. */
function bounded(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_PROFILE_BYTES) {
    throw new CliError(`the profile is larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB`);
  }
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_PROFILE_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CliError(`the profile inflates to more than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB: refused`);
    }
    throw new CliError(`The profile looks gzipped but could not be inflated: ${(error as Error).message}`);
  }
}

export async function loadProfile(input: ProfileInput): Promise<Uint8Array> {
  return bounded(await read(input));
}

async function read(input: ProfileInput): Promise<Uint8Array> {
  switch (input.kind) {
    case 'file': {
      let isFile = false;
      try {
        isFile = statSync(input.path).isFile();
      } catch {
        throw new CliError(`no profile at ${input.path}`);
      }
      if (!isFile) {
        throw new CliError(`${input.path} is not a file`);
      }
      if (statSync(input.path).size > MAX_PROFILE_BYTES) {
        throw new CliError(`the profile is larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB`);
      }
      return readFileSync(input.path);
    }
    case 'stdin': {
      const bytes = await input.read();
      if (bytes.length === 0) {
        throw new CliError('standard input was empty: pipe a pprof profile into it (e.g. < cpu.pprof)');
      }
      return bytes;
    }
    case 'pyroscope':
      return selectMergeProfile(input.connection, input.query);
  }
}
