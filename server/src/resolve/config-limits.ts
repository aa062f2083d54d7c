/**
 * What `.pyroscope.yaml` may be before the YAML parser sees it. The parser builds documents recursively: a 2 KB file
 * of `[` × 1000 `]` × 1000 leaves V8 so little stack that it aborts the whole process (a fatal error no `catch`
 * sees). So size, nesting depth and scalar length are checked first, in one pass of yaml's own lexer (a state
 * machine, not recursive), which reads flow and block structure exactly as the parser will.
 */
import { CST, Lexer } from 'yaml';

/** A real config is a few KB; Pyroscope's largest known ones are far below this. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** Block and flow nesting together; a config needs about 6 levels. */
export const MAX_CONFIG_DEPTH = 64;
/** The longest key or value (a path prefix or function name); YAML itself limits implicit keys to 1024. */
export const MAX_CONFIG_SCALAR_CHARS = 4096;
/** Aliases expanded when the document is turned into values (yaml's "billion laughs" guard). */
export const MAX_CONFIG_ALIASES = 100;
/** Mappings used from one file; the rest are reported and ignored. */
export const MAX_CONFIG_MAPPINGS = 1000;

/** Why the text must not be parsed, or undefined when it may be. Linear in the text's length. */
export function configTextProblem(text: string): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    return `the file is ${bytes} bytes, more than the ${MAX_CONFIG_BYTES} bytes a config may have`;
  }
  const tooDeep = `the document is nested more than ${MAX_CONFIG_DEPTH} levels deep`;
  // Columns of the open block collections (a nested one always starts further right), and open flow collections.
  const blocks: number[] = [];
  let flow = 0;
  let column = 0;
  let lineStart = true;
  let nodeExpected = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const type = scalarNext ? 'scalar-source' : CST.tokenType(token);
    scalarNext = token === CST.SCALAR;
    if (type === 'scalar-source' || type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      if (token.length > MAX_CONFIG_SCALAR_CHARS) {
        return `a key or value is ${token.length} characters long, more than ${MAX_CONFIG_SCALAR_CHARS}`;
      }
    }
    if (type === 'doc-start') {
      blocks.length = 0;
    }
    const content = !scalarNext && type !== 'space' && type !== 'newline' && type !== 'comment' && type !== 'doc-mode';
    if (content && flow === 0 && (lineStart || nodeExpected)) {
      // A node starting at `column` closes every block collection at or right of it and may open one.
      while (blocks.length > 0 && blocks[blocks.length - 1] >= column) {
        blocks.pop();
      }
      blocks.push(column);
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      flow++;
    } else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) {
      flow--;
    }
    if (blocks.length + flow > MAX_CONFIG_DEPTH) {
      return tooDeep;
    }
    if (content) {
      lineStart = false;
      // What follows `-`, `?` or `:` on the same line may be a nested collection (counted generously for `:`).
      nodeExpected = type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind';
    }
    if (token === CST.SCALAR || token === CST.DOCUMENT || token === CST.FLOW_END) {
      continue; // the lexer's markers, not characters of the text
    }
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      column = token.length - newline - 1;
      lineStart = newline === token.length - 1;
    } else {
      column += token.length;
    }
  }
  return undefined;
}
