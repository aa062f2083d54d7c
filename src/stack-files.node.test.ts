import { readFileSync } from 'fs';
import { join } from 'path';
import semver from 'semver';
import { parse } from 'yaml';
import packageJson from '../package.json';
import serverPackageJson from '../server/package.json';
import pluginJson from './plugin.json';
import { GIT_SESSION_COOKIE, PYROSCOPE_DS_TYPE, PLUGIN_BASE_URL, ROUTES } from './constants';

// The real stack (docker-compose.yaml + provisioning/) is never started in CI: this test is what keeps its pieces
// pointing at each other.
const root = join(__dirname, '..');
const readYaml = (path: string) => parse(readFileSync(join(root, path), 'utf8'));

const compose = readYaml('docker-compose.yaml');
const composeBase = readYaml('.config/docker-compose-base.yaml');
const dockerfile = readFileSync(join(root, 'server/Dockerfile'), 'utf8');
const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
const datasources = readYaml('provisioning/datasources/pyroscope.yaml');
const apps = readYaml('provisioning/plugins/linescope.yaml');

const hostPort = (url: string) => {
  const u = new URL(url);
  return { host: u.hostname, port: u.port };
};
const containerPorts = (service: { ports?: string[] }) => (service.ports ?? []).map((p) => String(p).split(':').pop());

