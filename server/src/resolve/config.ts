/** `.pyroscope.yaml`: parsing and validation (the mappings it gives, and their matching, are in mappings.ts). */
import { parseDocument } from 'yaml';

import { isRepositoryName } from '../hosts/repository';
import { configTextProblem, MAX_CONFIG_ALIASES, MAX_CONFIG_MAPPINGS } from './config-limits';
import { LANGUAGES } from './languages';
import { parseCoordinates } from '../registries/dependency';
import { MAPPED_REGISTRIES, MappedRegistry, Mapping, MappingSource, PyroscopeConfig } from './mappings';

/** The kinds of `source` a mapping may have (exactly one each). */
export const SOURCE_KINDS = ['local', 'github', 'gitlab', 'registry', 'maven'] as const;

export interface ConfigResult {
  /** Undefined when the file cannot be used at all (parse error, wrong version). */
  config?: PyroscopeConfig;
  /** Every problem found, as readable sentences; invalid mappings are left out of `config`. */
  problems: string[];
}

/**
 * Parses and validates a config. Unlike Pyroscope, one invalid mapping does not throw the whole file away:
 * the valid mappings are kept and every problem is reported, so the caller can show it.
 */
export function parseConfig(text: string): ConfigResult {
  const refused = configTextProblem(text);
  if (refused !== undefined) {
    return { problems: [`failed to parse pyroscope config: ${refused}`] };
  }
  let root: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      return parseProblem(doc.errors.map((e) => e.message));
    }
    // yaml refuses aliases expanding past maxAliasCount (a "billion laughs" document) by throwing.
    root = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
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
    const result = validateMapping(raw, index);
    if (typeof result === 'string') {
      problems.push(`invalid pyroscope config: mapping[${index}]: ${result}`);
    } else {
      mappings.push(result);
    }
  });
  return { config: { version: 'v1', mappings }, problems };
}

/** The parser's messages, with an alias bomb said as such. */
function parseProblem(messages: string[]): ConfigResult {
  const readable = messages.map((m) =>
    m.replace(/ indicates a resource exhaustion attack$/, ': the document expands too much')
  );
  return { problems: [`failed to parse pyroscope config: ${[...new Set(readable)].join('; ')}`] };
}

function validateMapping(raw: unknown, index: number): Mapping | string {
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
  const present = SOURCE_KINDS.filter((k) => source[k] !== null && source[k] !== undefined);
  if (present.length === 0) {
    errors.push('no source type supplied, you need to supply exactly one source type');
  } else if (present.length > 1) {
    errors.push('more than one source type supplied, you need to supply exactly one source type');
  }
  if (errors.length > 0) {
    return errors.join('; ');
  }
  const fields = (source[present[0]] ?? {}) as Record<string, unknown>;
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
  if (present[0] === 'gitlab') {
    const project = scalar(fields.project).replace(/^\/+|\/+$/g, '');
    const segments = project.split('/');
    if (segments.length < 2 || segments.some((s) => s === '' || s === '.' || s === '..')) {
      return `a gitlab source needs project: <group>/<project> (groups may nest), got '${project}'`;
    }
    const gitlab = { project, ref: scalar(fields.ref), path: scalar(fields.path) };
    return { index, pathPrefixes, functionNamePrefixes, language, source: { gitlab } };
  }
  const mappingSource: MappingSource =
    present[0] === 'local'
      ? { local: { path: scalar(fields.path) } }
      : {
          github: {
            owner: scalar(fields.owner),
            repo: scalar(fields.repo),
            ref: scalar(fields.ref),
            path: scalar(fields.path),
          },
        };
  if ('github' in mappingSource) {
    const { owner, repo } = mappingSource.github;
    if (!owner || !repo) {
      return 'a github source needs owner and repo';
    }
    if (!isRepositoryName(owner) || !isRepositoryName(repo)) {
      return `a github source's owner and repo are names of letters, digits, '.', '-' and '_': '${owner}/${repo}'`;
    }
  }
  return { index, pathPrefixes, functionNamePrefixes, language, source: mappingSource };
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
