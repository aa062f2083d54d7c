/** What a release publishes: the plugin archive with its checksums, under the one version the repository carries. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPluginDir, zipEntries } from './archive';

export interface WrittenArchive {
  zipPath: string;
  sha1: string;
  sha256: string;
}

/** Zips dist/ as `<id>/…` into outDir/<id>-<version>.zip, with `.sha1` and `.sha256` files (`sum  name`). */
export function writePluginArchive(dist: string, pluginId: string, outDir: string): WrittenArchive {
  const version = (JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')) as { info?: { version?: unknown } }).info
    ?.version;
  if (typeof version !== 'string' || version === '' || version.includes('%')) {
    throw new Error(`dist/plugin.json has no version (${JSON.stringify(version)}): build the plugin first`);
  }
  const zip = zipEntries(readPluginDir(dist, pluginId));
  mkdirSync(outDir, { recursive: true });
  const name = `${pluginId}-${version}.zip`;
  const zipPath = join(outDir, name);
  writeFileSync(zipPath, zip);
  const sha1 = createHash('sha1').update(zip).digest('hex');
  const sha256 = createHash('sha256').update(zip).digest('hex');
  writeFileSync(`${zipPath}.sha1`, `${sha1}  ${name}\n`);
  writeFileSync(`${zipPath}.sha256`, `${sha256}  ${name}\n`);
  return { zipPath, sha1, sha256 };
}

/** The first released or prepared version CHANGELOG.md names (`## 1.2.3`, `## 1.2.3 (unreleased)`); `Unreleased` is skipped. */
export function changelogVersion(changelog: string): string | undefined {
  return /^## v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/m.exec(changelog)?.[1];
}
