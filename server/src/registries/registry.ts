/**
 * What every package registry offers resolution, whatever its protocol: the package a frame path lies in, and a
 * file of a package at an exact version. Each registry lives in its own folder (goproxy/, npm/, rubygems/,
 * pypi/, maven/) and is one entry of the table in `table.ts`.
 */
import { CachedFile } from '../hosts/files';

export type RegistryKind = 'goproxy' | 'npm' | 'rubygems' | 'pypi' | 'maven';

/** A file inside one version of a package, as a frame (and a lock file, for the version) names it. */
export interface PackageFileRef {
  name: string;
  version: string;
  /** The path inside the package (the archive's layout after its top folder, if any). */
  path: string;
  /** A gem's platform (`x86_64-linux`), absent for pure-Ruby gems. */
  platform?: string;
}

export interface RegistryFile {
  /** A file, or why the package has none at that path (the version exists). */
  file: CachedFile;
  /** The package's page at that version (a web page for public registries, the registry's URL otherwise). */
  pageUrl: string;
}

/** The registry has no such package or version (404/410), or it is switched off: the next source is tried. */
export class PackageNotFoundError extends Error {}

export interface PackageRegistry {
  kind: RegistryKind;
  /** How users read it: "the Go module proxy", "the npm registry". */
  title: string;
  /** Throws PackageNotFoundError, HostError or ArchiveRejectedError (what was tried is in the message). */
  readFile(ref: PackageFileRef, signal?: AbortSignal): Promise<RegistryFile>;
}

/** "the Go module proxy: example.org/lib v1.2.3" — what the panel shows as the source's origin. */
export function describeSource(registry: Pick<PackageRegistry, 'title'>, ref: PackageFileRef): string {
  const platform = ref.platform ? ` (${ref.platform})` : '';
  return `${registry.title}: ${ref.name} ${ref.version}${platform}`;
}
