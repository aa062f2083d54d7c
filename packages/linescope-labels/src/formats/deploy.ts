import { LabelsError } from '../errors';
import type { SourceLabels } from '../labels';
import { ANNOTATION_PREFIX, DOCKER_ROOT_PATH, OCI_REVISION, OCI_SOURCE, shellWord } from './labelNames';

/** `docker build` / `docker run` arguments: OCI's source and revision image labels, plus the root path. */
export function renderDocker(labels: SourceLabels): string {
  const pairs: Array<[string, string]> = [
    [OCI_SOURCE, labels.repository],
    [OCI_REVISION, labels.gitRef],
  ];
  if (labels.rootPath !== '') {
    pairs.push([DOCKER_ROOT_PATH, labels.rootPath]);
  }
  return pairs.map(([key, value]) => `--label ${shellWord(`${key}=${value}`)}`).join(' ') + '\n';
}

/**
 * Pod annotations as a strategic-merge patch of a workload's pod template (`kubectl patch deployment/x --patch`),
 * also fit to paste under `spec.template.metadata` of a manifest. Values are JSON strings, which YAML reads as is.
 */
export function renderKubernetes(labels: SourceLabels): string {
  const annotations: Array<[string, string]> = [
    [`${ANNOTATION_PREFIX}service_repository`, labels.repository],
    [`${ANNOTATION_PREFIX}service_git_ref`, labels.gitRef],
  ];
  if (labels.rootPath !== '') {
    annotations.push([`${ANNOTATION_PREFIX}service_root_path`, labels.rootPath]);
  }
  return [
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    ...annotations.map(([key, value]) => `        ${key}: ${JSON.stringify(value)}`),
    '',
  ].join('\n');
}

export type Discovery = 'docker' | 'kubernetes';

/** Prometheus-style discovery turns every character a label name cannot hold into `_`. */
export const sanitiseLabelName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

const META_PREFIX: Record<Discovery, string> = {
  docker: '__meta_docker_container_label_',
  kubernetes: '__meta_kubernetes_pod_annotation_',
};

/** The meta labels `discovery.docker` / `discovery.kubernetes` (role pod) give the labels the other formats write. */
export function sourceMetaLabels(discovery: Discovery): Record<'repository' | 'gitRef' | 'rootPath', string> {
  const names =
    discovery === 'docker'
      ? { repository: OCI_SOURCE, gitRef: OCI_REVISION, rootPath: DOCKER_ROOT_PATH }
      : {
          repository: `${ANNOTATION_PREFIX}service_repository`,
          gitRef: `${ANNOTATION_PREFIX}service_git_ref`,
          rootPath: `${ANNOTATION_PREFIX}service_root_path`,
        };
  return {
    repository: META_PREFIX[discovery] + sanitiseLabelName(names.repository),
    gitRef: META_PREFIX[discovery] + sanitiseLabelName(names.gitRef),
    rootPath: META_PREFIX[discovery] + sanitiseLabelName(names.rootPath),
  };
}

export interface AlloyOptions {
  discovery: Discovery;
  /** The expression giving the discovered targets; default `discovery.docker.containers.targets` / `…pods…`. */
  targets?: string;
  /** The component's label. */
  name: string;
}

const DEFAULT_TARGETS: Record<Discovery, string> = {
  docker: 'discovery.docker.containers.targets',
  kubernetes: 'discovery.kubernetes.pods.targets',
};

/**
 * A Grafana Alloy `discovery.relabel` block copying the image labels (Docker) or pod annotations (Kubernetes) into
 * `service_repository` / `service_git_ref` / `service_root_path` on every target it passes on, for
 * `pyroscope.scrape` or `pyroscope.ebpf`. It needs no checkout: it is the same for every build.
 */
export function renderAlloy(options: AlloyOptions): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.name)) {
    throw new LabelsError(`--name "${options.name}" is not an Alloy component label (letters, digits, _)`);
  }
  const meta = sourceMetaLabels(options.discovery);
  const targets = options.targets ?? DEFAULT_TARGETS[options.discovery];
  const rule = (source: string, target: string) => [
    '  rule {',
    `    source_labels = [${JSON.stringify(source)}]`,
    // Only a non-empty value replaces: a target without the label keeps what it had.
    '    regex         = "(.+)"',
    `    target_label  = ${JSON.stringify(target)}`,
    '  }',
  ];
  const from = options.discovery === 'docker' ? 'image (or container) labels' : 'pod annotations';
  return [
    `// Copies the ${from} written by linescope-labels into the labels Pyroscope reads.`,
    `// Use it as targets = discovery.relabel.${options.name}.output in pyroscope.scrape or pyroscope.ebpf.`,
    `discovery.relabel ${JSON.stringify(options.name)} {`,
    `  targets = ${targets}`,
    '',
    ...rule(meta.repository, 'service_repository'),
    ...rule(meta.gitRef, 'service_git_ref'),
    ...rule(meta.rootPath, 'service_root_path'),
    '}',
    '',
  ].join('\n');
}
