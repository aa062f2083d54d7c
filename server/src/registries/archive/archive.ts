/**
 * One downloaded archive read safely: its index (every entry's path in the package, size and kind) and, when
 * asked, one file's bytes. Zip (Go module zips, wheels, -sources.jar) and gzipped tar (npm tarballs, a gem's
 * data.tar.gz, sdists) share this shape so the registries and the cache above them never see a format.
 */
import { ArchiveRead, ReadArchiveOptions } from './entries';
import { ArchiveRejectedError } from './entry-path';
import { readTarGz } from './tar';
import { readZip } from './zip';

export type { ArchiveEntry, ArchiveFormat, ArchiveIndex, ArchiveRead, ReadArchiveOptions } from './entries';

export async function readArchive(bytes: Uint8Array, options: ReadArchiveOptions): Promise<ArchiveRead> {
  if (bytes.length > options.limits.maxArchiveBytes) {
    throw new ArchiveRejectedError(
      `archive refused: ${bytes.length} bytes, larger than the limit of ${options.limits.maxArchiveBytes}`
    );
  }
  return options.format === 'zip' ? readZip(bytes, options) : readTarGz(bytes, options);
}
