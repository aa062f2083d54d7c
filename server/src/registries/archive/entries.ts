/** The shapes every archive reader answers in, and the one rule for adding an entry to an index. */
import { ArchiveRejectedError } from './entry-path';
import { ArchiveLimits } from './limits';

export type ArchiveFormat = 'zip' | 'tar.gz';

export interface ArchiveEntry {
  size: number;
  /** Links, devices and other irregular entries are listed (so a frame naming one is explained) but never read. */
  kind: 'file' | 'link' | 'other';
}

/** Path in the package → entry. Directories are left out. */
export type ArchiveIndex = Map<string, ArchiveEntry>;

export interface ArchiveRead {
  index: ArchiveIndex;
  /** The wanted file's bytes when it is a regular file of at most `maxFileBytes`. */
  content?: Buffer;
}

export interface ReadArchiveOptions {
  format: ArchiveFormat;
  limits: ArchiveLimits;
  /**
   * The path inside the package of an entry's safe path, or undefined to leave the entry out (e.g. a wheel's
   * `.dist-info/`); throws ArchiveRejectedError when the entry has no business in this archive.
   */
  pathInPackage: (entryPath: string) => string | undefined;
  wanted?: string;
  maxFileBytes: number;
}

/** Adds an entry to the index, refusing two entries with the same path and more entries than allowed. */
export function addEntry(index: ArchiveIndex, path: string, entry: ArchiveEntry, limits: ArchiveLimits): void {
  if (index.has(path)) {
    throw new ArchiveRejectedError(`archive refused: ${JSON.stringify(path)} appears twice`);
  }
  if (index.size >= limits.maxEntries) {
    throw new ArchiveRejectedError(`archive refused: more than ${limits.maxEntries} entries`);
  }
  index.set(path, entry);
}
