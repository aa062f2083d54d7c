/** `.pyroscope.yaml`: parsing and validation (the mappings it gives, and their matching, are in mappings.ts). */
import { Document, isSeq, LineCounter, parseDocument } from 'yaml';

import type { HostMapping } from '../hosts/host-paths';
import { configTextProblem, MAX_CONFIG_ALIASES, MAX_CONFIG_MAPPINGS } from './config-limits';
import { LANGUAGES } from './languages';
import { parseCoordinates } from '../registries/dependency';
import { MAPPED_REGISTRIES, MappedRegistry, Mapping, PyroscopeConfig } from './mappings';

/** The kinds of `source` a mapping may have besides the Git hosts' (whose keys their table entries give). */
export const OWN_SOURCE_KINDS = ['local', 'registry', 'maven'] as const;

/** Every kind of `source` a mapping may have (exactly one each): `local`, each host's key, the registries'. */
export function sourceKinds(hosts: readonly HostMapping[]): string[] {
  return ['local', ...hosts.map((h) => h.key), 'registry', 'maven'];
}

export interface ConfigResult {
  /** Undefined when the file cannot be used at all (parse error, wrong version). */
  config?: PyroscopeConfig;
  /** Every problem found, as readable sentences; invalid mappings are left out of `config`. */
  problems: string[];
}

/**
 * Parses and validates a config. Unlike Pyroscope, one invalid mapping does not throw the whole file away:
 * the valid mappings are kept and every problem is reported (with its line), so the caller can show it. `hosts`
 * are the Git hosts' mapping shapes (each host table entry's `mapping`).
 */
export function parseConfig(text: string, hosts: readonly HostMapping[]): ConfigResult {
  const refused = configTextProblem(text);
  if (refused !== undefined) {
    return { problems: [`failed to parse pyroscope config: ${refused}`] };
  }
  let root: unknown;
  const lineCounter = new LineCounter();
  let lines: number[] = [];
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
    if (doc.errors.length > 0) {
      return parseProblem(doc.errors.map((e) => e.message));
    }
    // yaml refuses aliases expanding past maxAliasCount (a "billion laughs" document) by throwing.
    root = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
    lines = mappingLines(doc, lineCounter);
  } catch (e) {
    return parseProblem([e instanceof Error ? e.message : String(e)]);
  }
  if (root === null || root === undefined) {
    return { config: { version: 'v1', mappings: [] }, problems: [] };
  }
  if (typeof root !== 'object' || Array.isArray(root)) {
    return { problems: ['invalid pyroscope config: the file must be a mapping with `version` and `source_code`'] };
  }
  const object = root as Record<string, unknown>;
  const version = scalar(object.version);
  if (version !== '' && version !== 'v1') {
    return { problems: [`invalid pyroscope config: invalid version '${version}', supported versions are 'v1'`] };
  }
  const sourceCode = object.source_code;
  const rawMappings =
    sourceCode && typeof sourceCode === 'object' ? (sourceCode as Record<string, unknown>).mappings : undefined;
  if (rawMappings !== undefined && rawMappings !== null && !Array.isArray(rawMappings)) {
    return { problems: ['invalid pyroscope config: source_code.mappings must be a list'] };
  }
  const problems: string[] = [];
  const mappings: Mapping[] = [];
  const listed: unknown[] = rawMappings ?? [];
  if (listed.length > MAX_CONFIG_MAPPINGS) {
    problems.push(
      `invalid pyroscope config: ${listed.length} mappings, only the first ${MAX_CONFIG_MAPPINGS} are used`
    );
  }
  listed.slice(0, MAX_CONFIG_MAPPINGS).forEach((raw: unknown, index: number) => {
    const result = validateMapping(raw, index, hosts);
    if (typeof result === 'string') {
      const line = lines[index] ? ` (line ${lines[index]})` : '';
      problems.push(`invalid pyroscope config: mapping[${index}]: ${result}${line}`);
    } else {
      mappings.push(result);
    }
  });
  return { config: { version: 'v1', mappings }, problems };
}

