/**
 * package-lock.json (and npm-shrinkwrap.json): lockfileVersion 2 and 3 key `packages` by install path
 * (`node_modules/a/node_modules/@s/b`), version 1 nests `dependencies`. An aliased install (`npm:real@1`) names
 * the real package in `name`; a `link: true` entry (a workspace) has no registry version.
 */
export type LockAnswer = { name: string; version: string } | { problem: string } | undefined;

export function versionFromPackageLock(text: string, lockKey: string, name: string): LockAnswer {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    return { problem: `is not JSON (${String(error).slice(0, 120)})` };
  }
  if (!isObject(lock)) {
    return { problem: 'is not a JSON object' };
  }
  if (isObject(lock.packages)) {
    return fromPackages(lock.packages, lockKey, name);
  }
  if (isObject(lock.dependencies)) {
    return fromDependencies(lock.dependencies, lockKey);
  }
  return { problem: 'has neither "packages" nor "dependencies"' };
}

function fromPackages(packages: Record<string, unknown>, lockKey: string, name: string): LockAnswer {
  const key = lockKey in packages ? lockKey : nearestKey(Object.keys(packages), lockKey);
  const entry = key === undefined ? undefined : packages[key];
  if (!isObject(entry)) {
    return undefined;
  }
  if (entry.link === true) {
    return { problem: `installs ${lockKey} as a link (a workspace), not from the registry` };
  }
  if (typeof entry.version !== 'string') {
    return { problem: `has no version for ${lockKey}` };
  }
  return { name: typeof entry.name === 'string' ? entry.name : name, version: entry.version };
}

/**
 * The frame's root may sit above the lock's (a workspace `apps/web/node_modules/x` read against the root lock)
 * or below it: the shortest key that ends in the frame's install path, or that the install path ends in.
 */
function nearestKey(keys: string[], lockKey: string): string | undefined {
  return keys
    .filter((key) => key !== '' && (key.endsWith(`/${lockKey}`) || lockKey.endsWith(`/${key}`)))
    .sort((a, b) => a.length - b.length)[0];
}

function fromDependencies(dependencies: Record<string, unknown>, lockKey: string): LockAnswer {
  const names = lockKey.split('/node_modules/').map((part) => part.replace(/^node_modules\//, ''));
  let level: Record<string, unknown> | undefined = dependencies;
  let entry: Record<string, unknown> | undefined;
  for (const part of names) {
    const next: unknown = level?.[part];
    if (!isObject(next)) {
      return undefined;
    }
    entry = next;
    level = isObject(next.dependencies) ? next.dependencies : undefined;
  }
  return entry && typeof entry.version === 'string'
    ? { name: names[names.length - 1], version: entry.version.replace(/^npm:(?:@[^@]+|[^@]+)@/, '') }
    : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
