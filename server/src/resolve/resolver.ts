/**
 * GetFile's resolution (Pyroscope's, with Linescope's improvements): `.pyroscope.yaml` mappings tried
 * longest prefix first (all of them), then the language's own rules; a record of every place tried.
 */
import { SourceReader } from '../hosts/git-host';
import type { RegistrySources } from '../registries/runtime';
import { ConfigResult } from './config';
import { registriesOffFor, tryMappedRegistry } from './dependencies';
import { hostMappings, parseConfigCached } from './config-cache';
import { unwrapFramePath } from './frame-path';
import { LANGUAGE_RULES, rulesNamed } from './languages';
import { LanguageFrame, LanguageRules } from './languages/language';
import { Language, matchingMappings } from './mappings';
import { extensionOf, hasParentSegment } from './paths';
import {
  NotResolvedError,
  Resolution,
  ResolutionHost,
  relativeToMapping,
  ResolveRequest,
  Resolved,
} from './resolution';

export class BadPathError extends Error {}

/** The rules of the first language (in the table's order) that owns a frame's path. */
function rulesOfPath(path: string): LanguageRules | undefined {
  const extension = extensionOf(unwrapFramePath(path));
  return LANGUAGE_RULES.find((rules) => rules.ownsPath(path, extension));
}

export function languageOfPath(path: string): Language | '' {
  return rulesOfPath(path)?.names[0] ?? '';
}

/** By the path, else (a frame with no path) by the function name alone. */
export function languageOfFrame(path: string, functionName: string): Language | '' {
  const byName = () => LANGUAGE_RULES.find((rules) => rules.ownsFunctionName?.(functionName))?.names[0] ?? '';
  return languageOfPath(path) || (path === '' ? byName() : '');
}

export async function resolveFile(
  reader: SourceReader,
  request: ResolveRequest,
  githubUrl: string,
  hosts: readonly ResolutionHost[],
  registries?: RegistrySources
): Promise<Resolved> {
  for (const [name, value] of [
    ['localPath', request.path],
    ['rootPath', request.rootPath],
  ]) {
    if (hasParentSegment(value)) {
      throw new BadPathError(`${name} must not contain '..': ${value}`);
    }
  }
  const r = new Resolution(reader, request, githubUrl, hosts, registries);
  // While the config loads, start what the frame's language rules will most likely need.
  rulesOfPath(request.path)?.speculate?.(r);
  const config = (await loadConfig(r))?.config;
  const matches = matchingMappings(config, request.path, request.functionName);
  r.language = matches[0]?.mapping.language ?? languageOfFrame(request.path, request.functionName);

  r.registriesOff = registriesOffFor(matches);

  for (const match of matches) {
    const mappedRules = rulesNamed(match.mapping.language);
    const rel = mappedRules?.fileForMapping?.(request) ?? underMapping(request.path, relativeToMapping(match));
    const source = match.mapping.source;
    const found =
      'registry' in source || 'maven' in source
        ? await tryMappedRegistry(r, match, rel, mappedRules?.dependency)
        : await r.tryMapping(match, rel);
    if (found) {
      return found;
    }
  }

  const rules = rulesNamed(r.language);
  const frame: LanguageFrame = { config, mapped: matches.length > 0, runtimeVersion: request.runtimeVersion ?? '' };
  const found = rules ? await rules.find(r, frame) : await r.tryRelativeSuffixes('relative', request.path);
  if (found) {
    return found;
  }
  throw notResolved(r, rules?.notFoundReason(r, frame) ?? 'file not found');
}

/** Where the frame sits under a mapping: its path after the prefix, unless its language says otherwise. */
function underMapping(path: string, rel: string): string {
  return rulesOfPath(path)?.underMapping?.(path, rel) ?? rel;
}

/** Loads `.pyroscope.yaml` at rootPath (parsed once per content); problems are kept for the explanation. */
async function loadConfig(r: Resolution): Promise<ConfigResult | undefined> {
  const found = await r.tryUnderRoot('config', '.pyroscope.yaml');
  if (!found) {
    return undefined;
  }
  r.configFound = true;
  const result = parseConfigCached(found.content, hostMappings(r.hosts));
  r.configProblems = [...result.problems];
  return result;
}

function notResolved(r: Resolution, reason: string): NotResolvedError {
  const tried = r.attempts.filter((a) => a.rule !== 'config');
  const configProblems = bounded(r.configProblems, MAX_EXPLAINED_PROBLEMS, (n) => `… and ${n} more problems`);
  const problems = configProblems.length > 0 ? `; .pyroscope.yaml: ${configProblems.join('; ')}` : '';
  const message = `${reason} (${tried.length} place${tried.length === 1 ? '' : 's'} tried for ${r.request.path || '(empty path)'})${problems}`;
  const errors = tried.filter((a) => a.outcome.startsWith('error'));
  const unavailable = errors.length > 0 && errors.length === tried.length;
  const attempts = r.attempts.slice(0, MAX_EXPLAINED_ATTEMPTS).map((a) => ({
    ...a,
    path: cut(a.path),
    outcome: cut(a.outcome),
  }));
  const more = r.attempts.length - attempts.length;
  if (more > 0) {
    attempts.push({ rule: 'more', repositoryUrl: '', ref: '', path: '', outcome: `… and ${more} more attempts` });
  }
  return new NotResolvedError(
    cut(message, MAX_MESSAGE_CHARS),
    { attempts, configProblems, language: r.language, configFound: r.configFound },
    unavailable
  );
}

/**
 * The not-found explanation is bounded whatever the config or the request: a file with a thousand matching or
 * invalid mappings gives a readable answer of a few KB, not one line per mapping.
 */
const MAX_EXPLAINED_ATTEMPTS = 60;
const MAX_EXPLAINED_PROBLEMS = 10;
const MAX_EXPLAINED_CHARS = 1000;
const MAX_MESSAGE_CHARS = 4000;

function bounded(lines: string[], max: number, rest: (n: number) => string): string[] {
  const kept = lines.slice(0, max).map((line) => cut(line));
  return lines.length > max ? [...kept, rest(lines.length - max)] : kept;
}

function cut(text: string, max = MAX_EXPLAINED_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
