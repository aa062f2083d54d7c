/** JavaScript / TypeScript frames: relative paths (mappings were tried already). No source maps. */
import { Resolution, Resolved } from './resolution';

export const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

/** Shorter and shorter suffixes of the path (a `file://` or `webpack://` URL read as a path) in the repository. */
export function findJavaScriptFile(r: Resolution, path = r.request.path): Promise<Resolved | undefined> {
  return r.tryRelativeSuffixes('relative', path.replace(/^(?:file|webpack):\/\/\/?/, '/'));
}
