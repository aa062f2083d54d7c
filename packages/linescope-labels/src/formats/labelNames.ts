import { LabelsError } from '../errors';
import type { SourceLabels } from '../labels';

/** Pyroscope's label names; an empty root path is left out, as Pyroscope leaves out empty fields. */
export function labelEntries(labels: SourceLabels): Array<[string, string]> {
  const entries: Array<[string, string]> = [
    ['service_repository', labels.repository],
    ['service_git_ref', labels.gitRef],
  ];
  if (labels.rootPath !== '') {
    entries.push(['service_root_path', labels.rootPath]);
  }
  return entries;
}

/**
 * The language runtime's version, which the source server needs for Node's `node:` and Ruby's `<internal:…>` frames.
 * Only the formats that run inside the service write it, read from the runtime there: a value fixed at build time
 * could name another release than the one that runs in production.
 */
export const RUNTIME_VERSION_LABEL = 'service_runtime_version';

/** Container image labels (OCI's names where OCI has one) and pod annotations (the Pyroscope Helm chart's names). */
export const OCI_SOURCE = 'org.opencontainers.image.source';
export const OCI_REVISION = 'org.opencontainers.image.revision';
export const DOCKER_ROOT_PATH = 'profiles.grafana.com.service_root_path';
export const ANNOTATION_PREFIX = 'profiles.grafana.com/';

/** `key=value,key=value` as PYROSCOPE_LABELS and the Java agent's `pyroscope.labels` read it: no escaping exists. */
export function commaSeparatedPairs(entries: Array<[string, string]>, format: string): string {
  for (const [key, value] of entries) {
    if (/[,=\n]/.test(value)) {
      throw new LabelsError(`${key} "${value}" contains "," "=" or a newline, which the ${format} format cannot carry`);
    }
  }
  return entries.map(([key, value]) => `${key}=${value}`).join(',');
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word: bare when nothing in it is special to the shell, else single-quoted. */
export function shellWord(value: string): string {
  return SHELL_SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
