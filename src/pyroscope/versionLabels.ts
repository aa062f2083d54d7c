import type { SourceVersion } from '../domain/model';

// Where a profile's mappings carry no version JSON, the service's labels may name the source; they may also give the
// language runtime's version. Pure resolution: the caller fetches LabelNames / LabelValues; this decides which labels
// count and what they say.

/**
 * Label names per field, most specific first: Pyroscope's own, then OpenTelemetry's, then other tools', then what
 * relabelling leaves when it keeps the OCI image label names, and Go's embedded `vcs.revision`.
 */
export const VERSION_LABELS = {
  repository: [
    'service_repository',
    'vcs_repository_url_full',
    'git_repository_url',
    'org_opencontainers_image_source',
  ],
  gitRef: [
    'service_git_ref',
    'vcs_ref_head_revision',
    'git_commit_sha',
    'org_opencontainers_image_revision',
    'vcs_revision',
  ],
  rootPath: ['service_root_path'],
} as const;

/**
 * The language runtime's version (Node's `v20.20.2`, Ruby's `3.1.2`), which the source server needs for the runtime's
 * own library when no `.pyroscope.yaml` mapping names a ref: Linescope's label, then OpenTelemetry's
 * `process.runtime.version` as Pyroscope's label names spell it.
 */
export const RUNTIME_VERSION_LABELS = ['service_runtime_version', 'process_runtime_version'] as const;

export const ALL_VERSION_LABELS: string[] = [
  ...VERSION_LABELS.repository,
  ...VERSION_LABELS.gitRef,
  ...VERSION_LABELS.rootPath,
  ...RUNTIME_VERSION_LABELS,
];

/** The version labels that exist for a selection, so only those are asked for their values. */
export function versionLabelsPresent(labelNames: string[]): string[] {
  const present = new Set(labelNames);
  return ALL_VERSION_LABELS.filter((name) => present.has(name));
}

export interface LabelVersion {
  version: SourceVersion;
  /** Which label each field came from. */
  from: { repository: string; gitRef?: string; rootPath?: string };
  /** Fields whose label had several values in the selection: the first (sorted) value is used. */
  ambiguous: Array<'repository' | 'gitRef' | 'rootPath'>;
}

type Field = keyof typeof VERSION_LABELS;
/** LabelValues answers, keyed by label name. */
type ValuesByLabel = Record<string, string[] | undefined>;

export interface LabelValue {
  label: string;
  value: string;
  /** The label had several values in the selection: `value` is the first (sorted). */
  ambiguous: boolean;
}

/** The first of `labels` with a non-blank value. */
function firstLabelValue(labels: readonly string[], valuesByLabel: ValuesByLabel): LabelValue | undefined {
  for (const label of labels) {
    const values = (valuesByLabel[label] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length > 0) {
      return { label, value: [...values].sort()[0], ambiguous: new Set(values).size > 1 };
    }
  }
  return undefined;
}

/** The runtime version the labels give (sent as GetFile's `runtime_version`); undefined when none has a value. */
export function runtimeVersionFromLabels(valuesByLabel: ValuesByLabel): LabelValue | undefined {
  return firstLabelValue(RUNTIME_VERSION_LABELS, valuesByLabel);
}

/** Undefined when no repository label has a value. */
export function resolveVersionFromLabels(valuesByLabel: ValuesByLabel): LabelVersion | undefined {
  const pick = (field: Field) => firstLabelValue(VERSION_LABELS[field], valuesByLabel);
  const repository = pick('repository');
  if (!repository) {
    return undefined;
  }
  const gitRef = pick('gitRef');
  const rootPath = pick('rootPath');
  const ambiguous: LabelVersion['ambiguous'] = [];
  for (const [field, picked] of [
    ['repository', repository],
    ['gitRef', gitRef],
    ['rootPath', rootPath],
  ] as const) {
    if (picked?.ambiguous) {
      ambiguous.push(field);
    }
  }
  return {
    version: { repository: repository.value, gitRef: gitRef?.value ?? '', rootPath: rootPath?.value ?? '' },
    from: { repository: repository.label, gitRef: gitRef?.label, rootPath: rootPath?.label },
    ambiguous,
  };
}
