/**
 * deploy/helm/ read as Helm would: every key of our values is one the chart has (its own values.yaml, vendored in
 * charts/; app-template's values.schema.json, which `helm install` itself enforces), and the values say what the
 * stack needs: the plugin installed and allowed, both session cookies kept, the data source at the source server's
 * Service, the dashboard's ConfigMap picked up, Pyroscope where PYROSCOPE_URL points, and every server variable set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import packageJson from '../../../package.json';
import pluginJson from '../../../src/plugin.json';
import { GIT_SESSION_COOKIE } from '../../../src/constants';
import { loadConfig } from '../../src/config';
import { HOST_TABLE } from '../../src/hosts/table';
import { kustomizeBuild, readKustomization, readYamlDocuments } from './kustomize';
import { expandEnv, namedInComments, secretValue, variablesTheServerReads } from './server-env';

const ROOT = path.resolve(__dirname, '../../..');
const HELM = path.join(ROOT, 'deploy/helm');
const CHARTS = path.join(__dirname, 'charts');
const read = (file: string) => readYamlDocuments(file)[0];
const grafana = read(path.join(HELM, 'grafana-values.yaml'));
const pyroscope = read(path.join(HELM, 'pyroscope-values.yaml'));
const server = read(path.join(HELM, 'source-server-values.yaml'));
const manifests = kustomizeBuild(path.join(ROOT, 'deploy/kubernetes'));
const monitoring = kustomizeBuild(path.join(ROOT, 'deploy/kubernetes/monitoring'));
const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'linescope-source-server')!;
const serverContainer = server.controllers['source-server'].containers.app;

/**
 * The key paths of `ours` that the chart's defaults do not have. A key the chart leaves open (an empty map, a list,
 * or one of `open`, e.g. grafana.ini whose sections are Grafana's) takes any keys below it.
 */
function unknownKeys(ours: unknown, defaults: unknown, open: string[], at = ''): string[] {
  if (!isMap(ours) || open.includes(at)) {
    return [];
  }
  if (!isMap(defaults) || Object.keys(defaults).length === 0) {
    return defaults === undefined || isMap(defaults) ? [] : [`${at} (the chart's is not a map)`];
  }
  return Object.entries(ours).flatMap(([key, value]) => {
    const where = at ? `${at}.${key}` : key;
    return key in defaults ? unknownKeys(value, defaults[key], open, where) : [where];
  });
}
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

describe('the key check', () => {
  it('finds a misspelled key, and lets open maps be', () => {
    const defaults = { image: { tag: '' }, env: {}, 'grafana.ini': { paths: {} } };
    expect(unknownKeys({ image: { tg: '1' }, env: { ANY: 'x' } }, defaults, [])).toEqual(['image.tg']);
    expect(unknownKeys({ 'grafana.ini': { server: { root_url: 'u' } } }, defaults, ['grafana.ini'])).toEqual([]);
    expect(unknownKeys({ imag: {} }, defaults, [])).toEqual(['imag']);
  });
});

describe("Grafana's chart values", () => {
  const defaults = read(path.join(CHARTS, 'grafana-12.11.1-values.yaml'));

  it('use only keys the chart has', () => {
    expect(unknownKeys(grafana, defaults, ['grafana.ini', 'datasources'])).toEqual([]);
  });

  it('run the Grafana the plugin is built against, with the plugin installed at its version', () => {
    expect(grafana.image.tag).toBe(packageJson.dependencies['@grafana/runtime']);
    const [id, version, url] = String(grafana.plugins[0]).split('@');
    expect(id).toBe(pluginJson.id);
    expect(version).toBe(packageJson.version);
    expect(new URL(url).protocol).toBe('https:');
    expect(url).toContain(`${pluginJson.id}-${packageJson.version}.zip`);
  });

  it('allow the unsigned plugin by id, and name the public URL its callback and a private signature need', () => {
    expect(grafana['grafana.ini'].plugins.allow_loading_unsigned_plugins.split(',')).toContain(pluginJson.id);
    expect(new URL(grafana['grafana.ini'].server.root_url).protocol).toBe('https:');
  });

  it('provision the Pyroscope data source at the source server, keeping every Git host’s session cookie', () => {
    const [source] = grafana.datasources['datasources.yaml'].datasources;
    expect(source).toMatchObject({ type: 'grafana-pyroscope-datasource', access: 'proxy' });
    expect(source.jsonData.keepCookies).toEqual(HOST_TABLE.flatMap((e) => (e.login ? [e.login.cookie.name] : [])));
    expect(source.jsonData.keepCookies[0]).toBe(GIT_SESSION_COOKIE);
    const url = new URL(source.url);
    const service = manifests.find((m) => m.kind === 'Service' && m.metadata.name === url.hostname.split('.')[0])!;
    expect(service).toBeDefined();
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    expect(server.global.fullnameOverride).toBe(service.metadata.name);
    expect(server.service.app.ports.http.port).toBe(service.spec.ports[0].port);
  });

  it("pick up the dashboard's ConfigMap by its label", () => {
    const configMap = monitoring.find((m) => m.kind === 'ConfigMap')!;
    const { label, labelValue, enabled } = grafana.sidecar.dashboards;
    expect(enabled).toBe(true);
    expect(configMap.metadata.labels![label]).toBe(labelValue);
  });
});

