/**
 * Which module version a Go frame's file lies in: under the module cache (`…/pkg/mod/<escaped module>@<escaped
 * version>/<file>`, absolute, escaped) or built with -trimpath (`<module>@<version>/<file>`, unescaped). A frame
 * with an import path and no version (`example.org/lib/x.go`) takes the version its go.mod requirement names.
 */
import { BadModulePathError, unescapeModulePath } from './escape';

export interface ModuleFile {
  module: string;
  version: string;
  /** The file's path inside the module. */
  path: string;
}

const MODULE_CACHE = '/pkg/mod/';

export function moduleFileOfFrame(framePath: string): ModuleFile | undefined {
  const path = framePath.replace(/\\/g, '/');
  const cacheAt = path.lastIndexOf(MODULE_CACHE);
  if (cacheAt >= 0) {
    const inCache = path.slice(cacheAt + MODULE_CACHE.length);
    return inCache.startsWith('cache/') ? undefined : split(inCache, true);
  }
  return split(path.replace(/^\/+/, ''), false);
}

function split(path: string, escaped: boolean): ModuleFile | undefined {
  const segments = path.split('/');
  const at = segments.findIndex((segment) => segment.includes('@'));
  // A module path starts with a host name (a dot in its first element), and the file lies below the version.
  if (at < 0 || at === segments.length - 1 || !segments[0].includes('.') || segments.includes('..')) {
    return undefined;
  }
  const [last, version] = segments[at].split('@', 2);
  const module = [...segments.slice(0, at), last].join('/');
  try {
    return {
      module: escaped ? unescapeModulePath(module) : module,
      version: escaped ? unescapeModulePath(version) : version,
      path: segments.slice(at + 1).join('/'),
    };
  } catch (error) {
    if (error instanceof BadModulePathError) {
      return undefined;
    }
    throw error;
  }
}

export interface Requirement {
  path: string;
  version: string;
}

/**
 * A versionless import-path frame (`example.org/lib/sub/x.go`) placed in the required module with the longest
 * matching path, at the version go.mod requires.
 */
export function moduleFileByRequirement(
  framePath: string,
  requirements: readonly Requirement[]
): ModuleFile | undefined {
  const path = framePath.replace(/^\/+/, '');
  let best: Requirement | undefined;
  for (const requirement of requirements) {
    if (path.startsWith(`${requirement.path}/`) && (!best || requirement.path.length > best.path.length)) {
      best = requirement;
    }
  }
  return best && { module: best.path, version: best.version, path: path.slice(best.path.length + 1) };
}
