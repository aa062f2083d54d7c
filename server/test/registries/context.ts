/** A registry context as the server builds one, with small limits and a record of the requests sent. */
import { DEFAULT_ARCHIVE_LIMITS } from '../../src/registries/archive/limits';
import { RegistryContext } from '../../src/registries/context';
import { PackageFiles } from '../../src/registries/package-files';
import { RegistryKind } from '../../src/registries/registry';

export function registryContext(overrides: Partial<RegistryContext> = {}): RegistryContext & { sent: RegistryKind[] } {
  const sent: RegistryKind[] = [];
  return {
    files: new PackageFiles({
      limits: DEFAULT_ARCHIVE_LIMITS,
      maxFileBytes: 1024 * 1024,
      archiveCacheBytes: 16 * 1024 * 1024,
      fileCacheBytes: 16 * 1024 * 1024,
    }),
    timeoutMs: 5000,
    maxArchiveBytes: DEFAULT_ARCHIVE_LIMITS.maxArchiveBytes,
    maxDocumentBytes: 1024 * 1024,
    onRequest: (registry) => sent.push(registry),
    sent,
    ...overrides,
  };
}
