/**
 * How a host's repositories are named outside repository URLs: by the fields of a `.pyroscope.yaml` mapping, and by
 * Go module paths. Each host's table entry says its own shapes (hosts/<host>/entry.ts); resolution reads them here
 * and names no host. Both give a repository as its path below the host's web URL (`owner/repo`, `group/sub/project`),
 * which the host's repository URL rules then read (hosts/repository.ts).
 */
import type { KnownHost } from '@linescope/repository-url';
import { isRepositoryName } from './repository';

/** A field of a mapping's source as the `.pyroscope.yaml` reference shows it. */
export interface HostMappingField {
  key: string;
  type: string;
  meaning: string;
}

/** `.pyroscope.yaml`'s `source.<key>`: files of another repository on the host, at `ref`, below `path`. */
export interface HostMapping {
  /** The key under `source:` (`github`, `gitlab`…). */
  key: string;
  /** The fields that name the repository; `ref` and `path` come beside them for every host. */
  fields: HostMappingField[];
  /** A whole mapping using the key, as YAML (one list entry), for the reference and its test. */
  example: string;
  /** The repository's path below the host's web URL, or what is wrong with the fields, as a sentence. */
  repositoryPath(fields: Readonly<Record<string, string>>): string | { problem: string };
  /** The variables a server sets to read the host, said when a mapping names it and it is not configured. */
  setup: string;
}

/** Where a Go module lives on the host: the repository (its path below the web URL) and the module's folder in it. */
export interface ModuleRepository {
  repositoryPath: string;
  /** The module's folder in the repository ('' at its root), a major-version suffix (`/v2`) left out. */
  subdir: string;
}

/** Go module paths that name the host's repositories (`go get` reads them from the host itself). */
export interface HostGoModules {
  /**
   * The repository of a module path on one of `names` (the host as repository URLs carry it, with its path
   * prefix), or undefined when the path names none of the host's repositories.
   */
  locate(modulePath: string, names: readonly KnownHost[]): ModuleRepository | undefined;
  /** The module path of a repository's root on one of the host's names (a -trimpath frame starts with it). */
  modulePath(repositoryPath: string, name: KnownHost): string;
}

/** A name of the host as a Go import path starts with it: `gitlab.com/`, `example.com/gitlab/`. */
export function importPathBase(name: KnownHost): string {
  return `${name.host.toLowerCase()}${(name.pathPrefix ?? '').replace(/\/+$/, '')}/`;
}

/** The segments of a module path after `base` (case-insensitive host), or undefined when it is not below it. */
export function segmentsBelow(modulePath: string, base: string): string[] | undefined {
  if (!modulePath.toLowerCase().startsWith(base)) {
    return undefined;
  }
  return modulePath
    .slice(base.length)
    .split('/')
    .filter((s) => s !== '');
}

/** A Go major-version suffix (`v2`, `v56`): part of the module path, not of the repository's layout. */
export function isMajorVersion(segment: string): boolean {
  return /^v\d+$/.test(segment);
}

/**
 * The path of a repository named by name fields (GitHub's `owner` and `repo`, or another host's words for them),
 * each a name of letters, digits, '.', '-' and '_' and never '.' or '..', or what is wrong with them.
 */
export function pathOfNames(
  key: string,
  names: readonly string[],
  fields: Readonly<Record<string, string>>
): string | { problem: string } {
  const values = names.map((name) => fields[name] ?? '');
  if (values.some((v) => v === '')) {
    return { problem: `a ${key} source needs ${names.join(' and ')}` };
  }
  if (!values.every(isRepositoryName)) {
    return {
      problem: `a ${key} source's ${names.join(' and ')} are names of letters, digits, '.', '-' and '_': '${values.join('/')}'`,
    };
  }
  return values.join('/');
}
