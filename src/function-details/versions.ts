import type { FunctionDetails, FunctionVersion, SourceVersion } from './model';
import type { LabelVersion } from '../pyroscope/versionLabels';

// Each pprof mapping of the function is one version (normally one deployed commit). Its source location comes from
// the build id JSON Pyroscope stamped at ingest; where that is missing, from the service's labels.

export type VersionOrigin = 'build-id' | 'labels' | 'none';

export interface VersionChoice {
  key: string;
  function: FunctionVersion;
  version?: SourceVersion;
  origin: VersionOrigin;
  /** Share of the function's total over all versions. */
  share: number;
}

export function needsLabelFallback(details: FunctionDetails): boolean {
  return details.versions.some((v) => !v.version?.repository);
}

export function versionChoices(details: FunctionDetails, fromLabels: LabelVersion | undefined): VersionChoice[] {
  return details.versions.map((fv) => {
    const stamped = fv.version?.repository ? fv.version : undefined;
    const version = stamped ?? fromLabels?.version;
    return {
      key: fv.key,
      function: fv,
      version,
      origin: stamped ? 'build-id' : version ? 'labels' : 'none',
      share: details.total > 0 ? fv.total / details.total : 0,
    };
  });
}
