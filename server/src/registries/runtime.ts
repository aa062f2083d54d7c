/**
 * The registries as the server runs them: one package files cache (memory and the shared tier) under every
 * registry the configuration switches on, each call counted in `linescope_registry_requests_total`.
 */
import { SharedCache } from '../cache/shared-cache';
import type { ServerConfig } from '../config';
import { ServerMetrics } from '../metrics';
import { DEFAULT_ARCHIVE_LIMITS } from './archive/limits';
import { DEFAULT_MAX_DOCUMENT_BYTES, RegistryContext } from './context';
import { PackageFiles } from './package-files';
import { PackageRegistry, RegistryKind } from './registry';
import { createRegistries, registryVariable } from './table';

export interface RegistrySources {
  get(kind: RegistryKind): PackageRegistry | undefined;
  /** Why a registry is not asked (`NPM_REGISTRY_URL=off`), for the not-found explanation. */
  offReason(kind: RegistryKind): string;
}

export function createRegistrySources(
  config: Pick<
    ServerConfig,
    'registries' | 'registryMaxArchiveBytes' | 'cacheBytes' | 'maxFileBytes' | 'gitHostTimeoutMs'
  >,
  metrics: ServerMetrics | undefined,
  shared?: SharedCache
): RegistrySources {
  const context: RegistryContext = {
    files: new PackageFiles({
      limits: { ...DEFAULT_ARCHIVE_LIMITS, maxArchiveBytes: config.registryMaxArchiveBytes },
      maxFileBytes: config.maxFileBytes,
      archiveCacheBytes: config.cacheBytes / 4,
      fileCacheBytes: config.cacheBytes / 4,
      shared,
    }),
    timeoutMs: config.gitHostTimeoutMs,
    maxArchiveBytes: config.registryMaxArchiveBytes,
    maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
    onRequest: (registry, status) => metrics?.registryRequests.inc({ registry, status_code: String(status) }),
  };
  const registries = createRegistries(config.registries, context);
  return {
    get: (kind) => registries.get(kind),
    offReason: (kind) => {
      const value = config.registries[kind].trim();
      return kind === 'goproxy' && value !== 'off'
        ? `GOPROXY=${value.split(/[,|]/)[0]}: the Git hosts only`
        : `${registryVariable(kind)}=off`;
    },
  };
}
