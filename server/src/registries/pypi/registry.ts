/**
 * Python distributions from PYPI_URL (PyPI's JSON API, `<base>/<normalized name>/<version>/json`): a pure wheel
 * (`*-none-any.whl`, laid out as site-packages) is preferred, else the sdist (one top folder, code flat or under
 * `src/`). Files are fetched only from the index's own origin (and files.pythonhosted.org for the public PyPI)
 * and checked against the sha256 digest the index gives.
 */
import { createHash } from 'node:crypto';
import { HostError, MalformedAnswerError } from '../../hosts/errors';
import { ArchiveFormat } from '../archive/archive';
import { ArchiveRejectedError } from '../archive/entry-path';
import { RegistryContext } from '../context';
import { RegistryEndpoint } from '../endpoint';
import { registryGet } from '../http';
import { fromDocument } from '../outbound';
import { normalizeDistribution } from '../locks/python-locks';
import { PackageArchive } from '../package-files';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryFile } from '../registry';

export const PUBLIC_PYPI = 'https://pypi.org/pypi';
const PUBLIC_FILES = 'https://files.pythonhosted.org';

interface ReleaseFile {
  filename: string;
  url: string;
  packagetype: string;
  sha256?: string;
}

export class PypiRegistry implements PackageRegistry {
  readonly kind = 'pypi';
  readonly title = 'PyPI';
  /** Origins besides the index's own that its files may come from. */
  private readonly fileOrigins: string[];

  constructor(
    private readonly endpoint: RegistryEndpoint,
    private readonly context: RegistryContext
  ) {
    this.fileOrigins = endpoint.base === PUBLIC_PYPI ? [PUBLIC_FILES] : [];
  }

  async readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile> {
    const name = normalizeDistribution(ref.name);
    const file = await this.context.files.readFile(
      { registry: `pypi ${this.endpoint.base}`, name, version: ref.version },
      ref.path,
      inDistribution,
      (downloadSignal) => this.download(name, ref.version, downloadSignal),
      signal
    );
    const pageUrl =
      this.endpoint.base === PUBLIC_PYPI
        ? `https://pypi.org/project/${name}/${encodeURIComponent(ref.version)}/`
        : this.releaseUrl(name, ref.version);
    return { file, pageUrl };
  }

  private releaseUrl(name: string, version: string): string {
    return `${this.endpoint.base}/${name}/${encodeURIComponent(version)}/json`;
  }

  private async download(name: string, version: string, signal: AbortSignal): Promise<PackageArchive> {
    const releaseUrl = this.releaseUrl(name, version);
    const release = await this.get(releaseUrl, this.context.maxDocumentBytes, signal);
    if (release.status === 404) {
      throw new PackageNotFoundError(`${name} ${version} is not on PyPI (${releaseUrl}: 404)`);
    }
    const chosen = chooseFile(parseRelease(release.body, name, version));
    if (!chosen) {
      throw new PackageNotFoundError(`PyPI has no pure wheel and no sdist of ${name} ${version}`);
    }
    const fileUrl = fromDocument(chosen.url, this.endpoint, { underBase: false, otherOrigins: this.fileOrigins });
    if (!fileUrl) {
      throw new PackageNotFoundError(
        `PyPI names ${chosen.filename} at a URL it is not read from (${safeOrigin(chosen.url)}: not the index's, or with userinfo)`
      );
    }
    const archive = await this.get(fileUrl.toString(), this.context.maxArchiveBytes, signal);
    if (archive.status === 404) {
      throw new PackageNotFoundError(`PyPI lists ${chosen.filename} but does not serve it`);
    }
    if (chosen.sha256 && createHash('sha256').update(archive.body).digest('hex') !== chosen.sha256.toLowerCase()) {
      throw new ArchiveRejectedError(`archive refused: ${chosen.filename} does not match the sha256 PyPI gives`);
    }
    return { format: formatOf(chosen.filename), bytes: archive.body };
  }

  private async get(url: string, maxBytes: number, signal: AbortSignal) {
    const response = await registryGet(url, {
      endpoint: this.endpoint,
      maxBytes,
      timeoutMs: this.context.timeoutMs,
      signal,
      onRequest: (status) => this.context.onRequest?.('pypi', status),
    });
    if (response.status !== 200 && response.status !== 404) {
      throw new HostError(`PyPI answered ${response.status} for ${new URL(url).pathname}`, response.status);
    }
    return response;
  }
}

function parseRelease(body: Buffer, name: string, version: string): ReleaseFile[] {
  let release: unknown;
  try {
    release = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedAnswerError(`PyPI's release document for ${name} ${version} is not JSON`);
  }
  const urls = (release as { urls?: unknown } | null)?.urls;
  if (!Array.isArray(urls)) {
    throw new MalformedAnswerError(`PyPI's release document for ${name} ${version} has no urls`);
  }
  return urls.flatMap((item: Record<string, unknown>) => {
    const digests = item?.digests as Record<string, unknown> | undefined;
    return typeof item?.filename === 'string' && typeof item.url === 'string' && typeof item.packagetype === 'string'
      ? [
          {
            filename: item.filename,
            url: item.url,
            packagetype: item.packagetype,
            sha256: typeof digests?.sha256 === 'string' ? digests.sha256 : undefined,
          },
        ]
      : [];
  });
}

/** A pure wheel first (its root is site-packages' layout), else a .tar.gz or .zip sdist. */
function chooseFile(files: ReleaseFile[]): ReleaseFile | undefined {
  return (
    files.find((f) => f.packagetype === 'bdist_wheel' && /-none-any\.whl$/.test(f.filename)) ??
    files.find((f) => f.packagetype === 'sdist' && /\.(tar\.gz|zip)$/.test(f.filename))
  );
}

function formatOf(filename: string): ArchiveFormat {
  return filename.endsWith('.tar.gz') ? 'tar.gz' : 'zip';
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'not a URL';
  }
}

/**
 * Paths as site-packages holds them: a wheel's entries as they are (its `.dist-info/` and `.data/` left out);
 * an sdist's after its top folder, and after `src/` for the src layout.
 */
function inDistribution(entryPath: string): string | undefined {
  const [first, ...rest] = entryPath.split('/');
  if (/\.(dist-info|data)$/.test(first)) {
    return undefined;
  }
  if (!/^[A-Za-z0-9_.]+-\d[^/]*$/.test(first) || rest.length === 0) {
    return entryPath;
  }
  return rest[0] === 'src' && rest.length > 1 ? rest.slice(1).join('/') : rest.join('/');
}
