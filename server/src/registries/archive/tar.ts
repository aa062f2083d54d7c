/**
 * A gzipped tar read with a bounded gunzip (node:zlib stops at the unpacked limit, so a gzip bomb costs at most
 * that much memory) and modern-tar's parser (ustar, PAX and GNU long names). Every header is checked and indexed;
 * only the wanted regular file's body is kept.
 */
import { gunzipSync } from 'node:zlib';
import { TarHeader, unpackTar } from 'modern-tar';
import { ArchiveEntry, ArchiveIndex, ArchiveRead, ReadArchiveOptions, addEntry } from './entries';
import { ArchiveRejectedError, safeEntryPath } from './entry-path';

export async function readTarGz(bytes: Uint8Array, options: ReadArchiveOptions): Promise<ArchiveRead> {
  return readTar(gunzipBounded(bytes, options.limits.maxUnpackedBytes), options);
}

export function gunzipBounded(bytes: Uint8Array, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArchiveRejectedError(`archive refused: it unpacks to more than the limit of ${maxBytes} bytes`);
    }
    throw new ArchiveRejectedError(`archive refused: not a readable gzip stream (${String(error)})`);
  }
}

/** An uncompressed tar (a .gem is one), read with the same checks. */
export async function readTar(tar: Uint8Array, options: ReadArchiveOptions): Promise<ArchiveRead> {
  const index: ArchiveIndex = new Map();
  let wantedSeen = false;
  let unpacked: Array<{ header: TarHeader; data?: Uint8Array }>;
  try {
    unpacked = await unpackTar(tar, {
      strict: true,
      filter: (header) => {
        if (header.type === 'directory') {
          return false;
        }
        const path = options.pathInPackage(safeEntryPath(header.name));
        if (path === undefined) {
          return false;
        }
        const entry: ArchiveEntry = { size: header.size, kind: kindOf(header) };
        addEntry(index, path, entry, options.limits);
        const keep = path === options.wanted && entry.kind === 'file' && entry.size <= options.maxFileBytes;
        wantedSeen ||= keep;
        return keep;
      },
    });
  } catch (error) {
    throw error instanceof ArchiveRejectedError
      ? error
      : new ArchiveRejectedError(`archive refused: not a readable tar (${String(error)})`);
  }
  const data = wantedSeen ? unpacked[0]?.data : undefined;
  return data ? { index, content: Buffer.from(data.buffer, data.byteOffset, data.byteLength) } : { index };
}

function kindOf(header: TarHeader): ArchiveEntry['kind'] {
  const type = header.type ?? 'file';
  return type === 'file' ? 'file' : type === 'link' || type === 'symlink' ? 'link' : 'other';
}
