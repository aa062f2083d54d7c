import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import pluginJson from './plugin.json';
import { GIT_SESSION_COOKIE, PYROSCOPE_DS_TYPE, PLUGIN_BASE_URL, ROUTES } from './constants';

// The real stack (docker-compose.yaml + provisioning/) is never started in CI: this test is what keeps its pieces
// pointing at each other.
const root = join(__dirname, '..');
const readYaml = (path: string) => parse(readFileSync(join(root, path), 'utf8'));

const compose = readYaml('docker-compose.yaml');
const datasources = readYaml('provisioning/datasources/pyroscope.yaml');
const apps = readYaml('provisioning/plugins/linescope.yaml');

const hostPort = (url: string) => {
  const u = new URL(url);
  return { host: u.hostname, port: u.port };
};
// grafanaDependency is a single lower bound (">=13.0.0"); compare numerically.
const satisfiesLowerBound = (version: string, range: string) => {
  const min = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(range);
  const have = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!min || !have) {
    return false;
  }
  for (let i = 1; i <= 3; i++) {
    if (Number(have[i]) !== Number(min[i])) {
      return Number(have[i]) > Number(min[i]);
    }
  }
  return true;
};
const containerPorts = (service: { ports?: string[] }) => (service.ports ?? []).map((p) => String(p).split(':').pop());

describe('stack files', () => {
  const pyroscopeDs = datasources.datasources.find((d: { type: string }) => d.type === PYROSCOPE_DS_TYPE);
  const app = apps.apps.find((a: { type: string }) => a.type === pluginJson.id);

  it('provisions a Pyroscope data source that forwards the GitHub session cookie', () => {
    expect(datasources.apiVersion).toBe(1);
    expect(pyroscopeDs).toBeDefined();
    expect(pyroscopeDs.uid).toBe('pyroscope');
    expect(pyroscopeDs.access).toBe('proxy');
    expect(pyroscopeDs.jsonData.keepCookies).toContain(GIT_SESSION_COOKIE);
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
    for (const name of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'GITHUB_SESSION_SECRET']) {
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
    expect(app.jsonData.vcsDatasourceUid).toBe(pyroscopeDs.uid);
    expect(app.jsonData.defaultDatasourceUid).toBe(pyroscopeDs.uid);
  });

  it('runs a Grafana that satisfies the plugin, with the built plugin mounted and allowed unsigned', () => {
    const grafana = compose.services.grafana;
    const version = /^grafana\/grafana:(.+)$/.exec(grafana.image)?.[1] ?? '';
    expect(satisfiesLowerBound(version, pluginJson.dependencies.grafanaDependency)).toBe(true);
    expect(grafana.volumes).toContain(`./dist:/var/lib/grafana/plugins/${pluginJson.id}`);
    expect(grafana.volumes).toContain('./provisioning:/etc/grafana/provisioning');
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',')).toContain(pluginJson.id);
    expect(containerPorts(grafana)).toContain('3000');
  });
});
