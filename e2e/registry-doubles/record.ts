/**
 * Records, from the real registries, the dependency files the sample profiles' frames name (and each package's
 * license), into recorded/<registry>/<package>@<version>/… for the registry double to serve: the standalone stack
 * then shows registry source for real dependencies without contacting any registry.
 *
 *   npx tsx e2e/registry-doubles/record.ts       (GOPROXY as Go reads it; default the public proxy)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleFrames } from '../../samples/frames';
import { DEFAULT_ARCHIVE_LIMITS } from '../../server/src/registries/archive/limits';
import { goDependency } from '../../server/src/registries/dependency';
import { parseGoproxy } from '../../server/src/registries/goproxy/proxy-list';
import { GoModuleProxy } from '../../server/src/registries/goproxy/registry';
import { PackageFiles } from '../../server/src/registries/package-files';
import { RECORDED_DIR } from './recorded';

const LICENSES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md'];

async function main(): Promise<void> {
  const files = new PackageFiles({
    limits: DEFAULT_ARCHIVE_LIMITS,
    maxFileBytes: 4 * 1024 * 1024,
    archiveCacheBytes: 256 * 1024 * 1024,
    fileCacheBytes: 64 * 1024 * 1024,
  });
  const context = { files, timeoutMs: 60_000, maxArchiveBytes: 128 * 1024 * 1024, maxDocumentBytes: 8 * 1024 * 1024 };
  const proxy = new GoModuleProxy(parseGoproxy(process.env.GOPROXY ?? ''), context);
  const wanted = new Map<string, Set<string>>();
  for (const frame of sampleFrames()) {
    const dependency = goDependency(frame.localPath);
    if (dependency?.ref) {
      const key = `${dependency.ref.name}@${dependency.ref.version}`;
      wanted.set(key, (wanted.get(key) ?? new Set(LICENSES)).add(dependency.ref.path));
    }
  }
  for (const [key, paths] of wanted) {
    const at = key.lastIndexOf('@');
    for (const file of paths) {
      const read = await proxy.readFile({ name: key.slice(0, at), version: key.slice(at + 1), path: file });
      if (read.file.kind !== 'file') {
        continue;
      }
      const target = path.join(RECORDED_DIR, 'goproxy', key, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, read.file.content);
      console.log(`recorded goproxy ${key} ${file}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
