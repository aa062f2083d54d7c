/**
 * deploy/kubernetes/ as `kustomize build` assembles it, read as Kubernetes would: the fields that keep replicas
 * available, drained, configured for every Git host, reachable only by whom they serve, and scraped.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import {
  imageName,
  kustomizeBuild,
  podContainers,
  readKustomization,
  readYamlDocuments,
  Resource,
} from './deploy/kustomize';
import { expandEnv, namedInComments, secretValue, variablesTheServerReads } from './deploy/server-env';

const DIR = path.resolve(__dirname, '../../deploy/kubernetes');

type Manifest = Record<string, any>;

const kustomization = readKustomization(DIR);
const manifests = kustomizeBuild(DIR);
const monitoring = kustomizeBuild(path.join(DIR, 'monitoring'));
const find = (kind: string, name: string, from: Resource[] = manifests) => {
  const found = from.filter((m) => m.kind === kind && m.metadata?.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const server = find('Deployment', 'linescope-source-server');
const pod = server.spec.template.spec;
const container = pod.containers[0];
const env = new Map<string, Manifest>(container.env.map((e: Manifest) => [e.name, e]));
const valkey = find('Deployment', 'linescope-valkey');
const valkeyContainer = valkey.spec.template.spec.containers[0];
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const [secretExample] = readYamlDocuments(path.join(DIR, 'secret.example.yaml'));

describe('the kustomize base', () => {
  it('lists every manifest of the folder but the example Secret, and only those', () => {
    const files = readdirSync(DIR).filter(
      (f) => f.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(f)
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('runs three replicas, rolled out without ever going below three', () => {
    expect(server.spec.replicas).toBe(3);
    expect(server.spec.strategy.type).toBe('RollingUpdate');
    expect(server.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(server.spec.strategy.rollingUpdate.maxSurge).toBeGreaterThanOrEqual(1);
    expect(matches(server.spec.selector.matchLabels, server.spec.template.metadata.labels)).toBe(true);
  });

  it('is ready on /ready and alive on /healthz, on the port the server listens on', () => {
    const port = container.ports.find((p: Manifest) => p.name === container.readinessProbe.httpGet.port);
    expect(port.containerPort).toBe(Number(env.get('PORT')?.value));
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.livenessProbe.httpGet.port).toBe(port.name);
  });

  it('gives a stopping pod the time to leave the endpoints and drain its requests', () => {
    const [command, seconds] = container.lifecycle.preStop.exec.command;
    expect(command).toBe('sleep');
    const drain = Number(env.get('SHUTDOWN_DRAIN_SECONDS')?.value);
    expect(drain).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(Number(seconds) + drain + 5);
  });

  it('sets every variable the server reads, or names it in a comment (the old aliases)', () => {
    const read = variablesTheServerReads();
    expect(read.size).toBeGreaterThan(20);
    const documented = namedInComments(readFileSync(path.join(DIR, 'source-server.yaml'), 'utf8'), read);
    const missing = [...read].filter((name) => !env.has(name) && !documented.includes(name));
    expect(missing).toEqual([]);
    // The neutral names, never the GitHub-only aliases.
    expect(env.has('SESSION_SECRET')).toBe(true);
    expect(env.has('GIT_HOST_TIMEOUT_MS')).toBe(true);
    expect(env.has('GITHUB_SESSION_SECRET')).toBe(false);
    expect(env.has('GITHUB_TIMEOUT_MS')).toBe(false);
  });

  it('takes every credential from the Secret, never from the manifest, and the example Secret has every key', () => {
    for (const name of [
      'GITHUB_CLIENT_ID',
      'GITHUB_CLIENT_SECRET',
      'GITLAB_CLIENT_ID',
      'GITLAB_CLIENT_SECRET',
      'SESSION_SECRET',
    ]) {
      const entry = env.get(name);
      expect(entry?.value).toBeUndefined();
      expect(entry?.valueFrom.secretKeyRef).toMatchObject({ name: 'linescope-source-server', key: expect.any(String) });
    }
    // Either host alone: its keys may be left out of the Secret; the session secret may not.
    expect(env.get('GITLAB_CLIENT_ID')?.valueFrom.secretKeyRef.optional).toBe(true);
    expect(env.get('GITHUB_CLIENT_ID')?.valueFrom.secretKeyRef.optional).toBe(true);
    expect(env.get('SESSION_SECRET')?.valueFrom.secretKeyRef.optional).toBeUndefined();
    const referenced = new Set(
      manifests
        .flatMap(podContainers)
        .flatMap((c) => c.env ?? [])
        .filter((e: Manifest) => e.valueFrom?.secretKeyRef)
        .map((e: Manifest) => e.valueFrom.secretKeyRef.key)
    );
    expect(Object.keys(secretExample.stringData).sort()).toEqual([...referenced].sort());
    expect(Object.values(secretExample.stringData).every((v) => v === '')).toBe(true);
  });

  it('configures a server that starts with GitHub and GitLab (with the Secret filled in)', () => {
    const config = loadConfig(expandEnv(container.env, secretValue));
    expect(config).toMatchObject({
      githubClientId: 'github-client-id-0123456789abcdef',
      gitlabClientId: 'gitlab-client-id-0123456789abcdef',
      sessionSecret: 'session-secret-0123456789abcdef',
      gitlabUrl: 'https://gitlab.com',
      gitlabApiUrl: 'https://gitlab.com/api/v4',
      githubApiUrl: 'https://api.github.com',
    });
    // The memory tier stays well inside the memory limit.
    const limitBytes = parseInt(container.resources.limits.memory, 10) * 1024 * 1024;
    expect(container.resources.limits.memory).toMatch(/^\d+Mi$/);
    expect(config.cacheBytes + 128 * 1024 * 1024).toBeLessThanOrEqual(limitBytes);
  });

  it('sets requests and limits on every container and pins every image, ours with a registry and a tag', () => {
    const containers = manifests.flatMap(podContainers);
    expect(containers.length).toBe(2);
    for (const c of containers) {
      expect(c.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(c.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    }
    expect(valkeyContainer.image).toMatch(/^valkey\/valkey:\d+\.\d+\.\d+$/);
    expect(container.image).toMatch(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\/[a-z0-9/-]+:\d+\.\d+\.\d+$/);
    expect(kustomization.images).toEqual([
      { name: imageName(container.image), newTag: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
    ]);
  });

  it('keeps two replicas through voluntary disruptions', () => {
    const pdb = find('PodDisruptionBudget', 'linescope-source-server');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(2);
    expect(pdb.spec.minAvailable).toBeLessThan(server.spec.replicas);
    expect(matches(pdb.spec.selector.matchLabels, server.spec.template.metadata.labels)).toBe(true);
  });

  it('scales on CPU from the three replicas up', () => {
    const hpa = find('HorizontalPodAutoscaler', 'linescope-source-server');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: server.metadata.name });
    expect(hpa.spec.minReplicas).toBe(server.spec.replicas);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
      },
    ]);
  });

  it('puts one Service in front of the replicas and one in front of Valkey, where CACHE_URL points', () => {
    const service = find('Service', 'linescope-source-server');
    expect(matches(service.spec.selector, server.spec.template.metadata.labels)).toBe(true);
    expect(container.ports.map((p: Manifest) => p.name)).toContain(service.spec.ports[0].targetPort);

    const cache = new URL(expandEnv(container.env, secretValue).CACHE_URL);
    const valkeyService = find('Service', cache.hostname);
    expect(matches(valkeyService.spec.selector, valkey.spec.template.metadata.labels)).toBe(true);
    expect(valkeyService.spec.ports[0].port).toBe(Number(cache.port));
    const args: string[] = valkeyContainer.args;
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('allkeys-lru');
  });

  it('gives Valkey a password from the Secret, and CACHE_URL carries the same one', () => {
    const valkeyEnv = expandEnv(valkeyContainer.env, secretValue);
    const args = valkeyContainer.args.map((a: string) => a.replace(/\$\((\w+)\)/g, (_ref, name) => valkeyEnv[name]));
    const password = args[args.indexOf('--requirepass') + 1];
    expect(password).toBe(secretValue('cache-password'));
    const config = loadConfig(expandEnv(container.env, secretValue));
    expect(decodeURIComponent(new URL(config.cacheUrl!).password)).toBe(password);
    // A different Secret value changes both: nothing in the manifests holds the password.
    const other = (key: string) => `${key}-fedcba9876543210`;
    expect(new URL(loadConfig(expandEnv(container.env, other)).cacheUrl!).password).toBe(other('cache-password'));
  });
});

describe('the network policies', () => {
  const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
  const policyFor = (workload: Resource) =>
    policies.filter((p) => matches(p.spec.podSelector.matchLabels, workload.spec.template.metadata.labels));
  const portNumber = (workload: Resource, port: string | number) =>
    typeof port === 'number'
      ? port
      : podContainers(workload)[0].ports.find((p: Manifest) => p.name === port).containerPort;

  it('let only the source server reach Valkey, on its port', () => {
    const [policy] = policyFor(valkey);
    expect(policyFor(valkey)).toHaveLength(1);
    expect(policy.spec.policyTypes).toContain('Ingress');
    expect(policy.spec.ingress).toHaveLength(1);
    const [rule] = policy.spec.ingress;
    expect(rule.from).toHaveLength(1);
    expect(rule.from[0].namespaceSelector).toBeUndefined();
    expect(matches(rule.from[0].podSelector.matchLabels, server.spec.template.metadata.labels)).toBe(true);
    expect(rule.ports.map((p: Manifest) => portNumber(valkey, p.port))).toEqual([6379]);
  });

  it('let only Grafana and Prometheus reach the source server, on its HTTP port', () => {
    const [policy] = policyFor(server);
    expect(policyFor(server)).toHaveLength(1);
    expect(policy.spec.policyTypes).toContain('Ingress');
    const [rule] = policy.spec.ingress;
    expect(policy.spec.ingress).toHaveLength(1);
    expect(rule.from.map((f: Manifest) => f.podSelector.matchLabels['app.kubernetes.io/name']).sort()).toEqual([
      'grafana',
      'prometheus',
    ]);
    expect(rule.ports.map((p: Manifest) => portNumber(server, p.port))).toEqual([Number(env.get('PORT')?.value)]);
  });
});

describe('monitoring', () => {
  it('scrapes /metrics of every source server pod on its HTTP port', () => {
    const monitor = find('PodMonitor', 'linescope-source-server', monitoring);
    expect(matches(monitor.spec.selector.matchLabels, server.spec.template.metadata.labels)).toBe(true);
    const [endpoint] = monitor.spec.podMetricsEndpoints;
    expect(endpoint.path).toBe('/metrics');
    expect(container.ports.map((p: Manifest) => p.name)).toContain(endpoint.port);
  });

  it('ships the dashboard as a ConfigMap for the Grafana chart sidecar, byte for byte', () => {
    const dashboard = find('ConfigMap', 'linescope-source-server-dashboard', monitoring);
    expect(dashboard.metadata.labels).toMatchObject({
      grafana_dashboard: '1',
      'app.kubernetes.io/part-of': 'linescope',
    });
    const file = path.join(DIR, 'monitoring/dashboards/linescope-source-server.json');
    expect(dashboard.data['linescope-source-server.json']).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the kustomize assembly', () => {
  it('labels every resource and names our image with its registry and tag', () => {
    for (const resource of [...manifests, ...monitoring]) {
      expect(resource.metadata.labels?.['app.kubernetes.io/part-of']).toBe('linescope');
    }
    expect(container.image).toBe(`${kustomization.images[0].name}:${kustomization.images[0].newTag}`);
  });

  it('refuses a kustomization field it does not assemble, rather than ignoring it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kustomize-'));
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: []\nnamePrefix: prod-\n');
    expect(() => kustomizeBuild(dir)).toThrow("'namePrefix' is not assembled");
  });

  it('keeps a registry port when it sets the tag', () => {
    expect(imageName('registry.example.com:5000/linescope/linescope-server:0.1.0')).toBe(
      'registry.example.com:5000/linescope/linescope-server'
    );
    expect(imageName('registry.example.com:5000/linescope/linescope-server')).toBe(
      'registry.example.com:5000/linescope/linescope-server'
    );
    expect(imageName('valkey/valkey@sha256:abc')).toBe('valkey/valkey');
  });
});
