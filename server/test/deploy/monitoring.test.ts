/**
 * The dashboard and the alert rules against what the server really exports: every query and expression parses with
 * Prometheus' grammar and names only metrics and labels of the server's registry (read from createMetrics, the
 * registry /metrics serves); every alert has its runbook in docs/runbooks.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMetrics } from '../../src/metrics';
import { kustomizeBuild, readYamlDocuments } from './kustomize';
import { parsePromQL, withGrafanaIntervals } from './promql';

const ROOT = path.resolve(__dirname, '../../..');
const MONITORING = path.join(ROOT, 'deploy/kubernetes/monitoring');
const dashboard = JSON.parse(readFileSync(path.join(MONITORING, 'dashboards/linescope-source-server.json'), 'utf8'));
const [rule] = kustomizeBuild(MONITORING).filter((r) => r.kind === 'PrometheusRule');
const alerts: Array<Record<string, any>> = rule.spec.groups.flatMap((g: { rules: unknown[] }) => g.rules);
/** Labels Prometheus adds to every scraped series (a PodMonitor's, or a static config's). */
const TARGET_LABELS = ['instance', 'job', 'namespace', 'pod', 'container', 'endpoint', 'service'];

/** Every series name /metrics can carry, with its labels (a histogram's _bucket, _sum and _count too). */
function exportedSeries(): Map<string, string[]> {
  const series = new Map<string, string[]>();
  for (const metric of createMetrics({ defaultMetrics: true }).registry.getMetricsAsArray()) {
    const { name, labelNames = [] } = metric as unknown as { name: string; labelNames?: string[] };
    const type = (metric as unknown as { type: string }).type;
    if (type === 'histogram') {
      series.set(`${name}_bucket`, [...labelNames, 'le']);
      series.set(`${name}_sum`, labelNames);
      series.set(`${name}_count`, labelNames);
    } else if (type === 'summary') {
      series.set(name, [...labelNames, 'quantile']);
      series.set(`${name}_sum`, labelNames);
      series.set(`${name}_count`, labelNames);
    } else {
      series.set(name, labelNames);
    }
  }
  return series;
}
const exported = exportedSeries();

/** What is wrong with one query: parse errors, unknown metrics, label names none of its metrics has. */
function problems(query: string): string[] {
  const parsed = parsePromQL(withGrafanaIntervals(query));
  const found = parsed.errors.map((e) => `does not parse at ${e}`);
  const known = new Set(TARGET_LABELS);
  for (const metric of parsed.metrics) {
    const labels = exported.get(metric);
    if (labels) {
      labels.forEach((l) => known.add(l));
    } else {
      found.push(`${metric} is not exported by the server`);
    }
  }
  if (parsed.metrics.length === 0) {
    found.push('selects no metric');
  }
  found.push(...parsed.labels.filter((l) => !known.has(l)).map((l) => `label ${l} is on none of its metrics`));
  return found;
}

const panels: Array<Record<string, any>> = dashboard.panels.filter((p: { type: string }) => p.type !== 'row');
const queries = panels.flatMap((p) =>
  (p.targets as Array<{ expr: string }>).map((t) => [`${p.title}: ${t.expr}`, t.expr])
);

describe('the registry the test reads', () => {
  it('is the one /metrics serves, with the default metrics main.ts turns on', () => {
    expect(exported.get('linescope_rpc_duration_seconds_bucket')).toEqual(['method', 'code', 'le']);
    expect(exported.has('linescope_server_process_cpu_seconds_total')).toBe(true);
    expect(exported.has('linescope_rpc_duration_seconds')).toBe(false);
  });

  it('finds what a wrong query gets wrong', () => {
    expect(problems('sum(rate(linescope_rpc_duration_seconds_count[5m])')).toEqual([
      expect.stringMatching(/^does not parse at/),
    ]);
    expect(problems('rate(linescope_rpc_requests_total[$__rate_interval])')).toEqual([
      'linescope_rpc_requests_total is not exported by the server',
    ]);
    expect(problems('sum by (provder) (linescope_git_host_rate_limit_remaining)')).toEqual([
      'label provder is on none of its metrics',
    ]);
    expect(problems('rat(linescope_ready[5m])')).not.toEqual([]);
  });
});

