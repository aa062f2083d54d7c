/**
 * A frame inside a dependency, placed in its package at the exact version that ran: the package from the frame
 * path (each registry's frame reader), the version from the path or from the service's lock files at the
 * profile's commit. Then one registry read, recorded as an attempt that names the registry, the package and the
 * version, so that "Why no source?" says what was tried.
 */
import { CachedFile } from '../hosts/files';
import { ArchiveRejectedError } from './archive/entry-path';
import { moduleFileByRequirement, moduleFileOfFrame, Requirement } from './goproxy/frame';
import { ReadLockFile } from './locks/lock-result';
import { npmFrameOf } from './npm/frame';
import { npmVersion } from './npm/version';
import { pythonFrameOf } from './pypi/frame';
import { pythonVersion } from './pypi/version';
import { PackageFileRef, PackageNotFoundError, PackageRegistry, RegistryKind } from './registry';
import { gemFrameOf } from './rubygems/frame';

/** Maven coordinates as `.pyroscope.yaml`'s maven source names them (resolve/ reads them only through here). */
export { parseCoordinates } from './maven/coordinates';

/** The package a frame lies in; `ref` absent when its version could not be found (`tried` says where). */
export type Dependency =
  | { registry: RegistryKind; ref: PackageFileRef; versionFrom: string }
  | { registry: RegistryKind; ref?: undefined; name: string; path: string; tried: string[] };

/** Go: module cache or -trimpath frames, else a versionless import path placed by go.mod's requirements. */
export function goDependency(framePath: string, requirements: readonly Requirement[] = []): Dependency | undefined {
  const inFrame = moduleFileOfFrame(framePath);
  const file = inFrame ?? moduleFileByRequirement(framePath, requirements);
  return (
    file && {
      registry: 'goproxy',
      ref: { name: file.module, version: file.version, path: file.path },
      versionFrom: inFrame ? 'the frame path' : 'go.mod',
    }
  );
}

export async function npmDependency(framePath: string, readLock: ReadLockFile): Promise<Dependency | undefined> {
  const frame = npmFrameOf(framePath);
  if (!frame) {
    return undefined;
  }
  const found = await npmVersion(frame, readLock);
  return found.version === undefined
    ? { registry: 'npm', name: frame.name, path: frame.path, tried: found.tried }
    : {
        registry: 'npm',
        ref: { name: found.name, version: found.version, path: frame.path },
        versionFrom: found.source,
      };
}

export function gemDependency(framePath: string): Dependency | undefined {
  const frame = gemFrameOf(framePath);
  return frame && { registry: 'rubygems', ref: frame, versionFrom: 'the frame path' };
}

export async function pythonDependency(framePath: string, readLock: ReadLockFile): Promise<Dependency | undefined> {
  const frame = pythonFrameOf(framePath);
  if (!frame) {
    return undefined;
  }
  const found = await pythonVersion(frame.importName, readLock);
  return found.version === undefined
    ? { registry: 'pypi', name: frame.importName, path: frame.path, tried: found.tried }
    : {
        registry: 'pypi',
        ref: { name: found.distribution, version: found.version, path: frame.path },
        versionFrom: found.source,
      };
}

export interface RegistryAttempt {
  rule: string;
  /** The registry and package as people read them ("the npm registry: ms"). */
  where: string;
  version: string;
  path: string;
  outcome: string;
}

export type RegistryRead =
  | { found: true; content: Buffer; pageUrl: string; ref: PackageFileRef; attempt: RegistryAttempt }
  | { found: false; attempt: RegistryAttempt; error?: unknown };

/**
 * Reads the dependency's file from its registry (undefined `registry`: switched off, `offReason` says how).
 * Misses, refused archives and unusable files become the attempt's outcome; other failures are returned in
 * `error` for the caller's error policy (rate limits, timeouts).
 */
export async function readDependency(
  dependency: Dependency,
  registry: PackageRegistry | undefined,
  offReason: string,
  signal?: AbortSignal
): Promise<RegistryRead> {
  const rule = `registry:${dependency.registry}`;
  if (!dependency.ref) {
    const outcome = `not_found: no version for ${dependency.name} (${dependency.tried.join('; ')})`;
    return { found: false, attempt: { rule, where: dependency.name, version: '', path: dependency.path, outcome } };
  }
  const { ref } = dependency;
  const attempt: RegistryAttempt = {
    rule,
    where: registry ? `${registry.title}: ${ref.name}` : ref.name,
    version: ref.version,
    path: ref.path,
    outcome: 'found',
  };
  if (!registry) {
    return { found: false, attempt: { ...attempt, outcome: `skipped: ${offReason}` } };
  }
  try {
    const read = await registry.readFile(ref, signal);
    if (read.file.kind === 'file') {
      return { found: true, content: read.file.content, pageUrl: read.pageUrl, ref, attempt };
    }
    return { found: false, attempt: { ...attempt, outcome: outcomeOf(read.file) } };
  } catch (error) {
    if (error instanceof PackageNotFoundError) {
      return { found: false, attempt: { ...attempt, outcome: `not_found: ${error.message}` } };
    }
    if (error instanceof ArchiveRejectedError) {
      return { found: false, attempt: { ...attempt, outcome: `rejected: ${error.message}` } };
    }
    return { found: false, attempt: { ...attempt, outcome: `error: ${errorText(error)}` }, error };
  }
}

function outcomeOf(file: Exclude<CachedFile, { kind: 'file' }>): string {
  return file.kind === 'missing' ? `not_found: ${file.message}` : `rejected: ${file.message}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