describe("Pyroscope's chart values", () => {
  // The key structure of the chart's values.yaml (charts/README.md says why not the file itself).
  const defaults = JSON.parse(readFileSync(path.join(CHARTS, 'pyroscope-2.2.1-keys.json'), 'utf8'));

  it('use only keys the chart has', () => {
    expect(unknownKeys(pyroscope, defaults, [])).toEqual([]);
  });

  it("name Pyroscope's Service and port as the source server's PYROSCOPE_URL does, in both deploy forms", () => {
    const fromKustomize = deployment.spec.template.spec.containers[0].env.find(
      (e: { name: string }) => e.name === 'PYROSCOPE_URL'
    ).value;
    const fromHelm = serverContainer.env.find((e: { name: string }) => e.name === 'PYROSCOPE_URL').value;
    for (const value of [fromKustomize, fromHelm]) {
      const url = new URL(value);
      expect(url.hostname).toBe(pyroscope.pyroscope.fullnameOverride);
      expect(Number(url.port)).toBe(pyroscope.pyroscope.service.port);
    }
  });
});

describe("the source server's app-template values", () => {
  const schemaDir = path.join(CHARTS, 'app-template-4.1.1');
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const loadSchema = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  const root = loadSchema(path.join(schemaDir, 'values.schema.json'));
  for (const file of ['configmap', 'containers', 'controllers', 'definitions', 'envVars', 'ingress', 'k8s-api']
    .concat(['networkpolicy', 'persistence', 'pod', 'rawResource', 'rbac', 'route', 'secret', 'service'])
    .concat(['serviceAccount', 'serviceMonitor'])) {
    ajv.addSchema(
      loadSchema(path.join(schemaDir, 'schemas', `${file}.json`)),
      new URL(`schemas/${file}.json`, root.$id).href
    );
  }
  const validate = ajv.compile(root);
  const errors = (values: unknown) =>
    validate(values) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);

  it("pass the chart's own values schema, which refuses what it does not know", () => {
    expect(errors(server)).toEqual([]);
    const typo = structuredClone(server);
    typo.controllers['source-server'].containers.app.probes.readyness = { enabled: true };
    expect(errors(typo)).toContain(
      '/controllers/source-server/containers/app/probes: must NOT have additional properties'
    );
  });

  it('set every variable the server reads, as the kustomize Deployment does, and start a server', () => {
    const names = serverContainer.env.map((e: { name: string }) => e.name);
    const text = readFileSync(path.join(HELM, 'source-server-values.yaml'), 'utf8');
    const reads = variablesTheServerReads();
    const documented = namedInComments(text, reads);
    expect([...reads].filter((name) => !names.includes(name) && !documented.includes(name))).toEqual([]);
    expect(names).toEqual(deployment.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name));
    const config = loadConfig(expandEnv(serverContainer.env, secretValue));
    expect(new URL(config.cacheUrl!).password).toBe(secretValue('cache-password'));
  });

  it('run the image and tag kustomize names, ready on /ready and alive on /healthz', () => {
    const [image] = readKustomization(path.join(ROOT, 'deploy/kubernetes')).images;
    expect(serverContainer.image).toEqual({ repository: image.name, tag: image.newTag });
    expect(serverContainer.probes.readiness.spec.httpGet.path).toBe('/ready');
    expect(serverContainer.probes.liveness.spec.httpGet.path).toBe('/healthz');
  });
});
