/**
 * GitHub's contents answer for one path, judged as source code: a file within the size limit and not binary,
 * else why it cannot be shown.
 */
export type CachedFile =
  | { kind: 'file'; content: Buffer }
  | { kind: 'missing'; message: string; reason: 'not_found' | 'not_a_file' }
  | { kind: 'rejected'; message: string; reason: 'too_large' | 'binary' };

const BINARY_SNIFF_BYTES = 8000;

/**
 * `fetchRaw` is called for files over 1 MB, which the JSON answer carries without content (`encoding: none`).
 */
export async function judgeContents(
  data: unknown,
  path: string,
  maxBytes: number,
  fetchRaw: () => Promise<Buffer>
): Promise<CachedFile> {
  if (Array.isArray(data) || data === null || typeof data !== 'object') {
    return { kind: 'missing', reason: 'not_a_file', message: `${path} is a directory, not a file` };
  }
  const entry = data as { type?: string; size?: number; encoding?: string; content?: string };
  if (entry.type !== 'file') {
    return {
      kind: 'missing',
      reason: 'not_a_file',
      message: `${path} is a ${entry.type ?? 'non-file entry'}, not a file`,
    };
  }
  const tooLarge = (size: number | undefined): CachedFile => ({
    kind: 'rejected',
    reason: 'too_large',
    message: `${path} is ${size} bytes, larger than the limit of ${maxBytes} bytes`,
  });
  if ((entry.size ?? 0) > maxBytes) {
    return tooLarge(entry.size);
  }
  let content: Buffer;
  if (entry.encoding === 'base64') {
    content = Buffer.from((entry.content ?? '').replace(/\s+/g, ''), 'base64');
  } else if (!entry.encoding) {
    content = Buffer.from(entry.content ?? '', 'utf8');
  } else if (entry.encoding === 'none') {
    content = await fetchRaw();
  } else {
    throw new Error(`unsupported content encoding: ${entry.encoding}`);
  }
  if (content.length > maxBytes) {
    return tooLarge(content.length);
  }
  if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { kind: 'rejected', reason: 'binary', message: `${path} is a binary file, not source code` };
  }
  return { kind: 'file', content };
}
