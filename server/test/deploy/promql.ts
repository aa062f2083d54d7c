/** PromQL read with Prometheus' own grammar (@prometheus-io/lezer-promql, the parser of Prometheus' web UI). */
import { parser } from '@prometheus-io/lezer-promql';

export interface ParsedQuery {
  /** Where the grammar could not go on, as `offset: text`; empty for a query Prometheus parses. */
  errors: string[];
  /** The metric names the query selects. */
  metrics: string[];
  /** Every label name it mentions: matchers, by/without, on/ignoring. */
  labels: string[];
}

export function parsePromQL(query: string): ParsedQuery {
  const errors: string[] = [];
  const metrics: string[] = [];
  const labels: string[] = [];
  const text = (from: number, to: number) => query.slice(from, to);
  parser.parse(query).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(`${node.from}: '${text(node.from, Math.max(node.to, node.from + 10))}'`);
      } else if (node.name === 'VectorSelector') {
        const name = node.node.getChild('Identifier');
        if (name) {
          metrics.push(text(name.from, name.to));
        }
      } else if (node.name === 'LabelName') {
        labels.push(text(node.from, node.to));
      }
    },
  });
  return { errors, metrics: [...new Set(metrics)], labels: [...new Set(labels)] };
}

/** Grafana's interval variables, as a Prometheus query would have them after Grafana's substitution. */
export function withGrafanaIntervals(query: string): string {
  return query.replace(/\$__(rate_interval|interval|range)\b/g, '5m');
}
