/** What every registry client shares: the package files cache, the archive limits and the call options. */
import { PackageFiles } from './package-files';
import { RegistryKind } from './registry';

export interface RegistryContext {
  files: PackageFiles;
  /** Deadline of one registry call (GIT_HOST_TIMEOUT_MS). */
  timeoutMs: number;
  /** Largest archive downloaded. */
  maxArchiveBytes: number;
  /** Largest JSON document read (package documents, release metadata). */
  maxDocumentBytes: number;
  /** Called once per request sent (metrics, benchmarks). */
  onRequest?: (registry: RegistryKind, status: number) => void;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
