/**
 * The version of the package an npm frame lies in: from the path (pnpm, Yarn PnP), else from the service's lock
 * files at the profile's commit, in npm's order of trust: npm-shrinkwrap.json, package-lock.json (v1–v3),
 * yarn.lock, pnpm-lock.yaml. Every file read and what it said is kept for "Why no source?".
 */
import { MAX_LOCK_FILE_CHARS, ReadLockFile } from '../locks/lock-result';
import { LockAnswer, versionFromPackageLock } from '../locks/package-lock';
import { versionFromPnpmLock } from '../locks/pnpm-lock';
import { versionFromYarnLock } from '../locks/yarn-lock';
import { isNpmName, NpmFrame } from './frame';

export type NpmVersion = { name: string; version: string; source: string } | { version?: undefined; tried: string[] };

const LOCKS: Array<{ file: string; read: (text: string, frame: NpmFrame) => LockAnswer }> = [
  { file: 'npm-shrinkwrap.json', read: (text, frame) => versionFromPackageLock(text, frame.lockKey, frame.name) },
  { file: 'package-lock.json', read: (text, frame) => versionFromPackageLock(text, frame.lockKey, frame.name) },
  { file: 'yarn.lock', read: (text, frame) => versionFromYarnLock(text, frame.name) },
  { file: 'pnpm-lock.yaml', read: (text, frame) => versionFromPnpmLock(text, frame.name) },
];

export async function npmVersion(frame: NpmFrame, read: ReadLockFile): Promise<NpmVersion> {
  if (frame.version) {
    return { name: frame.name, version: frame.version, source: 'the frame path' };
  }
  const tried: string[] = [];
  for (const lock of LOCKS) {
    const text = await read(lock.file);
    if (text === undefined) {
      tried.push(`${lock.file}: none`);
      continue;
    }
    if (text.length > MAX_LOCK_FILE_CHARS) {
      tried.push(`${lock.file}: larger than ${MAX_LOCK_FILE_CHARS} characters, not read`);
      continue;
    }
    const answer = lock.read(text, frame);
    const unusable = answer && 'version' in answer ? notOnRegistry(answer, frame) : undefined;
    if (answer && 'version' in answer && !unusable) {
      return { ...answer, source: lock.file };
    }
    tried.push(
      `${lock.file}: ${unusable ?? (answer && 'problem' in answer ? answer.problem : `no entry for ${frame.lockKey}`)}`
    );
  }
  return { tried };
}

/** Semantic versions, as every version published to an npm registry is (no `file:`, `git+…`, paths). */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Why a lock file's answer names nothing a registry could serve (a repository's lock is untrusted input). */
function notOnRegistry(answer: { name: string; version: string }, frame: NpmFrame): string | undefined {
  if (!isNpmName(answer.name)) {
    return `names ${JSON.stringify(answer.name)} for ${frame.lockKey}, not an npm package name`;
  }
  return VERSION.test(answer.version)
    ? undefined
    : `locks ${frame.lockKey} at ${JSON.stringify(answer.version)}, not a version on a registry`;
}
