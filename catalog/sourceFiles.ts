/** The files the validator's code rules look at: the source tree without dependencies, builds and VCS data. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist', '.git', 'artifacts', 'coverage']);

/** Paths relative to root, with `/`, of every .ts/.tsx/.js/.jsx file outside skipped folders. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) {
          walk(join(dir, entry.name));
        }
      } else if (/\.[jt]sx?$/.test(entry.name)) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}
