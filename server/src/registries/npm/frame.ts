/**
 * Which npm package a Node.js frame's file lies in. npm and Yarn v1 nest (`node_modules/a/node_modules/@s/b/…`),
 * so the package is the segment (two for `@scope/name`) after the last `node_modules/`, and the lock file key is
 * the path from the first `node_modules/` through it. pnpm writes the version into the path
 * (`node_modules/.pnpm/@s+b@1.2.3_peer/node_modules/@s/b/…`), and so does Yarn PnP's cache
 * (`.yarn/cache/b-npm-1.2.3-<hash>.zip/node_modules/b/…`).
 */
export interface NpmFrame {
  name: string;
  /** Known from the path itself (pnpm, Yarn PnP); else the lock file says. */
  version?: string;
  /** `node_modules/a/node_modules/b`: the package-lock.json key of this install. */
  lockKey: string;
  /** The file's path inside the package. */
  path: string;
}

const NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9_.~-][\w.~-]*$/i;

/** A name npm could have published (`name` or `@scope/name`): nothing that could climb out of a registry path. */
export function isNpmName(name: string): boolean {
  return NAME.test(name) && !/^\.\.?$/.test(name.split('/').pop() ?? '');
}

export function npmFrameOf(framePath: string): NpmFrame | undefined {
  const path = framePath.replace(/^file:\/\//, '').replace(/\\/g, '/');
  const segments = path.split('/');
  const last = segments.lastIndexOf('node_modules');
  if (last < 0 || segments.includes('..')) {
    return undefined;
  }
  const scoped = segments[last + 1]?.startsWith('@');
  const nameLength = scoped ? 2 : 1;
  const name = segments.slice(last + 1, last + 1 + nameLength).join('/');
  const inside = segments.slice(last + 1 + nameLength);
  if (!NAME.test(name) || inside.length === 0 || inside.includes('')) {
    return undefined;
  }
  const first = segments.indexOf('node_modules');
  return {
    name,
    version: pnpmVersion(segments, last, name) ?? pnpVersion(segments, last, name),
    lockKey: segments.slice(first, last + 1 + nameLength).join('/'),
    path: inside.join('/'),
  };
}

/** `.pnpm/<name with / as +>@<version>[_peers|(peers)]/node_modules/<name>`. */
function pnpmVersion(segments: string[], last: number, name: string): string | undefined {
  const store = segments[last - 1];
  if (segments[last - 2] !== '.pnpm' || store === undefined) {
    return undefined;
  }
  const prefix = `${name.replace('/', '+')}@`;
  if (!store.startsWith(prefix)) {
    return undefined;
  }
  return /^[^_(]+/.exec(store.slice(prefix.length))?.[0];
}

/** `.yarn/cache/<name with / as ->-npm-<version>-<hash>.zip/node_modules/<name>`. */
function pnpVersion(segments: string[], last: number, name: string): string | undefined {
  const zip = segments[last - 1];
  const prefix = `${name.replace('/', '-')}-npm-`;
  if (!zip?.endsWith('.zip') || !zip.startsWith(prefix)) {
    return undefined;
  }
  const version = zip.slice(prefix.length).replace(/(-[0-9a-f]{8,})+\.zip$/, '');
  return /^\d+\.\d+\.\d+/.test(version) ? version : undefined;
}
