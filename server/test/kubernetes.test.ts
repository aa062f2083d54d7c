/** deploy/kubernetes/ read as Kubernetes would: the fields that keep replicas available, drained and configured. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../src/config';

const DIR = path.resolve(__dirname, '../../deploy/kubernetes');

type Manifest = Record<string, any>;

function read(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Manifest;
  });
}

const kustomization = read('kustomization.yaml')[0];
const manifests: Manifest[] = (kustomization.resources as string[]).flatMap(read);
const find = (kind: string, name: string) => {
  const found = manifests.filter((m) => m.kind === kind && m.metadata?.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const server = find('Deployment', 'linescope-source-server');
const pod = server.spec.template.spec;
const container = pod.containers[0];
const env = new Map<string, Manifest>(container.env.map((e: Manifest) => [e.name, e]));
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('the kustomize base', () => {
  it('lists every manifest of the folder, and only those', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
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

  it('takes the GitHub credentials and the session secret from a Secret, never from the manifest', () => {
    for (const name of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'GITHUB_SESSION_SECRET']) {
      const entry = env.get(name);
      expect(entry?.value).toBeUndefined();
      expect(entry?.valueFrom.secretKeyRef).toEqual({ name: 'linescope-source-server', key: expect.any(String) });
    }
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
  });

  it('configures a server that starts (with the Secret filled in)', () => {
    const values: Record<string, string> = {};
    for (const [name, entry] of env) {
      values[name] = entry.value ?? `${name.toLowerCase()}-from-the-secret-0123456789`;
    }
    const config = loadConfig(values);
    expect(config.cacheUrl).toBe('redis://linescope-valkey:6379/0');
    // The memory tier stays well inside the memory limit.
    const limitBytes = parseInt(container.resources.limits.memory, 10) * 1024 * 1024;
    expect(container.resources.limits.memory).toMatch(/^\d+Mi$/);
    expect(config.cacheBytes + 128 * 1024 * 1024).toBeLessThanOrEqual(limitBytes);
  });

  it('sets requests and limits on every container and pins every image', () => {
    const containers = manifests
      .filter((m) => m.kind === 'Deployment')
      .flatMap((d) => d.spec.template.spec.containers as Manifest[]);
    expect(containers.length).toBe(2);
    for (const c of containers) {
      expect(c.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(c.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    }
    expect(find('Deployment', 'linescope-valkey').spec.template.spec.containers[0].image).toMatch(
      /^valkey\/valkey:\d+\.\d+\.\d+$/
    );
    expect(kustomization.images).toEqual([{ name: container.image, newTag: expect.stringMatching(/^\d+\.\d+\.\d+$/) }]);
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

    const cache = new URL(env.get('CACHE_URL')?.value);
    const valkeyService = find('Service', cache.hostname);
    const valkey = find('Deployment', 'linescope-valkey');
    expect(matches(valkeyService.spec.selector, valkey.spec.template.metadata.labels)).toBe(true);
    expect(valkeyService.spec.ports[0].port).toBe(Number(cache.port));
    const args: string[] = valkey.spec.template.spec.containers[0].args;
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('allkeys-lru');
  });
});
