/**
 * One GetFile resolution: the request, the loaded config, and the record of every place tried. Language
 * finders use `tryFile` / `tryUnderRoot` / `tryRelativeSuffixes`; the record becomes the not-found explanation.
 */
import { attemptOutcome, endsEveryCall, endsResolution } from '../hosts/error-policy';
import type { KnownHost } from '@linescope/repository-url';
import { RepoFile, Repository, SourceReader } from '../hosts/git-host';
import type { HostGoModules, HostMapping } from '../hosts/host-paths';
import { parseRepositoryUrl, repositoryFromParts, RepositoryHost, RepositoryUrlError } from '../hosts/repository';
import type { RegistrySources } from '../registries/runtime';
import type { RegistryKind } from '../registries/registry';
import { unwrapFramePath } from './frame-path';
import { Language, MappingMatch } from './mappings';
import { goJoin, stripLeadingSlashes, underRoot } from './paths';

export interface ResolveRequest {
  repository: Repository;
  /** "" means HEAD. */
  ref: string;
  path: string;
  rootPath: string;
  functionName: string;
  /** The runtime's version from the service's labels (Node's, Ruby's), "" or absent when unknown. */
  runtimeVersion?: string;
}

/**
 * A Git host of the host table as resolution sees it (rpc/hosts.ts builds one per entry): where mappings and Go
 * module paths that name its repositories lead. Resolution names no host; each entry says its own shapes.
 */
export interface ResolutionHost {
  /** In messages: "GitLab". */
  name: string;
  /** Whether this server reads from it: a mapping naming a host it does not is skipped, saying so. */
  serves: boolean;
  repositoryHost: RepositoryHost;
  /** The host as repository URLs and import paths carry it (its own name and aliases, a path prefix). */
  names: readonly KnownHost[];
  mapping?: HostMapping;
  goModules?: HostGoModules;
}

export interface Resolved {
  content: Buffer;
  url: string;
  repository: Repository;
  ref: string;
  path: string;
  rule: string;
  /** Set when the file came from a package registry: `repository` is then the request's, `ref` the version. */
  packageSource?: { registry: RegistryKind; name: string; version: string; platform?: string };
}

export interface Attempt {
  rule: string;
  repositoryUrl: string;
  ref: string;
  path: string;
  outcome: string;
}

export interface Explanation {
  attempts: Attempt[];
  configProblems: string[];
  language: Language | '';
  configFound: boolean;
}

/** Nothing found; carries what was tried. `unavailable` when every attempt failed for a reason other than 404. */
export class NotResolvedError extends Error {
  constructor(
    message: string,
    readonly explanation: Explanation,
    readonly unavailable: boolean
  ) {
    super(message);
  }
}

/** Host calls one resolution may make at most (Pyroscope: up to 31). */
const MAX_FETCHES = 40;

export class Resolution {
  readonly attempts: Attempt[] = [];
  configProblems: string[] = [];
  configFound = false;
  language: Language | '' = '';
  private fetches = 0;
  /** Reads started ahead (while the config loads), picked up by tryFile when the same place is tried. */
  private readonly prefetched = new Map<string, Promise<RepoFile>>();
  private readonly remembered = new Map<string, Promise<unknown>>();

  /** A matching `.pyroscope.yaml` mapping says `registry: off`: no registry is asked for this frame. */
  registriesOff = false;

  constructor(
    readonly reader: SourceReader,
    readonly request: ResolveRequest,
    readonly githubUrl: string,
    readonly hosts: readonly ResolutionHost[],
    readonly registries?: RegistrySources
  ) {}

  /** Counts one call against the resolution's budget; false (and nothing counted) when it is spent. */
  spendFetch(): boolean {
    if (this.fetches >= MAX_FETCHES) {
      return false;
    }
    this.fetches++;
    return true;
  }

  get ref(): string {
    return this.request.ref || 'HEAD';
  }

  repository(owner: string, repo: string): Repository {
    return repositoryFromParts(this.githubUrl, owner, repo);
  }

  /** The hosts this server reads whose Go module paths are known (their table entries give the shape). */
  get moduleHosts(): ResolutionHost[] {
    return this.hosts.filter((h) => h.serves && h.goModules);
  }

