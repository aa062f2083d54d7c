/**
 * The real dependency files recorded by record.ts, as the registry double's packages: one package version per
 * folder `fixtures/<registry>/<name>@<version>/` (`goproxy/golang.org/x/text@v0.21.0/`,
 * `npm/@noble/hashes@1.8.0/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GoModule } from './goproxy';
import type { NpmPackage } from './npm';

/** A `fixtures` folder, so that tools take the packages' code for test data, not for this project's code. */
export const RECORDED_DIR = path.join(__dirname, 'fixtures');

/** The registries record.ts records for. */
export type RecordedRegistry = 'goproxy' | 'npm';

interface RecordedPackage {
  name: string;
  version: string;
  files: Record<string, Buffer>;
}

export function recordedGoModules(): GoModule[] {
  return recordedPackages('goproxy').map((p) => ({ module: p.name, version: p.version, files: p.files }));
}

export function recordedNpmPackages(): NpmPackage[] {
  return recordedPackages('npm');
}

/** Folders named `<name>@<version>` (the `@` past the first character, so `@scope` folders are walked into). */
function recordedPackages(registry: RecordedRegistry): RecordedPackage[] {
  const packages: RecordedPackage[] = [];
  const visit = (dir: string, relative: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (!statSync(full).isDirectory()) {
        continue;
      }
      const at = name.lastIndexOf('@');
      if (at > 0) {
        packages.push({
          name: `${relative ? `${relative}/` : ''}${name.slice(0, at)}`,
          version: name.slice(at + 1),
          files: filesUnder(full),
        });
      } else {
        visit(full, relative ? `${relative}/${name}` : name);
      }
    }
  };
  visit(path.join(RECORDED_DIR, registry), '');
  return packages;
}

function filesUnder(dir: string, prefix = ''): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
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
