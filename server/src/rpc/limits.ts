/**
 * What one request may ask for: every text field and the number of refs are bounded, so that a request's work (host
 * calls, memory, the size of its answer) has a ceiling whoever sends it. Each excess is refused with
 * invalid_argument, saying which limit.
 */
import { Code, ConnectError } from '@connectrpc/connect';

/** Repository URLs, refs, paths and function names are far shorter; 4 KB keeps pathological ones out. */
export const MAX_REQUEST_FIELD_CHARS = 4096;
/** GetCommits' refs (distinct): each costs host calls. A profile holds a handful of versions. */
export const MAX_REFS_PER_REQUEST = 100;

/** Refuses a request whose text fields are longer than the limit. */
export function checkFields(method: string, fields: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value.length > MAX_REQUEST_FIELD_CHARS) {
      throw new ConnectError(
        `${method}: ${name} is ${value.length} characters long, at most ${MAX_REQUEST_FIELD_CHARS} are accepted`,
        Code.InvalidArgument
      );
    }
  }
}

/** The distinct refs of a GetCommits request, refused past the limit. */
export function checkRefs(refs: readonly string[]): string[] {
  const unique = [...new Set(refs)];
  if (unique.length > MAX_REFS_PER_REQUEST) {
    throw new ConnectError(
      `GetCommits: ${unique.length} refs asked for, at most ${MAX_REFS_PER_REQUEST} per request`,
      Code.InvalidArgument
    );
  }
  refs.forEach((ref, index) => checkFields('GetCommits', { [`refs[${index}]`]: ref }));
  return unique;
}