  /**
   * Reads from a repository named by its path below a host's web URL (a mapping's, a Go module's), or records why it
   * cannot: the server does not read that host, or the path is no repository there.
   */
  tryHostFile(
    rule: string,
    host: ResolutionHost,
    repositoryPath: string,
    path: string,
    ref: string
  ): Promise<Resolved | undefined> {
    const skipped = (outcome: string) => {
      this.attempts.push({ rule, repositoryUrl: repositoryPath, ref: ref || 'default branch', path, outcome });
      return Promise.resolve(undefined);
    };
    if (!host.serves) {
      const setup = host.mapping ? ` (${host.mapping.setup})` : '';
      return skipped(`skipped: ${host.name} is not configured on this server${setup}`);
    }
    let repository: Repository;
    try {
      const base = host.repositoryHost.webUrl.replace(/\/+$/, '');
      repository = parseRepositoryUrl(`${base}/${repositoryPath}`, host.repositoryHost);
    } catch (error) {
      if (error instanceof RepositoryUrlError) {
        return skipped(`not_found: not a ${host.name} repository: ${error.message}`);
      }
      throw error;
    }
    return this.tryFile(rule, repository, path, ref);
  }

  /** The module paths the request repository's root has on the hosts whose Go module paths are known. */
  requestModulePaths(): string[] {
    const repository = this.request.repository;
    return this.moduleHosts.flatMap(({ repositoryHost, names, goModules }) => {
      const base = `${repositoryHost.webUrl.replace(/\/+$/, '')}/`;
      if (!goModules || !repository.webUrl.startsWith(base)) {
        return [];
      }
      const repositoryPath = repository.webUrl.slice(base.length);
      return names.map((name) => goModules.modulePath(repositoryPath, name));
    });
  }

  /** Reads a file and records the attempt; undefined when it is not there (or unusable). */
  async tryFile(rule: string, repository: Repository, path: string, ref: string): Promise<Resolved | undefined> {
    const cleanPath = stripLeadingSlashes(path);
    const attempt: Attempt = {
      rule,
      repositoryUrl: repository.webUrl,
      ref: ref || 'default branch',
      path: cleanPath,
      outcome: 'found',
    };
    this.attempts.push(attempt);
    if (cleanPath === '') {
      attempt.outcome = 'not_found: empty path';
      return undefined;
    }
    if (this.fetches >= MAX_FETCHES) {
      attempt.outcome = `skipped: at most ${MAX_FETCHES} places are tried per file`;
      return undefined;
    }
    const key = `${repository.fullName}@${ref}:${cleanPath}`;
    const prefetched = this.prefetched.get(key);
    this.prefetched.delete(key);
    if (!prefetched) {
      this.fetches++;
    }
    try {
      const file: RepoFile = await (prefetched ?? this.reader.readFile(repository, cleanPath, ref));
      return { content: file.content, url: file.url, repository, ref: ref || 'HEAD', path: cleanPath, rule };
    } catch (error) {
      attempt.outcome = attemptOutcome(error);
      if (endsResolution(error)) {
        throw error;
      }
      return undefined;
    }
  }

  /**
   * Starts reading a file that the language rules will most likely try first, while `.pyroscope.yaml` is still
   * loading; a mapping that finds the file first makes this the only wasted call.
   */
  prefetchFile(repository: Repository, path: string, ref: string): void {
    const cleanPath = stripLeadingSlashes(path);
    if (cleanPath === '' || this.fetches >= MAX_FETCHES) {
      return;
    }
    this.fetches++;
    const pending = this.reader.readFile(repository, cleanPath, ref);
    pending.catch(() => undefined); // errors are handled where the read is used
    this.prefetched.set(`${repository.fullName}@${ref}:${cleanPath}`, pending);
  }

  /** Starts listing the request repository's tree while the config loads (relative-path rules need it). */
  prefetchTree(): void {
    this.reader.listFiles(this.request.repository, this.request.ref).catch(() => undefined);
  }

  /** A path in the request repository at the request ref, under rootPath (Pyroscope's fetchRepoFile). */
  tryUnderRoot(rule: string, path: string): Promise<Resolved | undefined> {
    return this.tryFile(rule, this.request.repository, underRoot(this.request.rootPath, path), this.request.ref);
  }

