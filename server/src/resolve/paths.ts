/** Path helpers with Go's semantics where Pyroscope relies on them. */

/**
 * Go's path.Join: empty elements skipped, joined with "/", then cleaned lexically ("//" collapses, "." goes,
 * "a/.." cancels, no trailing "/"); "" when every element is empty. (Node's posix.join returns "." instead.)
 */
export function goJoin(...elements: string[]): string {
  const parts = elements.filter((e) => e !== '');
  if (parts.length === 0) {
    return '';
  }
  return goClean(parts.join('/'));
}

function goClean(path: string): string {
  if (path === '') {
    return '.';
  }
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!rooted) {
        out.push('..');
      }
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** True when a path has a `..` segment (refused: it could leave the repository root on some hosts). */
export function hasParentSegment(path: string): boolean {
  return path.split(/[/\\]/).includes('..');
}

/** The extension of the last path segment, from its last "." (case-sensitive), or "". */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(dot) : '';
}

export function stripLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '');
}

/** A path under the service's root path in the request repository, without leading "/". */
export function underRoot(rootPath: string, path: string): string {
  return stripLeadingSlashes(rootPath ? goJoin(rootPath, path) : path);
}
