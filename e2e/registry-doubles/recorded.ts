/**
 * The real dependency files recorded by record.ts, as the registry double's packages: one package version per
 * folder `fixtures/<registry>/<package>@<version>/` (Go modules and Maven's `<groupId>/<artifactId>` as nested
 * folders, npm's `@scope/name` too), holding the files at their paths inside the package.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GoModule } from './goproxy';
import type { MavenArtifact } from './maven';
import type { NpmPackage } from './npm';
import type { PythonRelease } from './pypi';
import type { Gem } from './rubygems';

/** Third-party files kept as test fixtures (not code of this project: no tool follows their imports). */
export const RECORDED_DIR = path.join(__dirname, 'fixtures');

interface RecordedPackage {
  /** The folders before `@` (`github.com/grafana/pyroscope-go`, `org.apache.commons/commons-lang3`). */
  name: string;
  version: string;
  files: Record<string, Buffer>;
}

function recordedPackages(registry: string): RecordedPackage[] {
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
  const root = path.join(RECORDED_DIR, registry);
  if (existsSync(root)) {
    visit(root, '');
  }
  return packages;
}

function textFiles(files: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([file, bytes]) => [file, bytes.toString('utf8')]));
}

export function recordedGoModules(): GoModule[] {
  return recordedPackages('goproxy').map(({ name, version, files }) => ({ module: name, version, files }));
}

export function recordedNpmPackages(): NpmPackage[] {
  return recordedPackages('npm');
}

export function recordedPythonReleases(): PythonRelease[] {
  return recordedPackages('pypi').map(({ name, version, files }) => ({
    name,
    version,
    files: textFiles(files),
    kinds: ['wheel'],
  }));
}

export function recordedMavenArtifacts(): MavenArtifact[] {
  return recordedPackages('maven').map(({ name, version, files }) => {
    const [groupId, artifactId] = name.split('/');
    return { groupId, artifactId, version, sources: textFiles(files) };
  });
}

export function recordedGems(): Gem[] {
  return recordedPackages('rubygems').map(({ name, version, files }) => ({ name, version, files: textFiles(files) }));
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
