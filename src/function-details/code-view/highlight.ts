// Syntax highlighting for the languages profiles come from (Go, Python, Java, JavaScript/TypeScript, Ruby) with Prism,
// the highlighter Grafana itself ships (`prismjs` is one of the plugin's externals: the host's copy is used). The
// grammars Grafana does not load are added to that same instance; Prism's tokens are then mapped to the few kinds
// the code view colours and split into lines, so that a virtualised view can render any window of the file.
import Prism from 'prismjs';
import 'prismjs/components/prism-clike';
import 'prismjs/components/prism-javascript';
import 'prismjs/components/prism-typescript';
import 'prismjs/components/prism-go';
import 'prismjs/components/prism-python';
import 'prismjs/components/prism-java';
import 'prismjs/components/prism-ruby';

export type Language = 'go' | 'python' | 'java' | 'javascript' | 'typescript' | 'ruby';
export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'function' | 'type' | 'punctuation' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

export function languageOf(fileName: string): Language | undefined {
  // The runtimes' own library, named without an extension: Node's `node:fs` (lib/fs.js), Ruby's `<internal:pack>`.
  if (fileName.startsWith('node:')) {
    return 'javascript';
  }
  if (fileName.startsWith('<internal:')) {
    return 'ruby';
  }
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
      return 'javascript';
    case 'ts':
    case 'tsx':
    case 'mts':
    case 'cts':
      return 'typescript';
    case 'rb':
    case 'rake':
    case 'gemspec':
    case 'ru':
      return 'ruby';
    default:
      return undefined;
  }
}

/** Prism's token types (and aliases) → the kinds the code view colours; the first match wins. */
const KIND_OF_TYPE: Array<[TokenKind, string[]]> = [
  // Code inside a string (`${…}`, f-string braces) is code again, not string.
  ['plain', ['interpolation']],
  ['comment', ['comment', 'doc-comment', 'prolog']],
  ['string', ['string', 'char', 'template-string', 'triple-quoted-string', 'string-interpolation', 'regex', 'symbol']],
  ['keyword', ['keyword', 'boolean', 'nil', 'null', 'constant', 'important']],
  ['number', ['number']],
  ['function', ['function', 'function-definition', 'decorator', 'annotation']],
  ['type', ['class-name', 'builtin', 'generic', 'namespace']],
  ['punctuation', ['punctuation']],
];

function kindOf(type: string, alias: string | string[] | undefined): TokenKind | undefined {
  const names = [type, ...(alias === undefined ? [] : Array.isArray(alias) ? alias : [alias])];
  return KIND_OF_TYPE.find(([, types]) => names.some((name) => types.includes(name)))?.[0];
}

/** Tokens per line (index 0 = line 1). Without a known language every line is one plain token. */
export function highlightLines(text: string, language: Language | undefined): Token[][] {
  const lines: Token[][] = [[]];
  const push = (kind: TokenKind, value: string) => {
    value.split('\n').forEach((part, i) => {
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
  const grammar = language ? Prism.languages[language] : undefined;
  if (!grammar) {
    push('plain', text);
    return lines;
  }
  // A nested token (an interpolation inside a string, say) keeps its own kind; plain parts take the outer one.
  const walk = (stream: Prism.TokenStream, outer: TokenKind) => {
    if (typeof stream === 'string') {
      push(outer, stream);
    } else if (Array.isArray(stream)) {
      stream.forEach((part) => walk(part, outer));
    } else {
      walk(stream.content, kindOf(stream.type, stream.alias) ?? outer);
    }
  };
  walk(Prism.tokenize(text, grammar), 'plain');
  return lines;
}
