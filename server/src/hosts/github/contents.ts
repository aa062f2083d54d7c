/** GitHub's contents answer for one path: a file entry (content inline, or fetched raw when over 1 MB), or not. */
import { CachedFile, judgeBytes, tooLarge } from '../files';

/** `fetchRaw` is called for files over 1 MB, which the JSON answer carries without content (`encoding: none`). */
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
  if ((entry.size ?? 0) > maxBytes) {
    return tooLarge(path, entry.size, maxBytes);
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
  return judgeBytes(content, path, maxBytes);
}
