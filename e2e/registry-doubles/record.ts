/**
 * Records the dependency files the sample profiles' frames name (and each package's license) into
 * fixtures/<registry>/<package>@<version>/… for the registry double to serve: the standalone stack then shows
 * registry source for real dependencies without contacting any registry. Go modules, npm packages, PyPI wheels and
 * Maven sources jars come from the real registries; gems from the installed gems (see record-packages.ts for why).
 * A package the registry does not have (shop-node's private @linescope-demo package) is left out, so the double
 * answers 404 for it as the real registry does.
 *
 *   npx tsx e2e/registry-doubles/record.ts
 *
 * Registries as the machine configures them: GOPROXY as Go reads it (default the public proxy), npm's from
 * `npm config get registry`, PYPI_URL (default PyPI's JSON API), MAVEN_URL (default Maven Central).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SampleFrame, sampleFrames } from '../../samples/frames';
import { createSampleRepos } from '../../samples/repos';
import { DEFAULT_ARCHIVE_LIMITS } from '../../server/src/registries/archive/limits';
import { RegistryContext } from '../../server/src/registries/context';
import { goDependency } from '../../server/src/registries/dependency';
import { parseGoproxy } from '../../server/src/registries/goproxy/proxy-list';
import { GoModuleProxy } from '../../server/src/registries/goproxy/registry';
import { PackageFiles } from '../../server/src/registries/package-files';
import { recordGems, recordMaven, recordNpm, recordPypi, Save } from './record-packages';
import { RECORDED_DIR } from './recorded';

const LICENSES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md'];

const save: Save = (registry, key, file, content) => {
  const target = path.join(RECORDED_DIR, registry, key, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`recorded ${registry} ${key} ${file}`);
};

async function recordGo(frames: SampleFrame[], context: RegistryContext): Promise<void> {
  const proxy = new GoModuleProxy(parseGoproxy(process.env.GOPROXY ?? ''), context);
  const wanted = new Map<string, Set<string>>();
  for (const frame of frames) {
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
      if (read.file.kind === 'file') {
        save('goproxy', key, file, read.file.content);
      }
    }
  }
}

async function main(): Promise<void> {
  const files = new PackageFiles({
    limits: DEFAULT_ARCHIVE_LIMITS,
    maxFileBytes: 4 * 1024 * 1024,
    archiveCacheBytes: 256 * 1024 * 1024,
    fileCacheBytes: 64 * 1024 * 1024,
  });
  const context = { files, timeoutMs: 60_000, maxArchiveBytes: 128 * 1024 * 1024, maxDocumentBytes: 8 * 1024 * 1024 };
  const frames = sampleFrames();
  // The services' pins and .pyroscope.yaml at each profile's commit name the Python and Java versions.
  const reposDir = mkdtempSync(path.join(os.tmpdir(), 'linescope-record-registries-'));
  try {
    const repos = await createSampleRepos(reposDir);
    await recordGo(frames, context);
    await recordNpm(frames, repos, context, save);
    await recordPypi(frames, repos, context, save);
    await recordMaven(frames, repos, context, save);
    recordGems(frames, save);
  } finally {
    rmSync(reposDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
