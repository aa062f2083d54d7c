/**
 * Which installed Python package a frame's file lies in: the top-level name after the last `site-packages/`
 * (or Debian's `dist-packages/`): `…/site-packages/requests/models.py` or a module file `…/site-packages/six.py`.
 * The path after site-packages is the path inside a wheel (a wheel's root is site-packages' layout).
 */
export interface PythonFrame {
  /** The top-level import name (`yaml`, `dateutil`, `six`). */
  importName: string;
  path: string;
}

export function pythonFrameOf(framePath: string): PythonFrame | undefined {
  const segments = framePath.replace(/\\/g, '/').split('/');
  const at = Math.max(segments.lastIndexOf('site-packages'), segments.lastIndexOf('dist-packages'));
  const inside = segments.slice(at + 1);
  if (at < 0 || inside.length === 0 || inside.includes('..') || inside.includes('') || inside[0].startsWith('.')) {
    return undefined;
  }
  const importName = inside.length === 1 ? inside[0].replace(/\.(py|pyc|pyi)$/, '') : inside[0];
  if (importName.endsWith('.dist-info') || importName.endsWith('.egg-info') || importName === '__pycache__') {
    return undefined;
  }
  return { importName, path: inside.join('/') };
}
