/**
 * Frames inside dependencies, read from their package registries (registries/): the language rules hand over the
 * dependency they recognised, this records the attempt (the registry, the package, the version, what it said)
 * and answers the file with the package's page as its URL. Lock files are read from the service's repository at
 * the profile's commit, under the root path, once per resolution.
 */
import { FileNotFoundError, FileRejectedError } from '../hosts/errors';
import { Dependency, parseCoordinates, readDependency } from '../registries/dependency';
import { ReadLockFile } from '../registries/locks/lock-result';
import { MappingMatch } from './mappings';
import { underRoot } from './paths';
import type { Resolution, Resolved } from './resolution';

export async function tryDependency(r: Resolution, dependency: Dependency | undefined): Promise<Resolved | undefined> {
  if (!dependency) {
    return undefined;
  }
  const rule = `registry:${dependency.registry}`;
  const registry = r.registriesOff ? undefined : r.registries?.get(dependency.registry);
  if (registry && dependency.ref && !r.spendFetch()) {
    return undefined;
  }
  const offReason = r.registriesOff
    ? 'a .pyroscope.yaml mapping says registry: off for this path'
    : (r.registries?.offReason(dependency.registry) ?? 'no package registries on this server');
  const read = await readDependency(dependency, registry, offReason);
  r.attempts.push({
    rule,
    repositoryUrl: read.attempt.where,
    ref: read.attempt.version,
    path: read.attempt.path,
    outcome: read.attempt.outcome,
  });
  if (!read.found) {
    return undefined;
  }
  return {
    content: read.content,
    url: read.pageUrl,
    repository: r.request.repository,
    ref: read.ref.version,
    path: read.ref.path,
    rule,
    packageSource: {
      registry: dependency.registry,
      name: read.ref.name,
      version: read.ref.version,
      platform: read.ref.platform,
    },
  };
}

/** Lock files of the service's repository at the profile's commit (under the root path), read once per resolution. */
export function lockReader(r: Resolution): ReadLockFile {
  return (path) =>
    r.remember(`lock:${path}`, async () => {
      if (!r.spendFetch()) {
        return undefined;
      }
      try {
        const file = await r.reader.readFile(r.request.repository, underRoot(r.request.rootPath, path), r.request.ref);
        return file.content.toString('utf8');
      } catch (error) {
        if (error instanceof FileNotFoundError || error instanceof FileRejectedError) {
          return undefined;
        }
        throw error;
      }
    });
}

/**
 * A `registry:` or `maven:` mapping, tried in its turn among the mappings: the frame's dependency as its language
 * reads it (`dependencyOf`), from the registry the mapping names; Maven's from the mapping's coordinates, at the
 * class's file (`rel`, the package as folders).
 */
export async function tryMappedRegistry(
  r: Resolution,
  match: MappingMatch,
  rel: string,
  dependencyOf: ((r: Resolution) => Promise<Dependency | undefined>) | undefined
): Promise<Resolved | undefined> {
  const source = match.mapping.source;
  if ('maven' in source) {
    const { groupId, artifactId, version } = parseCoordinates(source.maven.coordinates);
    const ref = { name: `${groupId}:${artifactId}`, version, path: rel };
    return tryDependency(r, { registry: 'maven', ref, versionFrom: '.pyroscope.yaml' });
  }
  if (!('registry' in source) || source.registry.name === 'off') {
    return undefined;
  }
  const dependency = await dependencyOf?.(r);
  if (!dependency || dependency.registry !== source.registry.name) {
    r.attempts.push({
      rule: `mapping:registry[${match.mapping.index}]`,
      repositoryUrl: source.registry.name,
      ref: '',
      path: rel,
      outcome: `not_found: the frame is not inside a ${source.registry.name} package (${match.mapping.language} frames: ${dependencyOf ? 'no package in its path' : 'no registry'})`,
    });
    return undefined;
  }
  return tryDependency(r, dependency);
}

/** Whether a matching mapping keeps this frame away from every registry (`registry: off`). */
export function registriesOffFor(matches: readonly MappingMatch[]): boolean {
  return matches.some(({ mapping }) => 'registry' in mapping.source && mapping.source.registry.name === 'off');
}