  /**
   * Pyroscope's suffix trimming (`/var/service1/src/main.go` → `service1/src/main.go` → … → `main.go`), but
   * with one tree listing of the commit instead of up to 30 requests: only an existing candidate is fetched.
   * Without a listing (very large repository) the candidates are fetched one by one.
   */
  async tryRelativeSuffixes(rule: string, path: string, maxAttempts = 30): Promise<Resolved | undefined> {
    const candidates = relativeSuffixes(path, this.request.repository, this.requestModulePaths()).slice(0, maxAttempts);
    if (candidates.length === 0) {
      return undefined;
    }
    const files = await this.listFiles(this.request.repository, this.request.ref);
    if (files) {
      const hit = candidates.find((c) => files.has(underRoot(this.request.rootPath, c)));
      if (hit !== undefined) {
        return this.tryUnderRoot(rule, hit);
      }
      this.attempts.push({
        rule,
        repositoryUrl: this.request.repository.webUrl,
        ref: this.ref,
        path: candidates.map((c) => underRoot(this.request.rootPath, c)).join(', '),
        outcome: 'not_found: none of these paths is in the tree',
      });
      return undefined;
    }
    for (const candidate of candidates) {
      const found = await this.tryUnderRoot(rule, candidate);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  async listFiles(repository: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    if (this.fetches >= MAX_FETCHES) {
      return undefined;
    }
    this.fetches++;
    try {
      return await this.reader.listFiles(repository, ref);
    } catch (error) {
      if (endsEveryCall(error)) {
        throw error;
      }
      return undefined;
    }
  }

  /** What `load` gives, loaded once per resolution whichever rule asks first (a language's go.mod, say). */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    let pending = this.remembered.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = load();
      this.remembered.set(key, pending);
    }
    return pending;
  }

  /** Fetches the file a mapping points to, for the path relative to the mapping (`rel`). */
  tryMapping(match: MappingMatch, rel: string, rule = 'mapping'): Promise<Resolved | undefined> {
    const source = match.mapping.source;
    if ('registry' in source || 'maven' in source) {
      // Registry mappings read packages, not repositories: the resolver hands them to dependencies.ts.
      return Promise.resolve(undefined);
    }
    if ('local' in source) {
      const path = source.local.path ? goJoin(source.local.path, rel) : rel;
      return this.tryUnderRoot(`${rule}:local[${match.mapping.index}]`, path);
    }
    const { key, repositoryPath, ref, path } = source.host;
    const host = this.hosts.find((h) => h.mapping?.key === key);
    if (!host) {
      // The config was parsed with the same table: a key no host has cannot reach here.
      return Promise.resolve(undefined);
    }
    return this.tryHostFile(
      `${rule}:${key}[${match.mapping.index}]`,
      host,
      repositoryPath,
      path ? goJoin(path, rel) : rel,
      ref
    );
  }
}

/**
 * The path with 0, 1, 2, … leading segments removed (after a `github.com/<owner>/<repo>/` prefix, or another of the
 * repository's module paths, e.g. `gitlab.com/<group>/<project>`, if any).
 */
export function relativeSuffixes(path: string, repository?: Repository, modulePaths: readonly string[] = []): string[] {
  let p = unwrapFramePath(path);
  if (repository) {
    const markers = [
      `github.com/${repository.owner}/${repository.repo}/`,
      ...modulePaths.map((modulePath) => `${modulePath}/`),
    ];
    for (const marker of markers) {
      const at = p.indexOf(marker);
      if (at >= 0) {
        p = p.slice(at + marker.length);
        break;
      }
    }
  }
  const segments = stripLeadingSlashes(p)
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    out.push(segments.slice(i).join('/'));
  }
  return out;
}

/** Why an application path was not found: with no mapping, or despite one (`mapped`). */
export function unmatchedReason(mapped: boolean): string {
  return mapped
    ? 'not where the matching mappings point and relative path not found'
    : 'no mappings matched and relative path not found';
}

/**
 * What is said of a package read only through a mapping (`what`: `installed package acorn`, `gem rack 2.2.8`):
 * the attempt's outcome and the reason, which name the prefix to map, or say the mapping that matched (`mapped`)
 * did not find the file, never asking for a mapping that is there.
 */
export function packageNotFound(what: string, prefix: string, mapped: boolean): { outcome: string; reason: string } {
  return mapped
    ? {
        outcome: `skipped: ${what}: only its .pyroscope.yaml mapping can find it, and did not`,
        reason: `${what} not found through the mapping that matched its path, file not resolvable`,
      }
    : {
        outcome: `skipped: ${what}: map its path prefix (${prefix}) in .pyroscope.yaml to its repository`,
        reason: `${what} with no mapping (map the path prefix ${prefix} in .pyroscope.yaml), file not resolvable`,
      };
}

/** The path relative to a mapping: its path prefix removed (never a function_name prefix's length). */
export function relativeToMapping(match: MappingMatch): string {
  return stripLeadingSlashes(match.rest);
}
