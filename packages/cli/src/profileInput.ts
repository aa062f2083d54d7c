// Where a profile comes from: a file, standard input ("-"), or a Pyroscope query.
import { readFileSync, statSync } from 'node:fs';

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

export async function loadProfile(input: ProfileInput): Promise<Uint8Array> {
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
