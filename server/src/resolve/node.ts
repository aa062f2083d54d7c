/**
 * Node.js / TypeScript frames (after the mappings): Node's own library (`node:fs`, `node:internal/timers`) in
 * nodejs/node at the Node version, `file://` URLs and absolute paths relative to the repository, installed packages
 * (`node_modules/<package>/…`) only through mappings.
 */
import { findJavaScriptFile } from './javascript';
import { Resolution, Resolved } from './resolution';

const NODE_BUILTIN = /^node:([A-Za-z0-9_/.-]+)$/;
const NODE_VERSION = /^v?(\d+\.\d+\.\d+)$/;

/** `node:internal/timers` → `lib/internal/timers.js`; undefined for anything that is not a `node:` frame. */
export function nodeLibraryFile(path: string): string | undefined {
  const name = NODE_BUILTIN.exec(path)?.[1];
  return name === undefined || name.split('/').some((s) => s === '' || s === '.' || s === '..')
    ? undefined
    : `lib/${name}.js`;
}

/** Node's release tag for a version as labels spell it (`20.20.2`, `v20.20.2`); undefined when it is not one. */
export function nodeReleaseTag(version: string): string | undefined {
  const match = NODE_VERSION.exec(version.trim());
  return match ? `v${match[1]}` : undefined;
}

/** `file:///usr/src/app/src/a%20b.ts` → `/usr/src/app/src/a b.ts`; other paths unchanged. */
export function nodeFilePath(path: string): string {
  if (!path.startsWith('file://')) {
    return path;
  }
  try {
    return decodeURIComponent(new URL(path).pathname);
  } catch {
    return path.replace(/^file:\/\//, '');
  }
}

/** The installed package a path is in (`…/node_modules/@scope/name/…` → `@scope/name`), the innermost one. */
export function nodeModulesPackage(path: string): string | undefined {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) {
    return undefined;
  }
  const [first, second] = path.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') && second ? `${first}/${second}` : first || undefined;
}

/** Where a `.pyroscope.yaml` mapping of `node:` frames points: the mapped rest with `.js` (`fs` → `fs.js`). */
export function nodeMappedPath(rel: string): string {
  return rel.endsWith('.js') ? rel : `${rel}.js`;
}

export async function findNodeFile(r: Resolution, runtimeVersion: string): Promise<Resolved | undefined> {
  const path = r.request.path;
  const library = nodeLibraryFile(path);
  if (library) {
    const tag = nodeReleaseTag(runtimeVersion);
    if (!tag) {
      r.attempts.push({
        rule: 'node:lib',
        repositoryUrl: r.repository('nodejs', 'node').webUrl,
        ref: '',
        path: library,
        outcome: runtimeVersion
          ? `skipped: the Node version "${runtimeVersion}" is not a release (like v20.20.2)`
          : 'skipped: no Node version: map the path prefix "node:" in .pyroscope.yaml, or label the service with service_runtime_version',
      });
      return undefined;
    }
    return r.tryFile('node:lib', r.repository('nodejs', 'node'), library, tag);
  }
  const pkg = nodeModulesPackage(path);
  if (pkg) {
    r.attempts.push({
      rule: 'node:node_modules',
      repositoryUrl: '',
      ref: '',
      path,
      outcome: `skipped: installed package ${pkg}: map its path prefix (…/node_modules/${pkg}) in .pyroscope.yaml to its repository`,
    });
    return undefined;
  }
  return findJavaScriptFile(r, nodeFilePath(path));
}

/** The reason given when nothing was found, with what would fix it (`mapped`: a mapping matched the path). */
export function nodeNotFoundReason(path: string, runtimeVersion = '', mapped = false): string {
  if (nodeLibraryFile(path)) {
    return mapped || nodeReleaseTag(runtimeVersion)
      ? 'Node.js library file not found at the Node version'
      : 'Node.js library file and no Node release to read it at (map "node:" in .pyroscope.yaml, or label the service with service_runtime_version), file not resolvable';
  }
  if (nodeModulesPackage(path)) {
    return 'installed package with no mapping, file not resolvable';
  }
  const compiled = /\.[cm]?js$/.test(path)
    ? ' (compiled output? profile with source maps to get the TypeScript files)'
    : '';
  return `no mappings matched and relative path not found${compiled}, file not resolvable`;
}
