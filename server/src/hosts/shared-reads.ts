/**
 * What a host's reads keep in the shared tier (CACHE_URL), for any host: files and trees by commit sha
 * (immutable: kept until the cache server evicts them), a ref's sha with its ETag (REF_TTL_SECONDS), and the
 * proof that a user's token reads a repository (ACCESS_TTL_SECONDS), keyed by the user's id (a hash of the token)
 * under the session secret. Every value read back is checked for its shape; anything else is ignored.
 */
import { SharedCache, SharedEntry } from '../cache/shared-cache';
import { CachedFile } from './files';
import { Repository } from './git-host';

/** A ref as last resolved by any replica: the host revalidates it with `etag` once `checkedAt` is older than its TTL. */
export interface SharedRef {
  sha: string;
  etag?: string;
  checkedAt: number;
}

const SHA = /^[0-9a-f]{40,64}$/;
const MISSING_REASONS = ['not_found', 'not_a_file'];
const REJECTED_REASONS = ['too_large', 'binary'];

export class SharedReads {
  /** `host` tells hosts apart (e.g. `github https://api.github.com`): the same owner/repo elsewhere is another repository. */
  constructor(
    private readonly cache: SharedCache,
    private readonly host: string
  ) {}

  getFile(repo: Repository, sha: string, path: string): Promise<CachedFile | undefined> {
    return this.cache.get('files', [this.host, repo.fullName, sha, path], decodeFile);
  }

  setFile(repo: Repository, sha: string, path: string, file: CachedFile): void {
    this.cache.set('files', [this.host, repo.fullName, sha, path], encodeFile(file));
  }

  /** `{ paths: undefined }` records a tree too large to list. */
  getTree(repo: Repository, sha: string): Promise<{ paths: ReadonlySet<string> | undefined } | undefined> {
    return this.cache.get('trees', [this.host, repo.fullName, sha], decodeTree);
  }

  setTree(repo: Repository, sha: string, paths: ReadonlySet<string> | undefined): void {
    const body = paths ? Buffer.from(JSON.stringify([...paths]), 'utf8') : Buffer.alloc(0);
    this.cache.set('trees', [this.host, repo.fullName, sha], { header: { listed: paths !== undefined }, body });
  }

  getRef(repo: Repository, ref: string): Promise<SharedRef | undefined> {
    return this.cache.get('refs', [this.host, repo.fullName, ref], decodeRef);
  }

  setRef(repo: Repository, ref: string, value: SharedRef, ttlMs: number): void {
    this.cache.set('refs', [this.host, repo.fullName, ref], { header: { ...value }, body: Buffer.alloc(0) }, ttlMs);
  }

  /** When this user's access was last proven by any replica, if within the shared tier's record. */
  provenAt(userId: string, repo: Repository): Promise<number | undefined> {
    return this.cache.get('access', [this.host, userId, repo.fullName], (entry) => {
      const at = entry.header.provenAt;
      return typeof at === 'number' && Number.isFinite(at) && entry.body.length === 0 ? at : undefined;
    });
  }

  markAccess(userId: string, repo: Repository, provenAt: number, ttlMs: number): void {
    this.cache.set(
      'access',
      [this.host, userId, repo.fullName],
      { header: { provenAt }, body: Buffer.alloc(0) },
      ttlMs
    );
  }
}

/** A file (or why there is none) as the shared tier keeps it; package registries' files use the same shape. */
export function encodeFile(file: CachedFile): SharedEntry {
  return file.kind === 'file'
    ? { header: { state: 'file' }, body: file.content }
    : { header: { state: file.kind, reason: file.reason, message: file.message }, body: Buffer.alloc(0) };
}

export function decodeFile(entry: SharedEntry): CachedFile | undefined {
  const { state, reason, message } = entry.header;
  if (state === 'file') {
    return { kind: 'file', content: entry.body };
  }
  if (typeof message !== 'string' || entry.body.length > 0) {
    return undefined;
  }
  if (state === 'missing' && MISSING_REASONS.includes(reason as string)) {
    return { kind: 'missing', reason: reason as 'not_found' | 'not_a_file', message };
  }
  if (state === 'rejected' && REJECTED_REASONS.includes(reason as string)) {
    return { kind: 'rejected', reason: reason as 'too_large' | 'binary', message };
  }
  return undefined;
}

function decodeTree(entry: SharedEntry): { paths: ReadonlySet<string> | undefined } | undefined {
  if (entry.header.listed === false) {
    return entry.body.length === 0 ? { paths: undefined } : undefined;
  }
  if (entry.header.listed !== true) {
    return undefined;
  }
  let paths: unknown;
  try {
    paths = JSON.parse(entry.body.toString('utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? { paths: new Set(paths) } : undefined;
}

function decodeRef(entry: SharedEntry): SharedRef | undefined {
  const { sha, etag, checkedAt } = entry.header;
  if (
    typeof sha !== 'string' ||
    !SHA.test(sha) ||
    (etag !== undefined && typeof etag !== 'string') ||
    typeof checkedAt !== 'number' ||
    !Number.isFinite(checkedAt)
  ) {
    return undefined;
  }
  return { sha, etag, checkedAt };
}
