import { Gunzip } from 'fflate';

/**
 * The most a gzipped profile may inflate to. The largest real profiles seen (bench/profile's, 37 MB) are far below
 * it; a gzip bomb (255 KB that inflate to 256 MiB) is far above it.
 */
export const MAX_INFLATED_PROFILE_BYTES = 128 * 1024 * 1024;

/**
 * Compressed input is fed in slices this small so that the inflater's output between two checks stays bounded
 * (deflate's best ratio is about 1032:1, so at most ~16 MiB past the limit before it stops).
 */
const INPUT_SLICE = 16 * 1024;

/** The message starts the same everywhere ("The profile is too large"): the panel reads it across the worker. */
export class ProfileTooLargeError extends Error {
  constructor(what: string, limit: number) {
    super(`The profile is too large: ${what}, more than the ${limit / (1024 * 1024)} MiB Linescope reads.`);
    this.name = 'ProfileTooLargeError';
  }
}

/** Deflate's best ratio (258-byte matches in about two bits each): no stream inflates to more than this times it. */
const MAX_DEFLATE_RATIO = 1032;
/** A gzip header (10 bytes), the smallest deflate block (2) and the trailer (CRC-32 and ISIZE, 8). */
const MIN_GZIP_BYTES = 20;

/**
 * Inflates a gzip stream, refusing to produce more than `limit` bytes. The size its trailer declares (ISIZE) is
 * checked first, when the input could inflate that far (a truncated stream's "trailer" is any four bytes); then the
 * inflate runs in slices and stops as soon as its output passes the limit, whatever ISIZE said. Never allocates
 * from the declared size. A result whose size is not the declared one is corrupt or truncated.
 */
export function gunzipWithLimit(bytes: Uint8Array, limit = MAX_INFLATED_PROFILE_BYTES): Uint8Array {
  if (bytes.length < MIN_GZIP_BYTES) {
    throw new Error('the gzip stream is incomplete');
  }
  const end = bytes.length;
  const declared = (bytes[end - 4] | (bytes[end - 3] << 8) | (bytes[end - 2] << 16) | (bytes[end - 1] << 24)) >>> 0;
  if (declared > limit && declared <= bytes.length * MAX_DEFLATE_RATIO) {
    throw new ProfileTooLargeError(`its gzip trailer says it inflates to ${declared} bytes`, limit);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) {
      throw new ProfileTooLargeError('it inflates to more', limit);
    }
    chunks.push(chunk);
  });
  for (let at = 0; at < bytes.length; at += INPUT_SLICE) {
    const sliceEnd = Math.min(at + INPUT_SLICE, bytes.length);
    gunzip.push(bytes.subarray(at, sliceEnd), sliceEnd === bytes.length);
  }
  // ISIZE is the size modulo 2^32.
  if (total % 2 ** 32 !== declared) {
    throw new Error(`it inflates to ${total} bytes where its gzip trailer says ${declared}: truncated or corrupt`);
  }
  if (chunks.length === 1) {
    return chunks[0];
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
