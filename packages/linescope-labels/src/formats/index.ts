import type { SourceLabels } from '../labels';
import { renderAlloy, renderDocker, renderKubernetes } from './deploy';
import { renderEnv } from './env';
import { renderGo, renderJava, renderNode, renderPython, renderRuby } from './sdk';

export const FORMATS = ['json', 'env', 'go', 'python', 'java', 'node', 'ruby', 'docker', 'k8s', 'alloy'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export interface RenderOptions {
  goPackage: string;
}

/** The formats that print the labels of a checkout (all but `alloy`, which is the same for every build). */
export function renderLabels(format: Exclude<Format, 'alloy'>, labels: SourceLabels, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          {
            service_repository: labels.repository,
            service_git_ref: labels.gitRef,
            service_root_path: labels.rootPath,
          },
          null,
          2
        ) + '\n'
      );
    case 'env':
      return renderEnv(labels);
    case 'go':
      return renderGo(labels, options.goPackage);
    case 'python':
      return renderPython(labels);
    case 'java':
      return renderJava(labels);
    case 'node':
      return renderNode(labels);
    case 'ruby':
      return renderRuby(labels);
    case 'docker':
      return renderDocker(labels);
    case 'k8s':
      return renderKubernetes(labels);
  }
}

export { renderAlloy };
