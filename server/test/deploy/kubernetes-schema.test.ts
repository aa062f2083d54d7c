/**
 * deploy/kubernetes/ as `kustomize build` assembles it, checked against the Kubernetes API's strict JSON schemas
 * (v1.33, and the Prometheus Operator's CRDs), vendored so that no network is needed: an unknown field, a wrong type
 * or a missing required field fails here instead of in `kubectl apply`.
 */
import path from 'node:path';
import { kustomizeBuild, readYamlDocuments, Resource, schemaFile, SchemaValidator } from './kustomize';

const DEPLOY = path.resolve(__dirname, '../../../deploy/kubernetes');
const validator = new SchemaValidator();
const base = kustomizeBuild(DEPLOY);
const monitoring = kustomizeBuild(path.join(DEPLOY, 'monitoring'));
const clone = <T>(value: T): T => structuredClone(value);
const find = (resources: Resource[], kind: string, name: string) =>
  resources.find((r) => r.kind === kind && r.metadata.name === name)!;

describe('the manifests against the Kubernetes API schemas', () => {
  it.each([...base, ...monitoring].map((r) => [`${r.kind} ${r.metadata.name}`, r]))(
    '%s is valid',
    (_name, resource) => {
      expect(validator.errors(resource as Resource)).toEqual([]);
    }
  );

  it('the example Secret is valid and is not applied by the base', () => {
    const [secret] = readYamlDocuments(path.join(DEPLOY, 'secret.example.yaml'));
    expect(validator.errors(secret)).toEqual([]);
    expect(base.filter((r) => r.kind === 'Secret')).toEqual([]);
  });

  it('covers the kinds the base and monitoring use, each from its own schema file', () => {
    const kinds = [...base, ...monitoring].map((r) => schemaFile(r.apiVersion, r.kind));
    expect(new Set(kinds)).toEqual(
      new Set([
        'v1.33.0-local-strict/deployment-apps-v1.json',
        'v1.33.0-local-strict/service-v1.json',
        'v1.33.0-local-strict/poddisruptionbudget-policy-v1.json',
        'v1.33.0-local-strict/horizontalpodautoscaler-autoscaling-v2.json',
        'v1.33.0-local-strict/networkpolicy-networking-v1.json',
        'v1.33.0-local-strict/configmap-v1.json',
        'monitoring.coreos.com/podmonitor_v1.json',
        'monitoring.coreos.com/prometheusrule_v1.json',
      ])
    );
  });
});

describe('the schemas refuse what the API server would', () => {
  const server = find(base, 'Deployment', 'linescope-source-server');

  it('an unknown field, at the top and deep in the pod template', () => {
    const typo = clone(server);
    typo.spec.replcas = 3;
    typo.spec.template.spec.containers[0].readinessProbe.httpGet.pat = '/ready';
    expect(validator.errors(typo)).toEqual([
      "/spec: must NOT have additional properties 'replcas'",
      "/spec/template/spec/containers/0/readinessProbe/httpGet: must NOT have additional properties 'pat'",
    ]);
  });

  it('a wrong type, a missing required field', () => {
    const wrong = clone(server);
    wrong.spec.replicas = 'three';
    delete wrong.spec.selector;
    wrong.spec.template.spec.containers[0].env.push({ value: 'no name' });
    const errors = validator.errors(wrong);
    expect(errors).toContain('/spec/replicas: must be integer,null');
    expect(errors).toContain("/spec: must have required property 'selector'");
    expect(errors.some((e) => /^\/spec\/template\/spec\/containers\/0\/env\/\d+: .*'name'/.test(e))).toBe(true);
  });

  it('an API version or kind it has no schema for', () => {
    const service = clone(find(base, 'Service', 'linescope-source-server'));
    service.apiVersion = 'v2';
    expect(() => validator.errors(service)).toThrow(
      'no schema for v2 Service (v1.33.0-local-strict/service-v2.json): add the kind to schemas/vendor.ts'
    );
  });

  it('a custom resource with an unknown field or a bad duration', () => {
    const monitor = clone(find(monitoring, 'PodMonitor', 'linescope-source-server'));
    monitor.spec.podMetricsEndpoints[0].interval = 'half a minute';
    monitor.spec.endpoints = [];
    const errors = validator.errors(monitor);
    expect(errors).toContain("/spec: must NOT have additional properties 'endpoints'");
    expect(errors.some((e) => e.startsWith('/spec/podMetricsEndpoints/0/interval: must match pattern'))).toBe(true);
  });
});
