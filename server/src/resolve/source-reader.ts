/** What resolution needs from a Git host. The GitHub implementation lives in github/source.ts; tests may use a map. */
import { Repository } from '../github/repository-url';

export interface RepoFile {
  content: Buffer;
  /** Web URL of the file at the requested ref. */
  url: string;
}

export interface SourceReader {
  /**
   * Reads a file at a ref ("" = the default branch). Throws FileNotFoundError when it does not exist or is not
   * a file, FileRejectedError when it is too large or binary; other errors are GitHub failures.
   */
  readFile(repo: Repository, path: string, ref: string): Promise<RepoFile>;
  /** All file paths of the tree at ref, or undefined when the host cannot list it in one call. */
  listFiles(repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined>;
}
