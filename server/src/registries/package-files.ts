/**
 * Files of published packages, which never change once a version is out: each archive is downloaded once
 * (concurrent askers share the download), kept in a bounded memory LRU while its files are being read, and what
 * was read (each file, and the archive's index) is kept in memory and in the shared tier, so that a file asked
 * for again costs no registry call and a path the package does not hold is answered from the index alone.
 */
import { Coalescer } from '../cache/coalescer';
import { ByteLru } from '../cache/lru';
import { SharedCache, SharedEntry } from '../cache/shared-cache';
import { CachedFile, judgeBytes, tooLarge } from '../hosts/files';
import { decodeFile, encodeFile } from '../hosts/shared-reads';
import { ArchiveFormat, ArchiveIndex, readArchive } from './archive/archive';
import { ArchiveLimits } from './archive/limits';

/** One version of one package in one registry (`registry` tells registries and their URLs apart). */
export interface PackageId {
  registry: string;
  name: string;
  version: string;
}

export interface PackageArchive {
  format: ArchiveFormat;
  bytes: Uint8Array;
}

export interface PackageFilesOptions {
  limits: ArchiveLimits;
  maxFileBytes: number;
  /** Memory for archives being read and for the files and indexes read from them. */
  archiveCacheBytes: number;
  fileCacheBytes: number;
  shared?: SharedCache;
}

/** How entry names of this registry's archives become paths in the package (see ReadArchiveOptions). */
export type PathInPackage = (entryPath: string) => string | undefined;

export class PackageFiles {
  private readonly archives: ByteLru<PackageArchive>;
  private readonly files: ByteLru<CachedFile>;
  private readonly indexes: ByteLru<ArchiveIndex>;
  private readonly downloads = new Coalescer();
  private readonly reads = new Coalescer();

  constructor(private readonly options: PackageFilesOptions) {
    this.archives = new ByteLru({ maxBytes: options.archiveCacheBytes, sizeOf: (a) => a.bytes.length });
    this.files = new ByteLru({ maxBytes: options.fileCacheBytes / 2, sizeOf: fileBytes });
    this.indexes = new ByteLru({ maxBytes: options.fileCacheBytes / 2, sizeOf: indexBytes });
  }

  /**
   * The file at `path` in the package: from memory, the shared tier, the index (a path it lacks), or the archive
   * that `download` fetches (it throws the registry's own errors, which pass through unchanged).
   */
  async readFile(
    id: PackageId,
    path: string,
    pathInPackage: PathInPackage,
    download: (signal: AbortSignal) => Promise<PackageArchive>,
    signal?: AbortSignal
  ): Promise<CachedFile> {
    const fileKey = JSON.stringify([id.registry, id.name, id.version, path]);
    return this.reads.run(fileKey, signal, async (readSignal) => {
      const known = this.files.get(fileKey) ?? (await this.sharedFile(id, path));
      if (known) {
        this.files.set(fileKey, known);
        return known;
      }
      const indexed = judgeFromIndex(await this.index(id), path, this.options.maxFileBytes);
      if (indexed) {
        return indexed;
      }
      const archive = await this.archive(id, download, readSignal);
      const read = await readArchive(archive.bytes, {
        format: archive.format,
        limits: this.options.limits,
        pathInPackage,
        wanted: path,
        maxFileBytes: this.options.maxFileBytes,
      });
      this.storeIndex(id, read.index);
      const file = read.content
        ? judgeBytes(read.content, path, this.options.maxFileBytes)
        : (judgeFromIndex(read.index, path, this.options.maxFileBytes) ?? notInPackage(path));
      this.files.set(fileKey, file);
      this.options.shared?.set('registry-files', [id.registry, id.name, id.version, path], encodeFile(file));
      return file;
    });
  }

  private archive(
    id: PackageId,
    download: (signal: AbortSignal) => Promise<PackageArchive>,
    signal: AbortSignal
  ): Promise<PackageArchive> {
    const key = JSON.stringify([id.registry, id.name, id.version]);
    const cached = this.archives.get(key);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.downloads.run(key, signal, async (downloadSignal) => {
      const archive = await download(downloadSignal);
      this.archives.set(key, archive);
      return archive;
    });
  }

  private async index(id: PackageId): Promise<ArchiveIndex | undefined> {
    const key = JSON.stringify([id.registry, id.name, id.version]);
    const known = this.indexes.get(key);
    if (known || !this.options.shared) {
      return known;
    }
    const shared = await this.options.shared.get('registry-index', [id.registry, id.name, id.version], decodeIndex);
    if (shared) {
      this.indexes.set(key, shared);
    }
    return shared;
  }

  private storeIndex(id: PackageId, index: ArchiveIndex): void {
    const key = JSON.stringify([id.registry, id.name, id.version]);
    if (this.indexes.get(key)) {
      return;
    }
    this.indexes.set(key, index);
    const body = Buffer.from(JSON.stringify([...index].map(([path, e]) => [path, e.size, e.kind])), 'utf8');
    this.options.shared?.set('registry-index', [id.registry, id.name, id.version], { header: {}, body });
  }

  private sharedFile(id: PackageId, path: string): Promise<CachedFile | undefined> {
    return this.options.shared
      ? this.options.shared.get('registry-files', [id.registry, id.name, id.version, path], decodeFile)
      : Promise.resolve(undefined);
  }
}

/** What the index alone says about a path: missing, not a file or too large; undefined when the bytes are needed. */
function judgeFromIndex(index: ArchiveIndex | undefined, path: string, maxFileBytes: number): CachedFile | undefined {
  if (!index) {
    return undefined;
  }
  const entry = index.get(path);
  if (!entry) {
    return notInPackage(path);
  }
  if (entry.kind !== 'file') {
    return {
      kind: 'missing',
      reason: 'not_a_file',
      message: `${path} is a ${entry.kind === 'link' ? 'link' : 'special file'} in the package, not a file`,
    };
  }
  return entry.size > maxFileBytes ? tooLarge(path, entry.size, maxFileBytes) : undefined;
}

function notInPackage(path: string): CachedFile {
  return { kind: 'missing', reason: 'not_found', message: `the package has no file ${path}` };
}

function fileBytes(file: CachedFile): number {
  return file.kind === 'file' ? file.content.length : file.message.length;
}

function indexBytes(index: ArchiveIndex): number {
  let bytes = 0;
  for (const path of index.keys()) {
    bytes += path.length * 2 + 48;
  }
  return bytes;
}

function decodeIndex(entry: SharedEntry): ArchiveIndex | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(entry.body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) {
    return undefined;
  }
  const index: ArchiveIndex = new Map();
  for (const row of rows) {
    if (
      !Array.isArray(row) ||
      typeof row[0] !== 'string' ||
      typeof row[1] !== 'number' ||
      !['file', 'link', 'other'].includes(row[2])
    ) {
      return undefined;
    }
    index.set(row[0], { size: row[1], kind: row[2] });
  }
  return index;
}
