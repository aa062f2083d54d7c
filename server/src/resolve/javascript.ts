/** JavaScript / TypeScript frames: relative paths (mappings were tried already). No source maps. */
import { Resolution, Resolved } from './resolution';

export const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

/** Shorter and shorter suffixes of the (unwrapped) path in the repository, a `webpack://` URL read as a path. */
export function findJavaScriptFile(r: Resolution, path: string): Promise<Resolved | undefined> {
  return r.tryRelativeSuffixes('relative', path.replace(/^webpack:\/\/\/?/, '/'));
}
