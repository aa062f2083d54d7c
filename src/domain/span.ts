// Which lines are the function: from its first line to its end, found from the source itself when it is loaded
// (braces for Go, Java and JavaScript/TypeScript; indentation for Python; `def … end` for Ruby), and never short of a
// sampled line. The breakdown table and the code view both list this span.
import type { LineCost } from './model';
import { rubyMethodEnd } from './rubySpan';

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

interface SpanArgs {
  costs: LineCost[];
  startLine?: number;
  /** Highlighted source (tokens per line); absent when the file is not loaded. */
  tokens?: Token[][];
  /** From the file name (highlight's languageOf). */
  language?: string;
}

/**
 * The function's own lines: from its start to the end its source gives, even when samples lie outside (a JIT's
 * inlined callee reported in the caller); without that end, as functionSpan.
 */
export function functionBody(args: SpanArgs): Span | undefined {
  const span = functionSpan(args);
  const { tokens, language } = args;
  if (!span || !tokens || !language) {
    return span;
  }
  // The profile's start line is where the function is, even when samples lie above it (an inlined callee); without
  // one, the function around the first sampled line.
  const declared = args.startLine && args.startLine > 0 && args.startLine <= tokens.length ? args.startLine : undefined;
  const braces = language !== 'python' && language !== 'ruby';
  const start = declared ?? (braces ? enclosingFunction(tokens, span.start) : undefined) ?? span.start;
  const found = sourceEnd(tokens, start, language);
  return found !== undefined && found >= start ? { start, end: found } : span;
}

const BLOCK_HEADER = /^\s*(?:\}\s*)?(?:if|for|while|switch|catch|else|do|try|finally|with)\b/;
const FUNCTION_HEADER = /\b(?:function|func)\b|=>\s*\{\s*$|\)\s*(?::\s*[^=;{}]+)?\s*\{\s*$/;

/** The header line of the innermost function (not an if/for/… block) whose braces enclose `line`, or undefined. */
function enclosingFunction(tokens: Token[][], line: number): number | undefined {
  let depth = 0;
  const first = Math.max(1, line - MAX_FUNCTION_LINES);
  for (let n = line; n >= first; n--) {
    const punctuation = (tokens[n - 1] ?? [])
      .filter((t) => t.kind === 'punctuation')
      .map((t) => t.text)
      .join('');
    for (let i = punctuation.length - 1; i >= 0; i--) {
      if (punctuation[i] === '}') {
        depth++;
      } else if (punctuation[i] === '{') {
        if (depth > 0) {
          depth--;
          continue;
        }
        const text = textOf(tokens[n - 1]);
        if (FUNCTION_HEADER.test(text) && !BLOCK_HEADER.test(text)) {
          return n;
        }
      }
    }
  }
  return undefined;
}

function sourceEnd(tokens: Token[][], start: number, language: string): number | undefined {
  switch (language) {
    case 'python':
      return pythonEnd(tokens, start);
    case 'ruby':
      return rubyMethodEnd(tokens.map(textOf), start, MAX_FUNCTION_LINES);
    default:
      return braceEnd(tokens, start);
  }
}

export function functionSpan(args: SpanArgs): Span | undefined {
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
    const found = sourceEnd(args.tokens, start, args.language);
    if (found !== undefined) {
      end = Math.max(end, found);
    }
  }
  if (args.tokens) {
    end = Math.min(end, Math.max(args.tokens.length, lastHot));
  }
  return { start, end };
}

/**
 * The line of the `}` matching the first `{` at or after the start line outside parentheses (so that a TypeScript
 * parameter's type literal, `f(o: { a: number }) {`, is not taken for the body); strings and comments do not count.
 */
function braceEnd(tokens: Token[][], start: number): number | undefined {
  let depth = 0;
  let parens = 0;
  let opened = false;
  const last = Math.min(tokens.length, start + MAX_FUNCTION_LINES);
  for (let line = start; line <= last; line++) {
    for (const token of tokens[line - 1] ?? []) {
      if (token.kind !== 'punctuation') {
        continue;
      }
      for (const ch of token.text) {
        if (!opened && (ch === '(' || ch === ')')) {
          parens += ch === '(' ? 1 : -1;
        } else if (ch === '{' && (opened || parens <= 0)) {
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
