import type { SourceLabels } from '../labels';
import { commaSeparatedPairs, labelEntries, singleQuoted } from './labelNames';

// OTEL_RESOURCE_ATTRIBUTES values are percent-decoded; only baggage octets may appear bare.
const BAGGAGE_OCTET = /[\x21\x23-\x24\x26-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]/;

function encodeResourceValue(value: string): string {
  return Array.from(new TextEncoder().encode(value))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && BAGGAGE_OCTET.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * Shell assignments for `eval "$(linescope-labels env)"`: PYROSCOPE_LABELS (read by Pyroscope's Java and .NET
 * agents) and OTEL_RESOURCE_ATTRIBUTES with both OpenTelemetry's `vcs.*` names and Pyroscope's own, since Pyroscope
 * stamps a profile's source only from `service_*` labels.
 */
export function renderEnv(labels: SourceLabels): string {
  const entries = labelEntries(labels);
  const otel: Array<[string, string]> = [
    ['vcs.repository.url.full', labels.repository],
    ['vcs.ref.head.revision', labels.commit],
    ...(labels.branch ? ([['vcs.ref.head.name', labels.branch]] as Array<[string, string]>) : []),
    ...entries,
  ];
  const resourceAttributes = otel.map(([key, value]) => `${key}=${encodeResourceValue(value)}`).join(',');
  return [
    `export PYROSCOPE_LABELS=${singleQuoted(commaSeparatedPairs(entries, 'env'))}`,
    `export OTEL_RESOURCE_ATTRIBUTES=${singleQuoted(resourceAttributes)}`,
    '',
  ].join('\n');
}
