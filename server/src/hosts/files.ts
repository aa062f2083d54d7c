/** What any host may serve as source: a path inside the repository, a file within the size limit, not binary. */
import { FileRejectedError } from './errors';

export type CachedFile =
  | { kind: 'file'; content: Buffer }
  | { kind: 'missing'; message: string; reason: 'not_found' | 'not_a_file' }
  | { kind: 'rejected'; message: string; reason: 'too_large' | 'binary' };

const BINARY_SNIFF_BYTES = 8000;

/** The path without leading or trailing slashes; a `..` segment is refused before any call is made. */
export function cleanFilePath(path: string): string {
  if (path.split('/').includes('..')) {
    throw new FileRejectedError(`path must not contain '..': ${path}`, 'bad_path');
  }
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

export function tooLarge(path: string, size: number | undefined, maxBytes: number): CachedFile {
  return {
    kind: 'rejected',
    reason: 'too_large',
    message: `${path} is ${size} bytes, larger than the limit of ${maxBytes} bytes`,
  };
}

/** A file's bytes judged: too large, binary (a NUL byte near the start), or source to show. */
export function judgeBytes(content: Buffer, path: string, maxBytes: number): CachedFile {
  if (content.length > maxBytes) {
    return tooLarge(path, content.length, maxBytes);
  }
  if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { kind: 'rejected', reason: 'binary', message: `${path} is a binary file, not source code` };
  }
  return { kind: 'file', content };
}
