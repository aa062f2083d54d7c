/**
 * GetFile's resolution (Pyroscope's, with Linescope's improvements): `.pyroscope.yaml` mappings tried
 * longest prefix first (all of them), then the language's own rules; a record of every place tried.
 */
import { SourceReader } from '../hosts/git-host';
import { Language, matchingMappings } from './config';
import { findGoFile } from './go';
import { findJavaFile, javaFileOf } from './java';
import { JAVASCRIPT_EXTENSIONS } from './javascript';
import { detectGoStd, goReleaseTag } from './go-modules';
import { unwrapFramePath } from './frame-path';
import { extensionOf, goJoin, hasParentSegment } from './paths';
import { findNodeFile, nodeLibraryFile, nodeMappedPath, nodeNotFoundReason, nodeReleaseTag } from './node';
import { detectPythonStd, findPythonFile } from './python';
import { GitlabContext, NotResolvedError, Resolution, relativeToMapping, ResolveRequest, Resolved } from './resolution';
import { findRubyFile, rubyNotFoundReason } from './ruby';

export class BadPathError extends Error {}

export function languageOfPath(path: string): Language | '' {
  const ext = extensionOf(unwrapFramePath(path));
  if (ext === '.go' || ext === '.s') {
    return 'go';
  }
  if (ext === '.py') {
    return 'python';
  }
  if (ext === '.java') {
    return 'java';
  }
  if (JAVASCRIPT_EXTENSIONS.includes(ext) || path.startsWith('node:')) {
    return 'javascript';
  }
  if (ext === '.rb' || path === '<cfunc>' || path.startsWith('<internal:')) {
    return 'ruby';
  }
  return '';
}

/**
 * Pyroscope's Java agent writes frames without a file, named by class and method (`com/acme/Foo.bar`): with no
 * path, such a name says Java.
 */
const JAVA_FRAME_NAME = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)+\.[\w$<>]+$/;

export function languageOfFrame(path: string, functionName: string): Language | '' {
  return languageOfPath(path) || (path === '' && JAVA_FRAME_NAME.test(functionName) ? 'java' : '');
}

export async function resolveFile(
  reader: SourceReader,
  request: ResolveRequest,
  githubUrl: string,
  gitlab?: GitlabContext
): Promise<Resolved> {
  for (const [name, value] of [
    ['localPath', request.path],
    ['rootPath', request.rootPath],
  ]) {
    if (hasParentSegment(value)) {
      throw new BadPathError(`${name} must not contain '..': ${value}`);
    }
  }
  const r = new Resolution(reader, request, githubUrl, gitlab);
  speculate(r);
  const configResult = await r.loadConfig();
  const config = configResult?.config;
  const matches = matchingMappings(config, request.path, request.functionName);
  const language = matches[0]?.mapping.language ?? languageOfFrame(request.path, request.functionName);
  r.language = language;

  for (const match of matches) {
    const rel =
      match.mapping.language === 'java'
        ? javaFileOf(request.functionName, request.path)
        : nodeLibraryFile(request.path)
          ? nodeMappedPath(relativeToMapping(match))
          : relativeToMapping(match);
    const found = await r.tryMapping(match, rel);
    if (found) {
      return found;
    }
  }

  let found: Resolved | undefined;
  switch (language) {
    case 'go':
      found = await findGoFile(r, config);
      break;
    case 'python':
      found = await findPythonFile(r);
      break;
    case 'java':
      found = await findJavaFile(r);
      break;
    case 'javascript':
    case 'typescript':
      found = await findNodeFile(r, request.runtimeVersion ?? '', matches.length > 0);
      break;
    case 'ruby':
      found = await findRubyFile(r, request.runtimeVersion ?? '', matches.length > 0);
      break;
    default:
      found = await r.tryRelativeSuffixes('relative', request.path);
  }
  if (found) {
    return found;
  }
  throw notResolved(r, matches.length);
}

/**
 * While the config loads, start what the language rules will most likely need: the standard-library file of a
 * versioned Go or Python frame or of a `node:` frame at the runtime version, else the tree listing used to match
 * relative paths (which a `node:` frame never needs).
 */
function speculate(r: Resolution): void {
  const path = r.request.path;
  const language = languageOfPath(path);
  const nodeLibrary = nodeLibraryFile(path);
  if (nodeLibrary) {
    const tag = nodeReleaseTag(r.request.runtimeVersion ?? '');
    if (tag) {
      r.prefetchFile(r.repository('nodejs', 'node'), nodeLibrary, tag);
    }
    return;
  }
  const goStd = language === 'go' ? detectGoStd(path) : undefined;
  if (goStd?.version) {
    r.prefetchFile(r.repository('golang', 'go'), goJoin('src', goStd.path), goReleaseTag(goStd.version));
    return;
  }
  const pyStd = language === 'python' ? detectPythonStd(path) : undefined;
  if (pyStd) {
    r.prefetchFile(r.repository('python', 'cpython'), goJoin('Lib', pyStd.path), pyStd.version);
    return;
  }
  const relative =
    language === 'javascript' ||
    language === 'python' ||
    (language === 'go' && !goStd && path.startsWith('/') && !path.includes('@v'));
  if (relative) {
    r.prefetchTree();
  }
}

function notResolved(r: Resolution, matchCount: number): NotResolvedError {
  const tried = r.attempts.filter((a) => a.rule !== 'config');
  const reason = (() => {
    switch (r.language) {
      case 'java':
        return matchCount === 0
          ? 'no mappings provided, file not resolvable'
          : 'no mapping found the file, file not resolvable';
      case 'python':
        return 'stdlib not detected and no mappings provided, file not resolvable';
      case 'javascript':
      case 'typescript':
        return nodeNotFoundReason(r.request.path, r.request.runtimeVersion, matchCount > 0);
      case 'ruby':
        return rubyNotFoundReason(r.request.path, r.request.runtimeVersion, matchCount > 0);
      default:
        return 'file not found';
    }
  })();
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
