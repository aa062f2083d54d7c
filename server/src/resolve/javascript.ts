/** JavaScript / TypeScript frames: relative paths (mappings were tried already). No source maps. */
import { Resolution, Resolved } from './resolution';

export const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.jsx', '.tsx'];

export function findJavaScriptFile(r: Resolution): Promise<Resolved | undefined> {
  return r.tryRelativeSuffixes('relative', r.request.path.replace(/^(?:file|webpack):\/\/\/?/, '/'));
}
