/** A version looked up in lock files: found, or why not (each file read and what it said). */
export type VersionLookup = { version: string; source: string } | { version?: undefined; tried: string[] };

/** Reads a file of the service's repository at the profile's commit; undefined when there is none. */
export type ReadLockFile = (path: string) => Promise<string | undefined>;

/** Largest lock file read (bytes of text); larger ones are reported, not parsed. */
export const MAX_LOCK_FILE_CHARS = 32 * 1024 * 1024;
