/**
 * Java sources from a Maven repository (MAVEN_URL, default Maven Central): the `-sources.jar` of the coordinates
 * a `.pyroscope.yaml` mapping names, read at the class's package path (`com/google/common/collect/X.java`).
 * Static files: 200 or 404 (many artifacts publish no sources jar).
 */
import { HostError } from '../../hosts/errors';
import { RegistryContext } from '../context';
import { RegistryEndpoint } from '../endpoint';
import { registryGet } from '../http';
import { PackageArchive } from '../package-files';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryFile } from '../registry';
import { parseCoordinates, sourcesJarPath } from './coordinates';

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

export class MavenRepository implements PackageRegistry {
  readonly kind = 'maven';
  readonly title: string;

  constructor(
    private readonly endpoint: RegistryEndpoint,
    private readonly context: RegistryContext
  ) {
    this.title = endpoint.base === MAVEN_CENTRAL ? 'Maven Central' : 'the Maven repository';
  }

  /** `ref.name` is `groupId:artifactId`, `ref.version` the version. */
  async readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile> {
    const coordinates = parseCoordinates(`${ref.name}:${ref.version}`);
    const file = await this.context.files.readFile(
      { registry: `maven ${this.endpoint.base}`, name: ref.name, version: ref.version },
      ref.path,
      (entryPath) => (entryPath.startsWith('META-INF/') ? undefined : entryPath),
      (downloadSignal) => this.download(`${this.endpoint.base}/${sourcesJarPath(coordinates)}`, ref, downloadSignal),
      signal
    );
    const pageUrl =
      this.endpoint.base === MAVEN_CENTRAL
        ? `https://central.sonatype.com/artifact/${coordinates.groupId}/${coordinates.artifactId}/${coordinates.version}`
        : `${this.endpoint.base}/${sourcesJarPath(coordinates).replace(/[^/]+$/, '')}`;
    return { file, pageUrl };
  }

  private async download(url: string, ref: PackageFileRef, signal: AbortSignal): Promise<PackageArchive> {
    const response = await registryGet(url, {
      endpoint: this.endpoint,
      maxBytes: this.context.maxArchiveBytes,
      timeoutMs: this.context.timeoutMs,
      signal,
      onRequest: (status) => this.context.onRequest?.('maven', status),
    });
    if (response.status === 404) {
      throw new PackageNotFoundError(`${this.title} has no sources jar for ${ref.name}:${ref.version} (${url}: 404)`);
    }
    if (response.status !== 200) {
      throw new HostError(`${this.title} answered ${response.status} for ${url}`, response.status);
    }
    return { format: 'zip', bytes: response.body };
  }
}
