// The end of a Ruby method: the `end` that closes the `def` at or after the start line, counting the keywords that
// open a body of their own (`class`, `module`, `do`, `begin`, `case`, and `if`/`unless`/`while`/`until`/`for` at the
// start of a statement, not as modifiers). Strings, comments and `=begin … =end` are skipped.

const OPENERS = new Set(['def', 'class', 'module', 'do', 'begin', 'case']);
const STATEMENT_OPENERS = new Set(['if', 'unless', 'while', 'until', 'for']);
/** After these a keyword starts a statement (or an expression whose value is used: `x = if …`). */
const STATEMENT_START = /(?:^|[;=(,[{|&?!]|\bthen|\bdo|\belse)\s*$/;
const WORD = /[A-Za-z_][A-Za-z0-9_]*[?!]?/y;

/** The words of a line outside strings and comments, each with the code before it on that line. */
function wordsOf(line: string): Array<{ word: string; before: string; next: string }> {
  const out: Array<{ word: string; before: string; next: string }> = [];
  let code = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '#') {
      break;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < line.length && line[j] !== ch) {
        j += line[j] === '\\' ? 2 : 1;
      }
      code += '""';
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch) && !/[A-Za-z0-9_]/.test(line[i - 1] ?? '')) {
      WORD.lastIndex = i;
      const word = WORD.exec(line)![0];
      out.push({ word, before: code, next: line.slice(i + word.length) });
      code += word;
      i += word.length;
      continue;
    }
    code += ch;
    i++;
  }
  return out;
}

/** True when the word is the keyword and not a method call (`x.end`), a symbol (`:end`) or a hash key (`end:`). */
function isKeyword(entry: { word: string; before: string; next: string }): boolean {
  return !/[.:]$/.test(entry.before) && !/^:(?!:)/.test(entry.next);
}

/** The line (1-based) of the `end` of the method defined at or just after `start`, or undefined. */
export function rubyMethodEnd(lines: string[], start: number, maxLines = 5000): number | undefined {
  const last = Math.min(lines.length, start + maxLines);
  let depth = 0;
  let opened = false;
  let inDocComment = false;
  for (let n = start; n <= last; n++) {
    const line = lines[n - 1] ?? '';
    if (inDocComment) {
      inDocComment = !/^=end\b/.test(line);
      continue;
    }
    if (/^=begin\b/.test(line)) {
      inDocComment = true;
      continue;
    }
    let loopOnLine = false;
    for (const entry of wordsOf(line)) {
      if (!isKeyword(entry)) {
        continue;
      }
      const { word, before, next } = entry;
      if (!opened) {
        if (word !== 'def') {
          continue;
        }
        // An endless method (`def total = items.sum`) ends where it starts.
        if (/^\s*[A-Za-z0-9_.?!]*\s*(\([^)]*\))?\s*=(?!=)/.test(next)) {
          return n;
        }
        opened = true;
        depth = 1;
        continue;
      }
      if (word === 'end') {
        depth--;
        if (depth === 0) {
          return n;
        }
      } else if (word === 'do' && loopOnLine) {
        loopOnLine = false; // `while x do`: the loop's own `do`
      } else if (OPENERS.has(word)) {
        depth++;
      } else if (STATEMENT_OPENERS.has(word) && STATEMENT_START.test(before)) {
        depth++;
        loopOnLine = word === 'while' || word === 'until' || word === 'for';
      }
    }
    if (!opened && n - start > 3) {
      return undefined; // no `def` near the start line
    }
  }
  return undefined;
}
