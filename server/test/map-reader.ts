/** A SourceReader over an in-memory map, for resolution tests without HTTP: it records each read and listing. */
import { FileNotFoundError } from '../src/hosts/errors';
import { RepoFile, SourceReader } from '../src/hosts/git-host';
import { parseRepositoryUrl, Repository } from '../src/hosts/repository';
import { resolveFile } from '../src/resolve/resolver';
import { resolutionHostsFor } from './resolution-hosts';

/** Files keyed `owner/repo@ref:path`; lists a repository's tree like GitHub's recursive tree call, unless `canList` is off. */
export class MapReader implements SourceReader {
  reads: string[] = [];
  listings: string[] = [];
  constructor(
    private readonly files: Record<string, string>,
    private readonly canList = true
  ) {}

  async readFile(repo: Repository, path: string, ref: string): Promise<RepoFile> {
    this.reads.push(`${repo.fullName}@${ref}:${path}`);
    const content = this.files[`${repo.fullName}@${ref}:${path}`];
    if (content === undefined) {
      throw new FileNotFoundError('file not found');
    }
    return { content: Buffer.from(content), url: `${repo.webUrl}/blob/${ref}/${path}` };
  }

  async listFiles(repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    if (!this.canList) {
      return undefined;
    }
    this.listings.push(`${repo.fullName}@${ref}`);
    const prefix = `${repo.fullName}@${ref}:`;
    return new Set(
      Object.keys(this.files)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length))
    );
  }
}

const GITHUB = 'https://github.com';

/**
 * Resolves a frame at `path` in acme/shop at main over `files` (GitHub, no root path), returning the reader too so
 * a test can check what was read.
 */
export function resolveOver(files: Record<string, string>, path: string, runtimeVersion = '') {
  const reader = new MapReader(files);
  const repository = parseRepositoryUrl('https://github.com/acme/shop', {
    kind: 'github',
    webUrl: GITHUB,
    aliases: [],
  });
  const request = { repository, ref: 'main', path, rootPath: '', functionName: 'f', runtimeVersion };
  return { reader, result: resolveFile(reader, request, GITHUB, resolutionHostsFor()) };
}
