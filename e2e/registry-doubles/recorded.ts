/**
 * The real dependency files recorded by record.ts, as the registry double's packages: one Go module version per
 * folder `recorded/goproxy/<module>@<version>/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GoModule } from './goproxy';

export const RECORDED_DIR = path.join(__dirname, 'recorded');

export function recordedGoModules(): GoModule[] {
  const root = path.join(RECORDED_DIR, 'goproxy');
  const modules: GoModule[] = [];
  const visit = (dir: string, relative: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const inner = relative ? `${relative}/${name}` : name;
      if (!statSync(full).isDirectory()) {
        continue;
      }
      const at = name.lastIndexOf('@');
      if (at > 0) {
        modules.push({
          module: `${relative ? `${relative}/` : ''}${name.slice(0, at)}`,
          version: name.slice(at + 1),
          files: filesUnder(full),
        });
      } else {
        visit(full, inner);
      }
    }
  };
  visit(root, '');
  return modules;
}

function filesUnder(dir: string, prefix = ''): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const inner = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) {
      Object.assign(files, filesUnder(full, inner));
    } else {
      files[inner] = readFileSync(full);
    }
  }
  return files;
}
