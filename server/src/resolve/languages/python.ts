/** Python frames: mappings (already tried), CPython's standard library, site-packages, relative paths. */
import { pythonDependency } from '../../registries/dependency';
import { lockReader, tryDependency } from '../dependencies';
import { LanguageRules } from './language';
import { goJoin } from '../paths';
import { Resolution, Resolved } from '../resolution';

const PYTHON_LIB = /\/python(\d+\.\d{1,2})\//g;
const INSTALLED = /\/(?:site|dist)-packages\//;

/** `.../python3.12/json/decoder.py` → {version 3.12, path json/decoder.py}; site-/dist-packages are not stdlib. */
export function detectPythonStd(path: string): { version: string; path: string } | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of path.matchAll(PYTHON_LIB)) {
    last = match as RegExpExecArray;
  }
  if (!last) {
    return undefined;
  }
  const rest = path.slice((last.index ?? 0) + last[0].length);
  if (rest === '' || /^(?:site|dist)-packages\//.test(rest)) {
    return undefined;
  }
  return { version: last[1], path: rest };
}

export const python = {
  names: ['python'],
  ownsPath: (_path, extension) => extension === '.py',
  examplePaths: ['/usr/lib/python3.12/json/decoder.py', '/app/shop/catalog.py'],
  speculate,
  find: findPythonFile,
  dependency: (r) => pythonDependency(r.request.path, lockReader(r)),
  notFoundReason: () => 'stdlib not detected and no mappings provided, file not resolvable',
} satisfies LanguageRules;

/** A standard-library file is read from python/cpython at once; any other path will be matched against the tree. */
function speculate(r: Resolution): void {
  const std = detectPythonStd(r.request.path);
  if (std) {
    r.prefetchFile(r.repository('python', 'cpython'), goJoin('Lib', std.path), std.version);
  } else {
    r.prefetchTree();
  }
}

async function findPythonFile(r: Resolution): Promise<Resolved | undefined> {
  const path = r.request.path;
  const std = detectPythonStd(path);
  if (std) {
    const found = await r.tryFile(
      'python:stdlib',
      r.repository('python', 'cpython'),
      goJoin('Lib', std.path),
      std.version
    );
    if (found) {
      return found;
    }
  }
  const installed = INSTALLED.exec(path);
  if (installed) {
    // The service's own package installed with pip: its import path is usually the repository layout.
    const rest = path.slice((installed.index ?? 0) + installed[0].length);
    const found =
      (await r.tryRelativeSuffixes('python:site-packages', rest)) ??
      (await r.tryUnderRoot('python:site-packages', goJoin('src', rest)));
    if (found) {
      return found;
    }
    // A third-party package: PyPI at the version the service's lock or pins name.
    const fromRegistry = await tryDependency(r, await pythonDependency(path, lockReader(r)));
    if (fromRegistry) {
      return fromRegistry;
    }
  }
  return r.tryRelativeSuffixes('relative', path);
}
