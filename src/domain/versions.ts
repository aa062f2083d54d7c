import type { FunctionDetails, FunctionVersion, SourceVersion } from './model';
import { shortRef } from './repository';

// Each pprof mapping of the function is one version (normally one deployed commit). Its source location comes from
// a user override when there is one, else the build id JSON Pyroscope stamped at ingest, else the service's labels.

export type VersionOrigin = 'override' | 'build-id' | 'labels' | 'none';

export interface VersionChoice {
  key: string;
  function: FunctionVersion;
  version?: SourceVersion;
  origin: VersionOrigin;
  /** With an override: the version the profile (build id, else labels) gave, which the override replaced. */
  replaced?: SourceVersion;
  /** Share of the function's total over all versions. */
  share: number;
}

export function versionChoices(
  details: FunctionDetails,
  /** What the service's labels say (pyroscope/versionLabels reads them). */
  fromLabels: { version: SourceVersion } | undefined,
  override?: SourceVersion
): VersionChoice[] {
  return details.versions.map((fv) => {
    const stamped = fv.version?.repository ? fv.version : undefined;
    const version = override ?? stamped ?? fromLabels?.version;
    return {
      key: fv.key,
      function: fv,
      version,
      origin: override ? 'override' : stamped ? 'build-id' : version ? 'labels' : 'none',
      replaced: override ? (stamped ?? fromLabels?.version) : undefined,
      share: details.total > 0 ? fv.total / details.total : 0,
    };
  });
}

/** A choice's name, worded by the panel (function-details/versionNames.ts). */
export type VersionName =
  | { kind: 'ref'; ref: string }
  /** No version known: its place among the choices (1-based). */
  | { kind: 'unknown'; place: number }
  | { kind: 'profiled-as'; ref: string; profiled: string }
  | { kind: 'place'; ref: string; place: number; of: number };

/**
 * How each choice is named in the commit choice: its ref, and when several choices share that ref (an override gives
 * every version the same one) what tells them apart: the ref the profile gave it, else its place among the versions.
 */
export function choiceNames(choices: Array<Pick<VersionChoice, 'version' | 'replaced'>>): VersionName[] {
  const refs = choices.map((c) => (c.version?.gitRef ? shortRef(c.version.gitRef) : undefined));
  return refs.map((ref, i): VersionName => {
    if (ref === undefined) {
      return { kind: 'unknown', place: i + 1 };
    }
    const sharing = choices.filter((_, j) => refs[j] === ref);
    if (sharing.length < 2) {
      return { kind: 'ref', ref };
    }
    const profiled = sharing.map((c) => (c.replaced?.gitRef ? shortRef(c.replaced.gitRef) : ''));
    const profiledTellApart =
      profiled.every((p) => p !== '' && p !== ref) && new Set(profiled).size === profiled.length;
    const own = choices[i].replaced?.gitRef;
    return profiledTellApart && own
      ? { kind: 'profiled-as', ref, profiled: shortRef(own) }
      : { kind: 'place', ref, place: i + 1, of: choices.length };
  });
}
