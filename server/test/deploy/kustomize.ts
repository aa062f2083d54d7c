/**
 * What `kustomize build <dir>` makes of deploy/kubernetes/ (no kustomize binary or library runs on Node), for the
 * fields our kustomizations use; any other field is refused so that this never silently differs from kustomize (its
 * output was compared equal to `kubectl kustomize`'s, kustomize v5.5.0, for both kustomizations). And
 * the Kubernetes API's strict JSON schemas (vendored in schemas/, see its README) to check the result against.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { parseAllDocuments } from 'yaml';

export type Resource = Record<string, any> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
};

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'labels', 'images', 'configMapGenerator']);

/** Parses every YAML document of a file, refusing syntax errors. */
export function readYamlDocuments(file: string): any[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    return doc.toJS();
  });
}

export function readKustomization(dir: string): Record<string, any> {
  const [kustomization] = readYamlDocuments(path.join(dir, 'kustomization.yaml'));
  for (const field of Object.keys(kustomization)) {
    if (!KNOWN_FIELDS.has(field)) {
      throw new Error(`${dir}/kustomization.yaml: '${field}' is not assembled by server/test/deploy/kustomize.ts`);
    }
  }
  return kustomization;
}

/** `kustomize build dir`: resources (files or directories), generated ConfigMaps, then labels and images. */
export function kustomizeBuild(dir: string): Resource[] {
  const kustomization = readKustomization(dir);
  const resources: Resource[] = (kustomization.resources ?? []).flatMap((entry: string) => {
    const target = path.join(dir, entry);
    return entry.endsWith('.yaml') || entry.endsWith('.yml') ? readYamlDocuments(target) : kustomizeBuild(target);
  });
  for (const generator of kustomization.configMapGenerator ?? []) {
    resources.push(configMap(dir, generator));
  }
  for (const { pairs, includeSelectors, includeTemplates, ...rest } of kustomization.labels ?? []) {
    if (includeSelectors || includeTemplates || Object.keys(rest).length > 0) {
      throw new Error('labels: only plain pairs (metadata labels) are assembled here');
    }
    for (const resource of resources) {
      resource.metadata.labels = { ...resource.metadata.labels, ...pairs };
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const container of resources.flatMap(podContainers)) {
      if (imageName(container.image) === image.name) {
        container.image = `${image.newName ?? image.name}:${image.newTag}`;
      }
    }
  }
  return resources;
}

function configMap(dir: string, generator: Record<string, any>): Resource {
  const { name, files, options, ...rest } = generator;
  if (Object.keys(rest).length > 0 || options?.disableNameSuffixHash !== true) {
    // kustomize's hash suffix is not reproduced here: generated names stay fixed.
    throw new Error(`configMapGenerator ${name}: only files with disableNameSuffixHash are assembled here`);
  }
  const data: Record<string, string> = {};
  for (const entry of files as string[]) {
    const [key, file] = entry.includes('=') ? entry.split('=', 2) : [path.basename(entry), entry];
    data[key] = readFileSync(path.join(dir, file), 'utf8');
  }
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { ...options.labels } }, data };
}

/** The containers of a workload's pod template (or of a Pod). */
export function podContainers(resource: Resource): Array<Record<string, any>> {
  const pod = resource.kind === 'Pod' ? resource.spec : resource.spec?.template?.spec;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}

/** The image without its tag or digest (a registry port's colon is kept). */
export function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
}

/** The CRDs use Go's inline case-insensitive flag `(?i)`, which JavaScript spells as a flag. */
const goRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const caseless = pattern.replace(/\(\?i\)/g, '');
    return new RegExp(caseless, caseless === pattern ? flags : `${flags}i`);
  },
  { code: 'goRegExp' }
);

const SCHEMAS = path.join(__dirname, 'schemas');
export const KUBERNETES_SCHEMA_VERSION = 'v1.33.0-local-strict';

/** Validates resources against the vendored strict schemas of their apiVersion and kind. */
export class SchemaValidator {
  private readonly ajv = new Ajv2020({
    allErrors: true,
    // The schemas carry Kubernetes' own keywords (x-kubernetes-*) and formats (int32, byte); the data is what is
    // checked strictly (additionalProperties: false in every object of the strict schemas).
    strict: false,
    validateFormats: false,
    code: { regExp: goRegExp },
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const definitions = path.join(SCHEMAS, KUBERNETES_SCHEMA_VERSION, '_definitions.json');
    this.ajv.addSchema(JSON.parse(readFileSync(definitions, 'utf8')));
  }

  /** The schema errors of one resource, as `path: message` lines; empty when valid. */
  errors(resource: Resource): string[] {
    const validate = this.validator(resource.apiVersion, resource.kind);
    return validate(resource) ? [] : (validate.errors ?? []).map(describe);
  }

  private validator(apiVersion: string, kind: string): ValidateFunction {
    const file = schemaFile(apiVersion, kind);
    let validate = this.compiled.get(file);
    if (!validate) {
      if (!existsSync(path.join(SCHEMAS, file))) {
        throw new Error(`no schema for ${apiVersion} ${kind} (${file}): add the kind to schemas/vendor.ts`);
      }
      validate = this.ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')));
      this.compiled.set(file, validate);
    }
    return validate;
  }
}

/** kubernetes-validate's file names for the API's kinds; datreeio/CRDs-catalog's for custom resources. */
export function schemaFile(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const name = kind.toLowerCase();
  if (group === '' || !group.includes('.') || group.endsWith('.k8s.io')) {
    const groupVersion = group === '' ? version : `${group.split('.')[0]}-${version}`;
    return path.join(KUBERNETES_SCHEMA_VERSION, `${name}-${groupVersion}.json`);
  }
  return path.join(group, `${name}_${version}.json`);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const extra = error.keyword === 'additionalProperties' ? ` '${error.params.additionalProperty}'` : '';
  return `${where}: ${error.message}${extra}`;
}
