/**
 * Node.js / TypeScript frames (after the mappings): Node's own library (`node:fs`, `node:internal/timers`) in
 * nodejs/node at the Node version, `file://` URLs and absolute paths relative to the repository, installed packages
 * (`node_modules/<package>/…`) only through mappings.
 */
import { npmDependency } from '../../registries/dependency';
import { lockReader, tryDependency } from '../dependencies';
import { LanguageRules } from './language';
import { unwrapFramePath } from '../frame-path';
import { packageNotFound, Resolution, Resolved, unmatchedReason } from '../resolution';

const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

export const node = {
  names: ['javascript', 'typescript'],
  ownsPath: (path, extension) => JAVASCRIPT_EXTENSIONS.includes(extension) || path.startsWith('node:'),
  examplePaths: ['node:internal/timers', 'file:///srv/shop/dist/main.mjs', '/app/src/catalog.ts'],
  underMapping: (path, rel) => (nodeLibraryFile(path) ? nodeMappedPath(rel) : rel),
  speculate,
  find: (r, frame) => findNodeFile(r, frame.runtimeVersion, frame.mapped),
  dependency: (r) => npmDependency(unwrapFramePath(r.request.path), lockReader(r)),
  notFoundReason: (r, frame) => nodeNotFoundReason(r.request.path, frame.runtimeVersion, frame.mapped),
} satisfies LanguageRules;

/**
 * A `node:` frame is read from nodejs/node at the Node version (when it is a release), and needs no tree; any other
 * path will be matched against the tree.
 */
function speculate(r: Resolution): void {
  const library = nodeLibraryFile(r.request.path);
  if (!library) {
    r.prefetchTree();
    return;
  }
  const tag = nodeReleaseTag(r.request.runtimeVersion ?? '');
  if (tag) {
    r.prefetchFile(r.repository('nodejs', 'node'), library, tag);
  }
}

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

/** The installed package a path is in, the innermost one: its name (`@scope/name`) and the path up to its folder. */
export function nodeModulesPackage(path: string): { name: string; prefix: string } | undefined {
  const marker = 'node_modules/';
  const at = path.lastIndexOf(marker);
  if (at < 0) {
    return undefined;
  }
  const start = at + marker.length;
  const [first, second] = path.slice(start).split('/');
  const name = first?.startsWith('@') && second ? `${first}/${second}` : first;
  return name ? { name, prefix: path.slice(0, start + name.length) } : undefined;
}

/** Where a `.pyroscope.yaml` mapping of `node:` frames points: the mapped rest with `.js` (`fs` → `fs.js`). */
function nodeMappedPath(rel: string): string {
  return rel.endsWith('.js') ? rel : `${rel}.js`;
}

/** `mapped`: a `.pyroscope.yaml` mapping matched the path (and was tried). */
async function findNodeFile(r: Resolution, runtimeVersion: string, mapped: boolean): Promise<Resolved | undefined> {
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
  const file = unwrapFramePath(path);
  const pkg = nodeModulesPackage(file);
  if (pkg) {
    // The npm registry at the version the service's lock file names; else what a mapping would need.
    const fromRegistry = await tryDependency(r, await npmDependency(file, lockReader(r)));
    if (fromRegistry) {
      return fromRegistry;
    }
    r.attempts.push({
      rule: 'node:node_modules',
      repositoryUrl: '',
      ref: '',
      path: file,
      outcome: packageNotFound(`installed package ${pkg.name}`, pkg.prefix, mapped).outcome,
    });
    return undefined;
  }
  // Shorter and shorter suffixes of the path in the repository, a `webpack://` URL read as a path. No source maps.
  return r.tryRelativeSuffixes('relative', file.replace(/^webpack:\/\/\/?/, '/'));
}

/** The reason given when nothing was found, with what would fix it (`mapped`: a mapping matched the path). */
function nodeNotFoundReason(path: string, runtimeVersion = '', mapped = false): string {
  if (nodeLibraryFile(path)) {
    return mapped || nodeReleaseTag(runtimeVersion)
      ? 'Node.js library file not found at the Node version'
      : 'Node.js library file and no Node release to read it at (map "node:" in .pyroscope.yaml, or label the service with service_runtime_version), file not resolvable';
  }
  const pkg = nodeModulesPackage(unwrapFramePath(path));
  if (pkg) {
    return packageNotFound(`installed package ${pkg.name}`, pkg.prefix, mapped).reason;
  }
  const compiled = /\.[cm]?js$/.test(path)
    ? ' (compiled output? profile with source maps to get the TypeScript files)'
    : '';
  return `${unmatchedReason(mapped)}${compiled}, file not resolvable`;
}
