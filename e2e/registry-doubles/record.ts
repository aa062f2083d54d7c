/**
 * Records, from the real registries, the dependency files the sample profiles' frames name (and each package's
 * license), into fixtures/<registry>/<package>@<version>/… for the registry double to serve: the standalone stack
 * then shows registry source for real dependencies without contacting any registry. A package the registry does
 * not have (shop-node's private @linescope-demo package) is left out, so the double answers 404 for it as the real
 * registry does.
 *
 *   npx tsx e2e/registry-doubles/record.ts
 *
 * GOPROXY as Go reads it (default the public proxy); npm's registry from `npm config get registry`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleFrames } from '../../samples/frames';
import { createSampleRepos } from '../../samples/repos';
import { DEFAULT_ARCHIVE_LIMITS } from '../../server/src/registries/archive/limits';
import { goDependency, npmDependency } from '../../server/src/registries/dependency';
import { parseEndpoint } from '../../server/src/registries/endpoint';
import { parseGoproxy } from '../../server/src/registries/goproxy/proxy-list';
import { GoModuleProxy } from '../../server/src/registries/goproxy/registry';
import { NpmRegistry } from '../../server/src/registries/npm/registry';
import { PackageFiles } from '../../server/src/registries/package-files';
import type { PackageFileRef, PackageRegistry } from '../../server/src/registries/registry';
import { RECORDED_DIR, type RecordedRegistry } from './recorded';

/** Recorded beside the frames' files: the license, and npm's package.json (what the package page shows). */
const ALWAYS: Record<RecordedRegistry, string[]> = {
  goproxy: ['LICENSE', 'LICENSE.txt', 'LICENSE.md'],
  npm: ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'package.json'],
};

async function main(): Promise<void> {
  const files = new PackageFiles({
    limits: DEFAULT_ARCHIVE_LIMITS,
    maxFileBytes: 4 * 1024 * 1024,
    archiveCacheBytes: 256 * 1024 * 1024,
    fileCacheBytes: 64 * 1024 * 1024,
  });
  const context = { files, timeoutMs: 60_000, maxArchiveBytes: 128 * 1024 * 1024, maxDocumentBytes: 8 * 1024 * 1024 };
  const npmRegistryUrl = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const registries: Record<RecordedRegistry, PackageRegistry> = {
    goproxy: new GoModuleProxy(parseGoproxy(process.env.GOPROXY ?? ''), context),
    npm: new NpmRegistry(parseEndpoint(npmRegistryUrl, 'npm'), context),
  };

  // npm versions come from the lock files at each profile's commit.
  const reposDir = mkdtempSync(path.join(os.tmpdir(), 'linescope-record-registries-'));
  try {
    const repos = await createSampleRepos(reposDir);
    const lockReader = (repositoryURL: string, ref: string) => {
      const repo = repos.find((r) => repositoryURL.endsWith(`/${r.fullName}`));
      return async (file: string) => {
        try {
          return repo
            ? execFileSync('git', ['-C', repo.dir, 'show', `${ref}:${file}`], { encoding: 'utf8' })
            : undefined;
        } catch {
          return undefined;
        }
      };
    };
    const wanted = new Map<
      string,
      { registry: RecordedRegistry; ref: Omit<PackageFileRef, 'path'>; paths: Set<string> }
    >();
    for (const frame of sampleFrames()) {
      const dependency =
        goDependency(frame.localPath) ??
        (await npmDependency(frame.localPath, lockReader(frame.repositoryURL, frame.ref)));
      if (dependency?.ref && dependency.registry in ALWAYS) {
        const registry = dependency.registry as RecordedRegistry;
        const key = `${registry} ${dependency.ref.name}@${dependency.ref.version}`;
        const entry = wanted.get(key) ?? {
          registry,
          ref: { name: dependency.ref.name, version: dependency.ref.version },
          paths: new Set(ALWAYS[registry]),
        };
        wanted.set(key, entry);
        entry.paths.add(dependency.ref.path);
      }
    }
    for (const { registry, ref, paths } of wanted.values()) {
      for (const file of paths) {
        const read = await registries[registry].readFile({ ...ref, path: file }).catch((error: unknown) => {
          console.log(`not recorded: ${registry} ${ref.name}@${ref.version} ${file}: ${String(error)}`);
          return undefined;
        });
        if (read?.file.kind !== 'file') {
          continue;
        }
        const target = path.join(RECORDED_DIR, registry, `${ref.name}@${ref.version}`, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, read.file.content);
        console.log(`recorded ${registry} ${ref.name}@${ref.version} ${file}`);
      }
    }
  } finally {
    rmSync(reposDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
