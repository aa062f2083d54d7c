/** The archive the catalog takes: a zip of the built plugin (dist/) inside one folder named after the plugin id. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { ArchiveEntries } from './checks';

/** Every file under dir, as `<pluginId>/<path>` → bytes (symbolic links followed, as the build copied them). */
export function readPluginDir(dir: string, pluginId: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else {
        entries.set(`${pluginId}/${relative(dir, path).split(sep).join('/')}`, readFileSync(path));
      }
    }
  };
  walk(dir);
  return entries;
}

export function zipEntries(entries: ArchiveEntries): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    // A fixed date keeps the archive byte-for-byte the same for the same build.
    tree[path] = [bytes, { mtime: new Date('2020-01-01T00:00:00Z') }];
  }
  return zipSync(tree, { level: 9 });
}

export function unzipEntries(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)));
}
