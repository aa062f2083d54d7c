/**
 * Gems from RUBYGEMS_URL: `GET /gems/<name>-<version>[-<platform>].gem` (rubygems.org may redirect to its file
 * host). A .gem is a plain tar holding `data.tar.gz`, the gem's files relative to its root; only that inner
 * archive is kept and read (it may hold symlinks: listed, never read).
 */
import { HostError } from '../../hosts/errors';
import { ArchiveRejectedError } from '../archive/entry-path';
import { readTar } from '../archive/tar';
import { RegistryContext } from '../context';
import { RegistryEndpoint } from '../endpoint';
import { registryGet } from '../http';
import { PackageArchive } from '../package-files';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryFile } from '../registry';

export const PUBLIC_RUBYGEMS = 'https://rubygems.org';

export class RubygemsRegistry implements PackageRegistry {
  readonly kind = 'rubygems';
  readonly title = 'RubyGems';

  constructor(
    private readonly endpoint: RegistryEndpoint,
    private readonly context: RegistryContext
  ) {}

  async readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile> {
    const fullName = `${ref.name}-${ref.version}${ref.platform ? `-${ref.platform}` : ''}`;
    const file = await this.context.files.readFile(
      { registry: `rubygems ${this.endpoint.base}`, name: ref.name, version: fullName },
      ref.path,
      (entryPath) => entryPath,
      (downloadSignal) => this.download(fullName, downloadSignal),
      signal
    );
    const version = `${ref.version}${ref.platform ? `-${ref.platform}` : ''}`;
    const pageUrl =
      this.endpoint.base === PUBLIC_RUBYGEMS
        ? `https://rubygems.org/gems/${ref.name}/versions/${version}`
        : `${this.endpoint.base}/api/v2/rubygems/${ref.name}/versions/${ref.version}.json`;
    return { file, pageUrl };
  }

  private async download(fullName: string, signal: AbortSignal): Promise<PackageArchive> {
    const url = `${this.endpoint.base}/gems/${fullName}.gem`;
    const response = await registryGet(url, {
      endpoint: this.endpoint,
      maxBytes: this.context.maxArchiveBytes,
      timeoutMs: this.context.timeoutMs,
      signal,
      onRequest: (status) => this.context.onRequest?.('rubygems', status),
    });
    if (response.status === 404 || response.status === 410) {
      throw new PackageNotFoundError(`${fullName} is not on RubyGems (${url}: ${response.status})`);
    }
    if (response.status !== 200) {
      throw new HostError(`RubyGems answered ${response.status} for ${url}`, response.status);
    }
    const gem = await readTar(response.body, {
      format: 'tar.gz',
      limits: {
        maxArchiveBytes: this.context.maxArchiveBytes,
        maxUnpackedBytes: this.context.maxArchiveBytes,
        maxEntries: 16,
      },
      pathInPackage: (entryPath) => entryPath,
      wanted: 'data.tar.gz',
      maxFileBytes: this.context.maxArchiveBytes,
    });
    if (!gem.content) {
      throw new ArchiveRejectedError(`archive refused: ${fullName}.gem holds no data.tar.gz`);
    }
    return { format: 'tar.gz', bytes: gem.content };
  }
}
