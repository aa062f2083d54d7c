import { gzipSync } from 'zlib';

/** 256 MiB of zeros, gzipped at level 9: about 255 KB, with the true size in its trailer. */
export const BOMB_INFLATED_BYTES = 256 * 1024 * 1024;

let bomb: Uint8Array | undefined;

/** The same bomb for every test of a file (made once: gzipping 256 MiB takes a moment). */
export function gzipBomb(): Uint8Array {
  bomb ??= new Uint8Array(gzipSync(Buffer.alloc(BOMB_INFLATED_BYTES), { level: 9 }));
  return bomb;
}

/** The bomb with a trailer that lies (ISIZE says `declared` bytes): only the streaming limit can stop it. */
export function lyingGzipBomb(declared = 1024): Uint8Array {
  const copy = gzipBomb().slice();
  new DataView(copy.buffer).setUint32(copy.length - 4, declared, true);
  return copy;
}
