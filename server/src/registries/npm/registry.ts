/**
 * npm packages from the registry at NPM_REGISTRY_URL: the version document (`/<name>/<version>`, scoped names
 * with `%2f`) names the tarball and its integrity; the tarball is asked of the registry itself: `dist.tarball` as
 * given only under NPM_REGISTRY_URL (its origin and path, no userinfo), else the registry's conventional path
 * (npm's `replace-registry-host=always`): a host the document names is never contacted. The registry may redirect
 * the download elsewhere (outbound.ts: https only, without its credentials). The tarball is checked against
 * `dist.integrity` before any file is read; files sit under its first folder (`package/` nearly always).
 */
import { createHash } from 'node:crypto';
import { HostError, MalformedAnswerError } from '../../hosts/errors';
import { ArchiveRejectedError } from '../archive/entry-path';
import { RegistryContext } from '../context';
import { RegistryEndpoint } from '../endpoint';
import { printable, registryGet } from '../http';
import { fromDocument } from '../outbound';
import { PackageArchive } from '../package-files';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryFile } from '../registry';

export const PUBLIC_NPM_REGISTRY = 'https://registry.npmjs.org';

export class NpmRegistry implements PackageRegistry {
  readonly kind = 'npm';
  readonly title = 'the npm registry';

  constructor(
    private readonly endpoint: RegistryEndpoint,
    private readonly context: RegistryContext
  ) {}

  async readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile> {
    const file = await this.context.files.readFile(
      { registry: `npm ${this.endpoint.base}`, name: ref.name, version: ref.version },
      ref.path,
      stripTopFolder,
      (downloadSignal) => this.download(ref.name, ref.version, downloadSignal),
      signal
    );
    const pageUrl =
      this.endpoint.base === PUBLIC_NPM_REGISTRY
        ? `https://www.npmjs.com/package/${ref.name}/v/${encodeURIComponent(ref.version)}`
        : this.documentUrl(ref.name, ref.version);
    return { file, pageUrl };
  }

  private documentUrl(name: string, version: string): string {
    return `${this.endpoint.base}/${name.replace('/', '%2f')}/${encodeURIComponent(version)}`;
  }

  private async download(name: string, version: string, signal: AbortSignal): Promise<PackageArchive> {
    const documentUrl = this.documentUrl(name, version);
    const document = await this.get(documentUrl, this.context.maxDocumentBytes, signal);
    if (document.status === 404) {
      throw new PackageNotFoundError(`${name}@${version} is not on the npm registry (${documentUrl}: 404)`);
    }
    const dist = parseDist(document.body, name, version);
    const tarballUrl = this.onRegistry(dist.tarball, name, version);
    const tarball = await this.get(tarballUrl, this.context.maxArchiveBytes, signal);
    if (tarball.status === 404) {
      const named =
        dist.tarball && tarballUrl !== dist.tarball ? ` (its document names ${elsewhere(dist.tarball)})` : '';
      throw new PackageNotFoundError(
        `the npm registry lists ${name}@${version} but has no tarball at ${tarballUrl}${named}`
      );
    }
    checkIntegrity(tarball.body, dist, `${name}@${version}`);
    return { format: 'tar.gz', bytes: tarball.body };
  }

  private async get(url: string, maxBytes: number, signal: AbortSignal) {
    const response = await registryGet(url, {
      endpoint: this.endpoint,
      maxBytes,
      timeoutMs: this.context.timeoutMs,
      signal,
      accept: 'application/json',
      onRequest: (status) => this.context.onRequest?.('npm', status),
    });
    if (response.status !== 200 && response.status !== 404) {
      throw new HostError(`the npm registry answered ${response.status} for ${url}`, response.status);
    }
    return response;
  }

  /** The document's tarball URL when it lies under the registry, else the registry's conventional tarball path. */
  private onRegistry(tarball: string | undefined, name: string, version: string): string {
    const given = tarball === undefined ? undefined : fromDocument(tarball, this.endpoint, { underBase: true });
    return (
      given?.toString() ?? `${this.endpoint.base}/${name}/-/${name.split('/').pop()}-${encodeURIComponent(version)}.tgz`
    );
  }
}

/** Where a document's tarball URL points, as a message may show it (no userinfo, no query). */
function elsewhere(tarball: string): string {
  try {
    return printable(new URL(tarball));
  } catch {
    return 'something that is not a URL';
  }
}

interface Dist {
  tarball?: string;
  integrity?: string;
  shasum?: string;
}

function parseDist(body: Buffer, name: string, version: string): Dist {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedAnswerError(`the npm registry's document for ${name}@${version} is not JSON`);
  }
  const dist = (document as { dist?: unknown } | null)?.dist;
  if (typeof dist !== 'object' || dist === null) {
    throw new MalformedAnswerError(`the npm registry's document for ${name}@${version} has no dist`);
  }
  const text = (key: string) => {
    const value = (dist as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  };
  return { tarball: text('tarball'), integrity: text('integrity'), shasum: text('shasum') };
}

/** The strongest hash the document gives (SRI sha512/sha384/sha256, else the SHA-1 shasum) must match. */
function checkIntegrity(tarball: Buffer, dist: Dist, what: string): void {
  const sri = dist.integrity
    ?.split(/\s+/)
    .map((item) => /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(item))
    .find((match) => match !== null);
  const matches = sri
    ? createHash(sri[1]).update(tarball).digest('base64') === sri[2]
    : dist.shasum
      ? createHash('sha1').update(tarball).digest('hex') === dist.shasum.toLowerCase()
      : true;
  if (!matches) {
    throw new ArchiveRejectedError(`archive refused: the tarball of ${what} does not match the registry's integrity`);
  }
}

/** npm strips the first path component of every entry, whatever it is called. */
function stripTopFolder(entryPath: string): string | undefined {
  const slash = entryPath.indexOf('/');
  return slash < 0 ? undefined : entryPath.slice(slash + 1);
}
