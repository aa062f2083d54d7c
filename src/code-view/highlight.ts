// A small syntax highlighter for the languages profiles come from (Go, Python, Java, JavaScript/TypeScript, Ruby).
// Grafana ships prismjs only with the languages it needs itself, so the code view brings its own: one linear
// scan of the file with sticky regexes, split into lines so that a virtualised view can render any window.

export type Language = 'go' | 'python' | 'java' | 'javascript' | 'ruby';
export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'function' | 'type' | 'punctuation' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

export function languageOf(fileName: string): Language | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'go':
      return 'go';
    case 'py':
    case 'pyi':
      return 'python';
    case 'java':
      return 'java';
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'jsx':
    case 'ts':
    case 'tsx':
    case 'mts':
    case 'cts':
      return 'javascript';
    case 'rb':
    case 'rake':
    case 'gemspec':
    case 'ru':
      return 'ruby';
    default:
      return undefined;
  }
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const KEYWORDS: Record<Language, Set<string>> = {
  go: words(`break case chan const continue default defer else fallthrough for func go goto if import interface map
    package range return select struct switch type var nil true false iota`),
  python: words(`and as assert async await break class continue def del elif else except finally for from global if
    import in is lambda nonlocal not or pass raise return try while with yield None True False match case self`),
  java: words(`abstract assert boolean break byte case catch char class const continue default do double else enum
    extends final finally float for goto if implements import instanceof int interface long native new package private
    protected public return short static strictfp super switch synchronized this throw throws transient try void
    volatile while var record yield sealed permits null true false`),
  javascript: words(`async await break case catch class const continue debugger default delete do else export extends
    finally for from function if import in instanceof let new of return static super switch this throw try typeof var
    void while with yield null undefined true false interface type enum implements private protected public readonly
    abstract declare keyof namespace satisfies as is infer never unknown`),
  ruby: words(`alias and begin BEGIN break case class def defined? do else elsif end END ensure false for if in module next
    nil not or redo rescue retry return self super then true undef unless until when while yield __method__ require
    require_relative attr_reader attr_writer attr_accessor private protected public module_function raise lambda proc`),
};

const BUILTIN_TYPES: Record<Language, Set<string>> = {
  go: words(`bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8
    uint16 uint32 uint64 uintptr any append cap close copy delete len make new panic print println recover`),
  python: words(`int float str bool list dict set tuple bytes object len range print isinstance super type`),
  java: words(`String Object Integer Long Double Boolean List Map Set`),
  javascript: words(`Array Object String Number Boolean Map Set Promise Error console number string boolean`),
  ruby: words(`Array Hash String Integer Float Symbol Struct Set Comparable Enumerable Kernel Object Proc`),
};

interface Rule {
  kind: TokenKind;
  re: RegExp;
}

const NUMBER: Rule = {
  kind: 'number',
  re: /(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?)[jJlLfFdDnui]?/y,
};
const IDENT: Rule = { kind: 'plain', re: /[A-Za-z_$][\w$]*/y };
const CALL = /[ \t]*\(/y;
const SPACE: Rule = { kind: 'plain', re: /\s+/y };
const PUNCT: Rule = { kind: 'punctuation', re: /[{}()[\];,.:]/y };
const OTHER: Rule = { kind: 'plain', re: /[^\sA-Za-z0-9_${}()[\];,.:'"`#/]+|./y };
/** Tried after the language's rules and identifiers. */
const FALLBACK_RULES = [SPACE, PUNCT, OTHER];

const LINE_COMMENT = { kind: 'comment', re: /\/\/[^\n]*/y } as const;
const BLOCK_COMMENT = { kind: 'comment', re: /\/\*[\s\S]*?(?:\*\/|$)/y } as const;
const DQ = { kind: 'string', re: /"(?:[^"\\\n]|\\.)*"?/y } as const;
const SQ = { kind: 'string', re: /'(?:[^'\\\n]|\\.)*'?/y } as const;

const RULES: Record<Language, Rule[]> = {
  go: [LINE_COMMENT, BLOCK_COMMENT, { kind: 'string', re: /`[^`]*`?/y }, DQ, SQ],
  java: [LINE_COMMENT, BLOCK_COMMENT, { kind: 'string', re: /"""[\s\S]*?(?:"""|$)/y }, DQ, SQ],
  javascript: [LINE_COMMENT, BLOCK_COMMENT, { kind: 'string', re: /`(?:[^`\\]|\\[\s\S])*`?/y }, DQ, SQ],
  ruby: [
    { kind: 'comment', re: /#[^\n]*/y },
    { kind: 'comment', re: /=begin\b[\s\S]*?(?:\n=end\b[^\n]*|$)/y },
    { kind: 'string', re: /%[qQwWiI]?(?:\[[^\]]*\]?|\([^)]*\)?|\{[^}]*\}?|<[^>]*>?)/y },
    { kind: 'string', re: /`(?:[^`\\]|\\[\s\S])*`?/y },
    DQ,
    SQ,
    // Symbols (:name, :name?), not the `::` of a constant path or a hash key's colon.
    { kind: 'string', re: /(?<![:\w]):[A-Za-z_]\w*[?!=]?/y },
  ],
  python: [
    { kind: 'comment', re: /#[^\n]*/y },
    { kind: 'string', re: /[rRbBuUfF]{0,2}(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/y },
    { kind: 'string', re: /[rRbBuUfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)/y },
  ],
};

/** Tokens per line (index 0 = line 1). Without a known language every line is one plain token. */
export function highlightLines(text: string, language: Language | undefined): Token[][] {
  const lines: Token[][] = [[]];
  const push = (kind: TokenKind, value: string) => {
    const parts = value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push([]);
      }
      if (part) {
        const line = lines[lines.length - 1];
        const last = line[line.length - 1];
        // Merge neighbours of one kind: fewer spans to render.
        if (last && last.kind === kind) {
          last.text += part;
        } else {
          line.push({ kind, text: part });
        }
      }
    });
  };
  if (!language) {
    text.split('\n').forEach((line, i) => {
      if (i > 0) {
        lines.push([]);
      }
      if (line) {
        lines[i].push({ kind: 'plain', text: line });
      }
    });
    return lines;
  }
  const rules = [...RULES[language], NUMBER];
  const keywords = KEYWORDS[language];
  const types = BUILTIN_TYPES[language];
  let pos = 0;
  /** Takes the first of these rules that matches at `pos` (sticky regexes); false when none does. */
  const consume = (candidates: Rule[]): boolean => {
    for (const rule of candidates) {
      rule.re.lastIndex = pos;
      const match = rule.re.exec(text);
      if (match && match[0]) {
        push(rule.kind, match[0]);
        pos += match[0].length;
        return true;
      }
    }
    return false;
  };
  while (pos < text.length) {
    if (consume(rules)) {
      continue;
    }
    IDENT.re.lastIndex = pos;
    const ident = IDENT.re.exec(text);
    if (ident) {
      const word = ident[0];
      CALL.lastIndex = pos + word.length;
      const next = CALL.test(text);
      const kind: TokenKind = keywords.has(word)
        ? 'keyword'
        : types.has(word)
          ? 'type'
          : next
            ? 'function'
            : /^[A-Z][a-z]/.test(word) && language !== 'go'
              ? 'type'
              : 'plain';
      push(kind, word);
      pos += word.length;
      continue;
    }
    if (consume(FALLBACK_RULES)) {
      continue;
    }
    push('plain', text[pos]);
    pos++;
  }
  return lines;
}
