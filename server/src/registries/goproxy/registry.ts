/**
 * Go modules from the proxies GOPROXY lists (the GOPROXY protocol: `$base/<escaped module>/@v/<escaped
 * version>.zip`). Only 200 succeeds; 404 and 410 mean "not here" and pass to the next proxy; any other answer
 * ends a `,` list and passes on after `|`. `direct` and `off` stop the list: the Git hosts (or nothing) serve
 * the module instead.
 */
import { HostError } from '../../hosts/errors';
import { ArchiveRejectedError } from '../archive/entry-path';
import { RegistryContext } from '../context';
import { registryGet } from '../http';
import { PackageArchive } from '../package-files';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryFile } from '../registry';
import { escapeModulePath } from './escape';
import { ProxyEntry, describeGoproxy } from './proxy-list';

const PUBLIC_PROXY = 'https://proxy.golang.org';

export class GoModuleProxy implements PackageRegistry {
  readonly kind = 'goproxy';
  readonly title = 'the Go module proxy';
  private readonly id: string;

  constructor(
    private readonly entries: ProxyEntry[],
    private readonly context: RegistryContext
  ) {
    this.id = `goproxy ${describeGoproxy(entries)}`;
  }

  async readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile> {
    const file = await this.context.files.readFile(
      { registry: this.id, name: ref.name, version: ref.version },
      ref.path,
      inModule(ref.name, ref.version),
      (downloadSignal) => this.download(ref.name, ref.version, downloadSignal),
      signal
    );
    const first = this.entries[0];
    const publicProxy = first.kind === 'proxy' && first.endpoint.base === PUBLIC_PROXY;
    return {
      file,
      pageUrl: publicProxy
        ? `https://pkg.go.dev/${ref.name}@${ref.version}`
        : `${this.servingBase()}/${escapeModulePath(ref.name)}/@v/${escapeModulePath(ref.version)}.info`,
    };
  }

  private servingBase(): string {
    const proxy = this.entries.find((entry) => entry.kind === 'proxy');
    return proxy?.kind === 'proxy' ? proxy.endpoint.base : '';
  }

  private async download(module: string, version: string, signal: AbortSignal): Promise<PackageArchive> {
    const tried: string[] = [];
    const suffix = `/${escapeModulePath(module)}/@v/${escapeModulePath(version)}.zip`;
    for (const entry of this.entries) {
      if (entry.kind !== 'proxy') {
        const why = entry.kind === 'off' ? 'GOPROXY=off forbids downloads' : 'GOPROXY goes direct (the Git hosts)';
        throw new PackageNotFoundError(notHere(module, version, [...tried, why]));
      }
      const url = entry.endpoint.base + suffix;
      try {
        const response = await registryGet(url, {
          endpoint: entry.endpoint,
          maxBytes: this.context.maxArchiveBytes,
          timeoutMs: this.context.timeoutMs,
          signal,
          onRequest: (status) => this.context.onRequest?.('goproxy', status),
        });
        if (response.status === 200) {
          return { format: 'zip', bytes: response.body };
        }
        const said = firstLine(response.body);
        tried.push(`${url}: ${response.status}${said ? ` ${said}` : ''}`);
        if (response.status !== 404 && response.status !== 410 && !entry.nextOnAnyError) {
          throw new HostError(`the Go module proxy failed: ${tried.join('; ')}`, response.status);
        }
      } catch (error) {
        if (!(error instanceof HostError) || !entry.nextOnAnyError || signal.aborted) {
          throw error;
        }
        tried.push(error.message);
      }
    }
    throw new PackageNotFoundError(notHere(module, version, tried));
  }
}

function notHere(module: string, version: string, tried: string[]): string {
  return `${module}@${version} is not on the Go module proxy (${tried.join('; ')})`;
}

/** Go's error bodies are plain text; one short line of it says why. */
function firstLine(body: Buffer): string {
  return body.toString('utf8', 0, 400).split('\n')[0].trim().slice(0, 200);
}

/** Every zip entry must sit under `<module>@<version>/` (Go refuses anything else); that prefix is removed. */
function inModule(module: string, version: string): (entryPath: string) => string {
  const prefix = `${module}@${version}/`;
  return (entryPath) => {
    if (!entryPath.startsWith(prefix)) {
      throw new ArchiveRejectedError(`archive refused: ${JSON.stringify(entryPath)} lies outside ${prefix}`);
    }
    return entryPath.slice(prefix.length);
  };
}
