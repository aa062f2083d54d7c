/**
 * pnpm-lock.yaml: v9 keys `packages` as `name@1.2.3` (and `@s/b@1.2.3`), v6 as `/name@1.2.3(peer@x)`, v5 as
 * `/name/1.2.3_peer`. pnpm's own frames carry the version in their path; the lock answers for the others.
 */
import { parse } from 'yaml';
import { LockAnswer } from './package-lock';

export function versionFromPnpmLock(text: string, name: string): LockAnswer {
  let lock: unknown;
  try {
    lock = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { problem: `cannot be parsed (${String(error).slice(0, 120)})` };
  }
  const packages = (lock as { packages?: unknown } | null)?.packages;
  if (typeof packages !== 'object' || packages === null) {
    return { problem: 'has no packages section' };
  }
  const versions = new Set<string>();
  for (const key of Object.keys(packages)) {
    const version = versionOfKey(key.replace(/^\//, ''), name);
    if (version) {
      versions.add(version);
    }
  }
  if (versions.size === 0) {
    return undefined;
  }
  if (versions.size > 1) {
    return { problem: `locks ${name} at several versions (${[...versions].join(', ')})` };
  }
  return { name, version: [...versions][0] };
}

function versionOfKey(key: string, name: string): string | undefined {
  for (const separator of ['@', '/']) {
    if (key.startsWith(`${name}${separator}`)) {
      return /^[^(_/]+/.exec(key.slice(name.length + 1))?.[0];
    }
  }
  return undefined;
}
