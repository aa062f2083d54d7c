/**
 * Entry names inside downloaded archives are untrusted: a name that climbs out (`..`), is absolute (`/x`, `C:x`,
 * `\\x`) or hides a separator (`\`, NUL) makes the whole archive refused, as Go's module zips and the sdist
 * specification require; nothing is ever written to disk, but an index holding such a name would let a frame path
 * alias a file it does not name.
 */
export class ArchiveRejectedError extends Error {}

/** The entry's path with `./` segments and a directory's trailing `/` removed; throws ArchiveRejectedError. */
export function safeEntryPath(name: string): string {
  const refuse = (why: string): never => {
    throw new ArchiveRejectedError(`archive refused: entry ${JSON.stringify(name.slice(0, 200))} ${why}`);
  };
  if (name === '' || name.includes('\0')) {
    refuse('has an empty name or a NUL byte');
  }
  if (name.includes('\\')) {
    refuse('uses a backslash');
  }
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    refuse('is an absolute path');
  }
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) {
    refuse("climbs out with '..'");
  }
  const kept = segments.filter((segment) => segment !== '.');
  if (kept.length === 0 || kept.includes('')) {
    refuse('has an empty path element');
  }
  if (/^[A-Za-z]:/.test(kept[0])) {
    refuse('is an absolute path');
  }
  return kept.join('/');
}
