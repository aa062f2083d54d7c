/**
 * A zip's central directory read by hand (the format is small and fixed) and one entry inflated with node:zlib's
 * bounded inflate: the entry must decompress to exactly the size it declares and match its CRC-32, so a lying
 * header can neither grow memory past the limit nor serve wrong bytes. Zip64 and encrypted entries are refused
 * (no registry archive needs them).
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ArchiveRead, ArchiveIndex, ReadArchiveOptions, addEntry } from './entries';
import { ArchiveRejectedError, safeEntryPath } from './entry-path';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const MADE_ON_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

interface ZipEntry {
  path: string | undefined;
  method: number;
  encrypted: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  kind: 'file' | 'link' | 'other' | 'directory';
}

export function readZip(bytes: Uint8Array, options: ReadArchiveOptions): ArchiveRead {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(data, options);
  const index: ArchiveIndex = new Map();
  let unpacked = 0;
  let wanted: ZipEntry | undefined;
  for (const entry of entries) {
    if (entry.path === undefined || entry.kind === 'directory') {
      continue;
    }
    unpacked += entry.size;
    if (unpacked > options.limits.maxUnpackedBytes) {
      throw new ArchiveRejectedError(
        `archive refused: it unpacks to more than the limit of ${options.limits.maxUnpackedBytes} bytes`
      );
    }
    addEntry(index, entry.path, { size: entry.size, kind: entry.kind }, options.limits);
    if (entry.path === options.wanted) {
      wanted = entry;
    }
  }
  if (!wanted || wanted.kind !== 'file' || wanted.size > options.maxFileBytes) {
    return { index };
  }
  return { index, content: inflateEntry(data, wanted) };
}

function readDirectory(data: Buffer, options: ReadArchiveOptions): ZipEntry[] {
  const end = findEndRecord(data);
  const count = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ArchiveRejectedError('archive refused: zip64 archives are not read');
  }
  if (count > options.limits.maxEntries) {
    throw new ArchiveRejectedError(`archive refused: more than ${options.limits.maxEntries} entries`);
  }
  if (directoryOffset + directorySize > end) {
    throw new ArchiveRejectedError('archive refused: its central directory lies outside the file');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ArchiveRejectedError('archive refused: its central directory is truncated');
    }
    const madeOn = data.readUInt16LE(at + 4) >> 8;
    const flags = data.readUInt16LE(at + 8);
    const nameLength = data.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (next > end) {
      throw new ArchiveRejectedError('archive refused: its central directory is truncated');
    }
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const mode = data.readUInt32LE(at + 38) >>> 16;
    const safe = safeEntryPath(name);
    const directory = name.endsWith('/');
    entries.push({
      path: directory ? undefined : options.pathInPackage(safe),
      method: data.readUInt16LE(at + 10),
      encrypted: (flags & 1) === 1,
      crc: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
      kind: directory ? 'directory' : kindOf(madeOn, mode),
    });
    at = next;
  }
  return entries;
}

function kindOf(madeOn: number, mode: number): ZipEntry['kind'] {
  if (madeOn !== MADE_ON_UNIX || mode === 0) {
    return 'file';
  }
  const type = mode & S_IFMT;
  return type === S_IFREG || type === 0 ? 'file' : type === S_IFLNK ? 'link' : 'other';
}

function findEndRecord(data: Buffer): number {
  const lowest = Math.max(0, data.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = data.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      return at;
    }
  }
  throw new ArchiveRejectedError('archive refused: not a zip file (no end of central directory)');
}

function inflateEntry(data: Buffer, entry: ZipEntry): Buffer {
  const describe = JSON.stringify(entry.path);
  if (entry.encrypted) {
    throw new ArchiveRejectedError(`archive refused: ${describe} is encrypted`);
  }
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ArchiveRejectedError(`archive refused: ${describe} has no local header`);
  }
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > data.length) {
    throw new ArchiveRejectedError(`archive refused: ${describe} is truncated`);
  }
  let content: Buffer;
  if (entry.method === STORED) {
    content = compressed;
  } else if (entry.method === DEFLATED) {
    content = inflateBounded(compressed, entry.size, describe);
  } else {
    throw new ArchiveRejectedError(`archive refused: ${describe} uses compression method ${entry.method}`);
  }
  if (content.length !== entry.size || crc32(content) !== entry.crc) {
    throw new ArchiveRejectedError(`archive refused: ${describe} does not match its declared size and checksum`);
  }
  return Buffer.from(content);
}

function inflateBounded(compressed: Buffer, size: number, describe: string): Buffer {
  try {
    // One byte of room even for an empty entry, so that "more than declared" shows as a length mismatch.
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    throw new ArchiveRejectedError(
      `archive refused: ${describe} does not inflate to its declared size (${String(error)})`
    );
  }
}