/** The line each entry of `source_code.mappings` starts on (1-based), for messages. */
function mappingLines(doc: Document, lineCounter: LineCounter): number[] {
  const list = doc.getIn(['source_code', 'mappings'], true);
  if (!isSeq(list)) {
    return [];
  }
  return list.items.map((item) => {
    const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
    return start === undefined ? 0 : lineCounter.linePos(start).line;
  });
}

/** The parser's messages, with an alias bomb said as such. */
function parseProblem(messages: string[]): ConfigResult {
  const readable = messages.map((m) =>
    m.replace(/ indicates a resource exhaustion attack$/, ': the document expands too much')
  );
  return { problems: [`failed to parse pyroscope config: ${[...new Set(readable)].join('; ')}`] };
}

function validateMapping(raw: unknown, index: number, hosts: readonly HostMapping[]): Mapping | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return 'a mapping must be an object with path or function_name, language and source';
  }
  const m = raw as Record<string, unknown>;
  const errors: string[] = [];
  const pathPrefixes = prefixes(m.path, 'path', errors);
  const functionNamePrefixes = prefixes(m.function_name, 'function_name', errors);
  if (pathPrefixes.length === 0 && functionNamePrefixes.length === 0) {
    errors.push('at least one path or a function_name match is required');
  }
  const language = scalar(m.language);
  if (!LANGUAGES.includes(language)) {
    errors.push(`language '${language}' unsupported, valid languages are [${LANGUAGES.join(' ')}]`);
  }
  const source = (m.source && typeof m.source === 'object' ? m.source : {}) as Record<string, unknown>;
  const present = sourceKinds(hosts).filter((k) => source[k] !== null && source[k] !== undefined);
  if (present.length === 0) {
    errors.push('no source type supplied, you need to supply exactly one source type');
  } else if (present.length > 1) {
    errors.push('more than one source type supplied, you need to supply exactly one source type');
  }
  if (errors.length > 0) {
    return errors.join('; ');
  }
  const given = source[present[0]];
  const fields = (given && typeof given === 'object' && !Array.isArray(given) ? given : {}) as Record<string, unknown>;
  if (present[0] === 'registry') {
    const name = scalar(fields.name);
    if (!(MAPPED_REGISTRIES as readonly string[]).includes(name)) {
      return `a registry source needs name: one of ${MAPPED_REGISTRIES.join(', ')} (Maven: a maven source with coordinates), got '${name}'`;
    }
    return {
      index,
      pathPrefixes,
      functionNamePrefixes,
      language,
      source: { registry: { name: name as MappedRegistry } },
    };
  }
  if (present[0] === 'maven') {
    const coordinates = scalar(fields.coordinates);
    try {
      parseCoordinates(coordinates);
    } catch (error) {
      return `a maven source needs coordinates: ${error instanceof Error ? error.message : String(error)}`;
    }
    return { index, pathPrefixes, functionNamePrefixes, language, source: { maven: { coordinates } } };
  }
  if (present[0] === 'local') {
    return { index, pathPrefixes, functionNamePrefixes, language, source: { local: { path: scalar(fields.path) } } };
  }
  const host = hosts.find((h) => h.key === present[0]) as HostMapping;
  const texts = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, scalar(value)]));
  const repositoryPath = host.repositoryPath(texts);
  if (typeof repositoryPath !== 'string') {
    return repositoryPath.problem;
  }
  const onHost = { key: host.key, repositoryPath, ref: texts.ref ?? '', path: texts.path ?? '' };
  return { index, pathPrefixes, functionNamePrefixes, language, source: { host: onHost } };
}

function prefixes(value: unknown, key: string, errors: string[]): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    errors.push(`${key} must be a list of {prefix: ...} entries`);
    return [];
  }
  const out: string[] = [];
  for (const entry of value) {
    if (entry && typeof entry === 'object' && 'prefix' in entry) {
      out.push(scalar((entry as Record<string, unknown>).prefix));
    } else {
      errors.push(`${key} entries must look like {prefix: ...}`);
    }
  }
  return out;
}

/** A value as text for matching and messages; a collection is shown as JSON, cut short, cycles (aliases) marked. */
function scalar(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'object') {
    return String(value);
  }
  const seen = new Set<unknown>();
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object') {
      if (seen.has(v)) {
        return '(alias of itself)';
      }
      seen.add(v);
    }
    return v;
  });
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
