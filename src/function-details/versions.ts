import type { FunctionDetails, FunctionVersion, SourceVersion } from './model';
import type { LabelVersion } from '../pyroscope/versionLabels';

// Each pprof mapping of the function is one version (normally one deployed commit). Its source location comes from
// a user override when there is one, else the build id JSON Pyroscope stamped at ingest, else the service's labels.

export type VersionOrigin = 'override' | 'build-id' | 'labels' | 'none';

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

export function versionChoices(
  details: FunctionDetails,
  fromLabels: LabelVersion | undefined,
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
      share: details.total > 0 ? fv.total / details.total : 0,
    };
  });
}