describe('the dashboard', () => {
  it('is a Grafana dashboard with a fixed uid, reading a Prometheus data source chosen by a variable', () => {
    expect(dashboard.uid).toBe('linescope-source-server');
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' })
    );
    for (const panel of panels) {
      expect({ panel: panel.title, datasource: panel.datasource }).toEqual({
        panel: panel.title,
        datasource: { type: 'prometheus', uid: '${datasource}' },
      });
    }
    expect(new Set(dashboard.panels.map((p: { id: number }) => p.id)).size).toBe(dashboard.panels.length);
  });

  it('is provisioned in docker-compose.yaml from the same file the Kubernetes ConfigMap is made of', () => {
    const [compose] = readYamlDocuments(path.join(ROOT, 'docker-compose.yaml'));
    const [provisioning] = readYamlDocuments(path.join(ROOT, 'provisioning/dashboards/linescope.yaml'));
    const [provider] = provisioning.providers;
    expect(provider.type).toBe('file');
    const mounts = (compose.services.grafana.volumes as string[]).map((v) => v.split(':'));
    const mount = mounts.find(([, inside]) => inside === provider.options.path);
    expect(mount).toBeDefined();
    expect(path.resolve(ROOT, mount![0])).toBe(path.join(MONITORING, 'dashboards'));
    // Grafana reads provisioning/ itself from /etc/grafana/provisioning.
    expect(mounts).toContainEqual(['./provisioning', '/etc/grafana/provisioning']);
  });

  it.each(queries)('%s', (_title, query) => {
    expect(problems(query)).toEqual([]);
  });

  it("shows every one of the server's own metrics somewhere", () => {
    const shown = new Set(queries.flatMap(([, query]) => parsePromQL(withGrafanaIntervals(query)).metrics));
    const own = [...exported.keys()].filter(
      (name) => name.startsWith('linescope_') && !name.startsWith('linescope_server_')
    );
    const base = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const missing = [...new Set(own.map(base))].filter((name) => ![...shown].some((s) => base(s) === name));
    expect(missing).toEqual([]);
  });
});

describe('the alert rules', () => {
  it('cover errors, rate limits, the shared cache, latency and readiness', () => {
    expect(alerts.map((a) => a.alert).sort()).toEqual([
      'LinescopeErrorRatioHigh',
      'LinescopeGitHostRateLimitLow',
      'LinescopeLatencyHigh',
      'LinescopeNotReady',
      'LinescopeSharedCacheDown',
    ]);
  });

  it.each(alerts.map((a) => [a.alert, a]))('%s parses and names exported metrics and labels', (_name, alert) => {
    expect(problems(alert.expr)).toEqual([]);
    expect(alert.for).toMatch(/^\d+m$/);
    expect(['warning', 'critical']).toContain(alert.labels.severity);
    // Every label the annotations show is one the expression keeps.
    const kept = new Set(parsePromQL(alert.expr).labels);
    const shown = [...JSON.stringify(alert.annotations).matchAll(/\$labels\.(\w+)/g)].map((m) => m[1]);
    expect(shown.filter((l) => !kept.has(l))).toEqual([]);
  });

  it.each(alerts.map((a) => [a.alert, a]))('%s links its runbook in docs/runbooks.md', (name, alert) => {
    const readme = readFileSync(path.join(ROOT, 'docs/runbooks.md'), 'utf8');
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, '')
          .replace(/ /g, '-')
      )
    );
    const url = new URL(alert.annotations.runbook_url);
    expect(url.origin + url.pathname).toBe('https://github.com/linescope/linescope/blob/main/docs/runbooks.md');
    expect(url.hash).toBe(`#${String(name).toLowerCase()}`);
    expect(anchors.has(url.hash.slice(1))).toBe(true);
  });

  it('is a Prometheus rule file as it is, for Prometheus without the operator', () => {
    const [file] = readYamlDocuments(path.join(MONITORING, 'alerts.yaml'));
    expect(Object.keys(file.spec)).toEqual(['groups']);
    for (const group of file.spec.groups) {
      expect(Object.keys(group).sort()).toEqual(['name', 'rules']);
    }
  });
});
