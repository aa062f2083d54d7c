import { gunzipSync } from 'fflate';
import { Profile } from 'pprof-format';

/** gzip streams start with 0x1f 0x8b; a serialised pprof never does (0x1f is not a valid first field tag). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decodes a pprof profile, gzipped (`.pb.gz`, as `go tool pprof` and recordings store it) or raw (as Pyroscope's
 * SelectMergeProfile answers with `application/proto`). The inflate is synchronous so that the same code runs in the
 * Web Worker, on the main thread and in Node.
 */
export function decodePprof(bytes: Uint8Array): Profile {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      throw new Error(`The profile looks gzipped but could not be inflated: ${errorMessage(e)}`);
    }
  }
  try {
    return Profile.decode(raw);
  } catch (e) {
    throw new Error(`The profile is not a valid pprof protobuf: ${errorMessage(e)}`);
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
