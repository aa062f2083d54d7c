/**
 * yarn.lock, both Yarn v1 (`# yarn lockfile v1`) and Berry (`__metadata:`), read with Yarn's own parser
 * (@yarnpkg/parsers' parseSyml). Keys are comma-joined descriptors (`lodash@^4.17.0, lodash@^4.17.21`,
 * `"@s/b@npm:^1.0.0"`); neither format records install locations, so a name locked at two versions is ambiguous.
 */
import { parseSyml } from '@yarnpkg/parsers';
import { LockAnswer } from './package-lock';

export function versionFromYarnLock(text: string, name: string): LockAnswer {
  let lock: Record<string, unknown>;
  try {
    lock = parseSyml(text) as Record<string, unknown>;
  } catch (error) {
    return { problem: `cannot be parsed (${String(error).slice(0, 120)})` };
  }
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(lock)) {
    if (key === '__metadata' || typeof value !== 'object' || value === null) {
      continue;
    }
    const entry = value as Record<string, unknown>;
    const descriptors = key.split(',').map((d) => d.trim());
    if (!descriptors.some((descriptor) => descriptorName(descriptor) === name) || typeof entry.version !== 'string') {
      continue;
    }
    const resolution = typeof entry.resolution === 'string' ? entry.resolution : undefined;
    if (resolution !== undefined && !resolution.includes('@npm:')) {
      // workspace:, patch:, git, file: — not the registry's copy.
      continue;
    }
    const real = resolution ? descriptorName(resolution) : name;
    found.set(`${real}@${entry.version}`, real);
  }
  const answers = [...found.keys()];
  if (answers.length === 0) {
    return undefined;
  }
  if (answers.length > 1) {
    return {
      problem: `locks ${name} at several versions (${answers.join(', ')}) and does not say which is installed where`,
    };
  }
  const [only] = answers;
  return { name: found.get(only)!, version: only.slice(only.lastIndexOf('@') + 1) };
}

/** `@s/b@npm:^1` → `@s/b`; `lodash@^4` → `lodash`. */
function descriptorName(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? descriptor : descriptor.slice(0, at);
}
