/**
 * `.pyroscope.yaml`'s mappings as the resolver uses them, and which of them match a frame. Parsing and validation
 * are in config.ts; this part knows no language, so the language rules can use it.
 */
import { framePathForms } from './frame-path';

/** A `language:` name of `.pyroscope.yaml`: one of those the language table lists (languages/index.ts). */
export type Language = string;

export type MappingSource =
  | { local: { path: string } }
  /**
   * Another repository on a Git host, as `source.<key>` names it (`github` is Pyroscope's; Linescope adds the other
   * hosts' keys): the host table entry with that key reads its fields into the repository's path below its web URL.
   */
  | { host: HostSource }
  /**
   * Linescope: frames under the prefix come from a package registry first (the package and version from the frame
   * and the lock files, as without the mapping), or never (`off`).
   */
  | { registry: { name: MappedRegistry } }
  /** Linescope: Java sources from the `-sources.jar` of these Maven coordinates (`group:artifact:version`). */
  | { maven: { coordinates: string } };

export interface HostSource {
  /** The key under `source:` (`github`, `gitlab`…). */
  key: string;
  /** The repository's path below the host's web URL (`owner/repo`, `group/subgroup/project`…). */
  repositoryPath: string;
  /** A branch, tag or commit ('' = the default branch). */
  ref: string;
  /** The folder in that repository the rest of the frame path is under. */
  path: string;
}

/** The registries a `registry:` mapping may name (Maven's has coordinates of its own), or `off`. */
export const MAPPED_REGISTRIES = ['goproxy', 'npm', 'rubygems', 'pypi', 'off'] as const;
export type MappedRegistry = (typeof MAPPED_REGISTRIES)[number];

export interface Mapping {
  /** Position in the file (0-based), used for ties and in messages. */
  index: number;
  pathPrefixes: string[];
  functionNamePrefixes: string[];
  language: Language;
  source: MappingSource;
}

export interface PyroscopeConfig {
  version: 'v1';
  mappings: Mapping[];
}

export interface MappingMatch {
  mapping: Mapping;
  /** Length of the longest matching prefix. */
  score: number;
  /** Length of the longest matching *path* prefix (-1 when only function_name matched). */
  pathPrefixLength: number;
  /**
   * The frame's path after that prefix, in the form the prefix matched (as given, or unwrapped: see
   * frame-path.ts); the whole unwrapped path when only function_name matched.
   */
  rest: string;
}

/**
 * Every mapping whose path or function_name prefix matches, longest prefix first, ties in file order. A path
 * prefix matches the path unwrapped (`file:///app/x.js` as `/app/x.js`) or as the frame gives it.
 */
export function matchingMappings(
  config: PyroscopeConfig | undefined,
  path: string,
  functionName: string
): MappingMatch[] {
  const forms = framePathForms(path);
  const matches: MappingMatch[] = [];
  for (const mapping of config?.mappings ?? []) {
    let pathPrefixLength = -1;
    let functionPrefixLength = -1;
    let rest = forms[0];
    for (const prefix of mapping.functionNamePrefixes) {
      if (functionName.startsWith(prefix)) {
        functionPrefixLength = Math.max(functionPrefixLength, prefix.length);
      }
    }
    for (const prefix of mapping.pathPrefixes) {
      const form = forms.find((f) => f.startsWith(prefix));
      if (form !== undefined && prefix.length > pathPrefixLength) {
        pathPrefixLength = prefix.length;
        rest = form.slice(prefix.length);
      }
    }
    const score = Math.max(pathPrefixLength, functionPrefixLength);
    if (score >= 0) {
      matches.push({ mapping, score, pathPrefixLength, rest });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.mapping.index - b.mapping.index);
}

/** Pyroscope's single best mapping (strictly greater score wins, ties to the earlier one). */
export function bestMapping(
  config: PyroscopeConfig | undefined,
  path: string,
  functionName: string
): MappingMatch | undefined {
  return matchingMappings(config, path, functionName)[0];
}
