/** Bounds for reading one downloaded archive, checked before and while decompressing. */
export interface ArchiveLimits {
  /** Largest archive downloaded (compressed bytes). */
  maxArchiveBytes: number;
  /** Largest total of all entries once decompressed (a .gem's data.tar.gz counts as its own archive). */
  maxUnpackedBytes: number;
  /** Most entries an archive may list. */
  maxEntries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 128 * 1024 * 1024,
  maxEntries: 50_000,
};
