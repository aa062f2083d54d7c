/**
 * The distribution and version a Python frame ran: the import name is matched to a pinned distribution
 * (normalized equal, or the distribution named `python-<import>` / `py<import>`), pins read from the service's
 * uv.lock, poetry.lock, Pipfile.lock, then its requirements files (`-r` includes followed, two levels deep).
 */
import { MAX_LOCK_FILE_CHARS, ReadLockFile } from '../locks/lock-result';
import {
  Pins,
  normalizeDistribution,
  pinsFromPipfileLock,
  pinsFromRequirements,
  pinsFromTomlLock,
} from '../locks/python-locks';

export type PythonVersion =
  { distribution: string; version: string; source: string } | { version?: undefined; tried: string[] };

const FULL_LOCKS: Array<{ file: string; read: (text: string) => Pins }> = [
  { file: 'uv.lock', read: pinsFromTomlLock },
  { file: 'poetry.lock', read: pinsFromTomlLock },
  { file: 'Pipfile.lock', read: pinsFromPipfileLock },
];

export const REQUIREMENTS_FILES = [
  'requirements.txt',
  'requirements.lock',
  'requirements/base.txt',
  'requirements/prod.txt',
];
const MAX_INCLUDE_DEPTH = 2;

export async function pythonVersion(
  importName: string,
  read: ReadLockFile,
  requirementsFiles: readonly string[] = REQUIREMENTS_FILES
): Promise<PythonVersion> {
  const tried: string[] = [];
  const look = (file: string, pins: Pins): PythonVersion | undefined => {
    const match = matchDistribution(importName, pins);
    if (match) {
      return { distribution: match, version: pins.get(match)!, source: file };
    }
    tried.push(`${file}: no pin for a distribution named like ${importName}`);
    return undefined;
  };
  for (const lock of FULL_LOCKS) {
    const text = await readBounded(read, lock.file, tried);
    if (text === undefined) {
      continue;
    }
    let pins: Pins;
    try {
      pins = lock.read(text);
    } catch (error) {
      tried.push(`${lock.file}: cannot be parsed (${String(error).slice(0, 120)})`);
      continue;
    }
    const found = look(lock.file, pins);
    if (found) {
      return found;
    }
  }
  const seen = new Set<string>();
  const visit = async (file: string, depth: number): Promise<PythonVersion | undefined> => {
    if (seen.has(file) || depth > MAX_INCLUDE_DEPTH) {
      return undefined;
    }
    seen.add(file);
    const text = await readBounded(read, file, tried);
    if (text === undefined) {
      return undefined;
    }
    const { pins, includes } = pinsFromRequirements(text);
    const found = look(file, pins);
    for (const include of found ? [] : includes) {
      const resolved = joinRelative(file, include);
      const inner = resolved && (await visit(resolved, depth + 1));
      if (inner) {
        return inner;
      }
    }
    return found;
  };
  for (const file of requirementsFiles) {
    const found = await visit(file, 0);
    if (found) {
      return found;
    }
  }
  return { tried };
}

async function readBounded(read: ReadLockFile, file: string, tried: string[]): Promise<string | undefined> {
  const text = await read(file);
  if (text === undefined) {
    tried.push(`${file}: none`);
  } else if (text.length > MAX_LOCK_FILE_CHARS) {
    tried.push(`${file}: larger than ${MAX_LOCK_FILE_CHARS} characters, not read`);
    return undefined;
  }
  return text;
}

function matchDistribution(importName: string, pins: Pins): string | undefined {
  const name = normalizeDistribution(importName);
  return [name, `python-${name}`, `py${name}`].find((candidate) => pins.has(candidate));
}

/** `-r common.txt` inside `requirements/prod.txt` is `requirements/common.txt`; climbing out is refused. */
function joinRelative(from: string, include: string): string | undefined {
  const parts = [...from.split('/').slice(0, -1), ...include.split('/')].filter((p) => p !== '.' && p !== '');
  return parts.includes('..') || include.startsWith('/') || include.includes('://') ? undefined : parts.join('/');
}