describe('stack files', () => {
  const pyroscopeDs = datasources.datasources.find((d: { type: string }) => d.type === PYROSCOPE_DS_TYPE);
  const app = apps.apps.find((a: { type: string }) => a.type === pluginJson.id);

  it("provisions a Pyroscope data source that forwards every Git host's session cookie", () => {
    expect(datasources.apiVersion).toBe(1);
    expect(pyroscopeDs).toBeDefined();
    expect(pyroscopeDs.uid).toBe('pyroscope');
    expect(pyroscopeDs.access).toBe('proxy');
    expect(pyroscopeDs.jsonData.keepCookies).toContain(GIT_SESSION_COOKIE);
    // Every other Git host's session cookie, beside GitHub's.
    expect(pyroscopeDs.jsonData.keepCookies).toContain('linescope_gitlab_session');
    expect(pyroscopeDs.jsonData.keepCookies).toContain('linescope_bitbucket_session');
    expect(pyroscopeDs.jsonData.keepCookies).toContain('linescope_azure_devops_session');
  });

  it('points the data source at the source server in gateway mode, on the port the server listens on', () => {
    const { host, port } = hostPort(pyroscopeDs.url);
    const server = compose.services[host];
    expect(server).toBeDefined();
    expect(server.build.dockerfile).toBe('server/Dockerfile');
    expect(String(server.environment.PORT)).toBe(port);
    expect(containerPorts(server)).toContain(port);

    const upstream = hostPort(server.environment.PYROSCOPE_URL);
    const pyroscope = compose.services[upstream.host];
    expect(pyroscope.image).toMatch(/^grafana\/pyroscope(:|$)/);
    expect(containerPorts(pyroscope)).toContain(upstream.port);
    for (const name of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'SESSION_SECRET']) {
      expect(server.environment[name]).toMatch(new RegExp(`^\\$\\{${name}`));
    }
  });

  it('sends GitHub back to the plugin callback page', () => {
    const server = compose.services['linescope-server'];
    const fallback = /:-([^}]+)\}$/.exec(server.environment.GITHUB_CALLBACK_URL)?.[1] ?? '';
    expect(new URL(fallback).pathname).toBe(`${PLUGIN_BASE_URL}/${ROUTES.GitHubCallback}`);
  });

  it('enables the app with settings that name the provisioned data source', () => {
    expect(apps.apiVersion).toBe(1);
    expect(app).toBeDefined();
    expect(app.disabled).toBe(false);
    expect(app.jsonData.enableFunctionDetails).toBe(true);
    expect(app.jsonData.vcsDataSourceUid).toBe(pyroscopeDs.uid);
    expect(app.jsonData.defaultDatasourceUid).toBe(pyroscopeDs.uid);
  });

  it('runs a Grafana that satisfies the plugin, with the built plugin mounted and allowed unsigned', () => {
    const grafana = compose.services.grafana;
    const version = /^grafana\/grafana:(.+)$/.exec(grafana.image)?.[1] ?? '';
    expect(semver.satisfies(version, pluginJson.dependencies.grafanaDependency)).toBe(true);
    // The Grafana that runs is the one whose packages the plugin is built and tested against.
    expect(version).toBe(packageJson.dependencies['@grafana/runtime']);
    expect(grafana.volumes).toContain(`./dist:/var/lib/grafana/plugins/${pluginJson.id}`);
    expect(grafana.volumes).toContain('./provisioning:/etc/grafana/provisioning');
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',')).toContain(pluginJson.id);
    expect(containerPorts(grafana)).toContain('3000');
  });

  it('pins every image to an exact version, never a moving tag', () => {
    const services = Object.entries(compose.services as Record<string, { image?: string; build?: unknown }>);
    expect(services.length).toBeGreaterThanOrEqual(3);
    for (const [name, service] of services) {
      if (service.build) {
        continue;
      }
      const tag = /^[\w./-]+:(.+)$/.exec(service.image ?? '')?.[1] ?? '';
      expect({ name, tag: semver.valid(tag) }).toEqual({ name, tag });
    }
  });

  it('builds the source server on a pinned Node that is the production LTS of .nvmrc, from the lock file only', () => {
    const nodeImage = /^ARG NODE_IMAGE=node:(\S+)$/m.exec(dockerfile)?.[1] ?? '';
    const nodeVersion = /^(\d+\.\d+\.\d+)-/.exec(nodeImage)?.[1] ?? '';
    expect(semver.valid(nodeVersion)).toBe(nodeVersion);
    expect(String(semver.major(nodeVersion))).toBe(nvmrc);
    expect(dockerfile.match(/^FROM .*$/gm)).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE}']);
    // The production Node satisfies what the packages declare, and so does the minimum they declare.
    const minimum = semver.minVersion(packageJson.engines.node)!.version;
    expect(semver.satisfies(nodeVersion, packageJson.engines.node)).toBe(true);
    expect(semver.satisfies(nodeVersion, serverPackageJson.engines.node)).toBe(true);
    expect(semver.lt(minimum, nodeVersion)).toBe(true);
    expect(serverPackageJson.scripts.build).toContain(`--target=node${nvmrc} `);
    // Installs only with `npm ci` (exactly the lock file), and no tool fetched on the side.
    const installs = dockerfile.match(/\bnpm (ci|install|i|update)\b|\bnpx\b|\bcurl\b|\bwget\b/g);
    expect(new Set(installs)).toEqual(new Set(['npm ci']));
    expect(serverPackageJson.devDependencies.esbuild).toBe(packageJson.devDependencies.esbuild);
  });

  it('runs the shared cache with a password that CACHE_URL carries, and refuses to start without one', () => {
    const valkey = compose.services.valkey.command as string[];
    const password = valkey[valkey.indexOf('--requirepass') + 1];
    expect(password).toMatch(/^\$\{CACHE_PASSWORD:\?[^}]+\}$/);
    const cacheUrl = compose.services['linescope-server'].environment.CACHE_URL as string;
    expect(cacheUrl).toBe(`redis://:${password}@valkey:6379/0`);
    expect(compose.services.valkey.ports).toBeUndefined();
  });

  it('checks health on /ready, starts Grafana once the source server is ready, and gives it time to drain', () => {
    const server = compose.services['linescope-server'];
    const probe = (server.healthcheck.test as string[]).join(' ');
    expect(probe).toContain(`http://127.0.0.1:${server.environment.PORT}/ready`);
    expect(dockerfile).toMatch(/^HEALTHCHECK [^]*\/ready'/m);
    expect(compose.services.grafana.depends_on['linescope-server'].condition).toBe('service_healthy');
    expect((compose.services.grafana.healthcheck.test as string[]).join(' ')).toContain(':3000/api/health');
    const grace = /^(\d+)s$/.exec(server.stop_grace_period)?.[1];
    expect(Number(grace)).toBeGreaterThan(Number(server.environment.SHUTDOWN_DRAIN_SECONDS));
  });

  it('keeps the scaffold development compose file on the same plugin id and Grafana version', () => {
    const grafana = composeBase.services.grafana;
    const grafanaVersion = /^grafana\/grafana:(.+)$/.exec(compose.services.grafana.image)?.[1];
    expect(grafana.build.args.grafana_version).toBe(`\${GRAFANA_VERSION:-${grafanaVersion}}`);
    expect(grafana.build.args.grafana_image).toBe('${GRAFANA_IMAGE:-grafana}');
    expect(grafana.volumes).toContain(`../dist:/var/lib/grafana/plugins/${pluginJson.id}`);
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe(pluginJson.id);
    expect(grafana.environment.GF_LOG_FILTERS).toBe(`plugin.${pluginJson.id}:debug`);
    const ids = JSON.stringify(composeBase).match(/linescope[\w-]*/g) ?? [];
    expect(new Set(ids)).toEqual(new Set([pluginJson.id]));
  });
});
