/**
 * The fields of `.pyroscope.yaml` as people read them: docs/reference/pyroscope-yaml.md is generated from this
 * table and the Git hosts' mapping shapes (each host table entry's `mapping`), and `config-schema.test.ts` holds it
 * to `parseConfig` (every field's example parses cleanly, every source kind the parser accepts is described, and
 * nothing else).
 */
import type { HostMapping } from '../hosts/host-paths';
import { sourceKinds } from './config';
import { LANGUAGES } from './languages';

export interface ConfigField {
  /** Where the field sits, `mappings[]` standing for each entry of `source_code.mappings`. */
  key: string;
  type: string;
  meaning: string;
}

export interface SourceKind {
  kind: string;
  fields: ConfigField[];
  /** A whole mapping using this kind, as YAML (one list entry). */
  example: string;
}

const mapping = 'source_code.mappings[]';

/** The fields of the file; `hosts` give the Git hosts' source kinds. */
export const configFields = (hosts: readonly HostMapping[]): ConfigField[] => [
  { key: 'version', type: 'string', meaning: '`v1` (the only version; empty is read as `v1`)' },
  {
    key: 'source_code.mappings',
    type: 'list',
    meaning: 'every mapping whose prefix matches a frame is tried, longest prefix first, before the language rules',
  },
  {
    key: `${mapping}.path`,
    type: 'list of `{prefix: …}`',
    meaning:
      'matches frames whose file path starts with a prefix (a `file://` URL or `<internal:/…>` is matched by the path inside)',
  },
  {
    key: `${mapping}.function_name`,
    type: 'list of `{prefix: …}`',
    meaning: 'matches frames whose function name starts with a prefix (Java: `com/acme/shop`)',
  },
  {
    key: `${mapping}.language`,
    type: `one of ${LANGUAGES.map((l) => `\`${l}\``).join(', ')}`,
    meaning: 'the rules used for what the mapping finds',
  },
  {
    key: `${mapping}.source`,
    type: `exactly one of ${sourceKinds(hosts)
      .map((k) => `\`${k}\``)
      .join(', ')}`,
    meaning: 'where the matched files are',
  },
];

/** Every source kind: `local`, each host's (its fields, then `ref` and `path`), the registries'. */
export function sourceKindsDescribed(hosts: readonly HostMapping[]): SourceKind[] {
  const [local, ...registries] = OWN_KINDS;
  return [local, ...hosts.map(hostKind), ...registries];
}

function hostKind(host: HostMapping): SourceKind {
  return {
    kind: host.key,
    fields: [
      ...host.fields,
      { key: 'ref', type: 'string', meaning: 'a branch, tag or commit' },
      { key: 'path', type: 'string', meaning: 'the folder in that repository the rest of the frame path is under' },
    ],
    example: host.example,
  };
}

const OWN_KINDS: SourceKind[] = [
  {
    kind: 'local',
    fields: [{ key: 'path', type: 'string', meaning: 'a folder of this repository, relative to the root path' }],
    example: ['- path: [{ prefix: /app }]', '  language: go', '  source: { local: { path: "" } }'].join('\n'),
  },
  {
    kind: 'registry',
    fields: [
      {
        key: 'name',
        type: 'one of `goproxy`, `npm`, `rubygems`, `pypi`, `off`',
        meaning:
          'frames under the prefix are read from that package registry first, the package and version from the frame path and the lock files; `off` keeps every frame under the prefix away from all registries',
      },
    ],
    example: [
      '- path: [{ prefix: /app/node_modules/ }]',
      '  language: javascript',
      '  source: { registry: { name: npm } }',
    ].join('\n'),
  },
  {
    kind: 'maven',
    fields: [
      {
        key: 'coordinates',
        type: 'string',
        meaning:
          '`groupId:artifactId:version` whose `-sources.jar` (from `MAVEN_URL`) holds the classes under the prefix',
      },
    ],
    example: [
      '- function_name: [{ prefix: com/google/common }]',
      '  language: java',
      '  source: { maven: { coordinates: "com.google.guava:guava:33.0.0-jre" } }',
    ].join('\n'),
  },
];
