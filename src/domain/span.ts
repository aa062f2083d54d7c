// Which lines are the function: from its first line to its end, found from the source itself when it is loaded
// (braces for Go, Java and JavaScript; indentation for Python), and never short of a sampled line. The breakdown
// table and the code view both list this span.
import type { LineCost } from './model';

/** A highlighted piece of a source line; only punctuation, comments and strings matter here. */
export interface Token {
  kind: string;
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * No function is believed longer than this: a declared start line further above the first sample is not trusted,
 * and the end is searched no further (a wrong start line must not freeze the page with millions of rows).
 */
export const MAX_FUNCTION_LINES = 2000;

export function functionSpan(args: {
  costs: LineCost[];
  startLine?: number;
  /** Highlighted source (tokens per line); absent when the file is not loaded. */
  tokens?: Token[][];
  /** From the file name (highlight's languageOf); only Python reads its end by indentation. */
  language?: string;
}): Span | undefined {
  const sampled = args.costs.filter((c) => c.line > 0).map((c) => c.line);
  const declared = args.startLine && args.startLine > 0 ? args.startLine : undefined;
  if (sampled.length === 0 && !declared) {
    return undefined;
  }
  const firstHot = sampled.length ? Math.min(...sampled) : declared!;
  const lastHot = sampled.length ? Math.max(...sampled) : declared!;
  const start = declared && declared <= firstHot && lastHot - declared < MAX_FUNCTION_LINES ? declared : firstHot;
  let end = lastHot;
  if (args.tokens && args.language) {
    const found = args.language === 'python' ? pythonEnd(args.tokens, start) : braceEnd(args.tokens, start);
    if (found !== undefined) {
      end = Math.max(end, found);
    }
  }
  if (args.tokens) {
    end = Math.min(end, Math.max(args.tokens.length, lastHot));
  }
  return { start, end };
}

/** The line of the `}` matching the first `{` at or after the start line (strings and comments do not count). */
function braceEnd(tokens: Token[][], start: number): number | undefined {
  let depth = 0;
  let opened = false;
  const last = Math.min(tokens.length, start + MAX_FUNCTION_LINES);
  for (let line = start; line <= last; line++) {
    for (const token of tokens[line - 1] ?? []) {
      if (token.kind !== 'punctuation') {
        continue;
      }
      for (const ch of token.text) {
        if (ch === '{') {
          depth++;
          opened = true;
        } else if (ch === '}' && opened) {
          depth--;
          if (depth === 0) {
            return line;
          }
        }
      }
    }
  }
  return undefined;
}

const textOf = (line: Token[] | undefined) => (line ?? []).map((t) => t.text).join('');
const indentOf = (text: string) => /^[ \t]*/.exec(text)![0].replace(/\t/g, '        ').length;
const isCode = (line: Token[] | undefined) => (line ?? []).some((t) => t.kind !== 'comment' && t.text.trim() !== '');

/** Python: the `def` at or after the start line (decorators come first), then every line indented deeper. */
function pythonEnd(tokens: Token[][], start: number): number | undefined {
  const last = Math.min(tokens.length, start + MAX_FUNCTION_LINES);
  let def = start;
  while (def <= last && !/^\s*(async\s+)?def\b/.test(textOf(tokens[def - 1]))) {
    def++;
  }
  if (def > last) {
    return undefined;
  }
  const indent = indentOf(textOf(tokens[def - 1]));
  // The signature may span lines: the body starts after the line that closes it with ':' outside brackets.
  let depth = 0;
  let bodyFrom = def;
  for (let line = def; line <= last; line++) {
    let closed = false;
    for (const token of tokens[line - 1] ?? []) {
      if (token.kind !== 'punctuation') {
        continue;
      }
      for (const ch of token.text) {
        depth += '([{'.includes(ch) ? 1 : ')]}'.includes(ch) ? -1 : 0;
        closed = depth === 0 && ch === ':';
      }
    }
    if (closed) {
      bodyFrom = line + 1;
      break;
    }
  }
  let end = bodyFrom - 1;
  // A multi-line string token spans lines whose own indentation means nothing: such lines continue the body.
  for (let line = bodyFrom; line <= last; line++) {
    const text = textOf(tokens[line - 1]);
    if (!isCode(tokens[line - 1])) {
      continue;
    }
    const startsInsideString = tokens[line - 1]?.[0]?.kind === 'string' && indentOf(text) === 0 && line > bodyFrom;
    if (indentOf(text) <= indent && !startsInsideString) {
      break;
    }
    end = line;
  }
  return end;
}
