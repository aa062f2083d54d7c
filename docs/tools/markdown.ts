/** What the docs tests read out of Markdown: fenced code blocks, links and heading anchors (GitHub's rules). */
import { lexer, type Token, type Tokens } from 'marked';

export interface CodeBlock {
  lang: string;
  text: string;
}

function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) {
      walk(children, visit);
    }
    if (token.type === 'table') {
      const t = token as Tokens.Table;
      for (const cell of [...t.header, ...t.rows.flat()]) {
        walk(cell.tokens, visit);
      }
    }
    if (token.type === 'list') {
      walk((token as Tokens.List).items, visit);
    }
  }
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  walk(lexer(markdown), (t) => {
    if (t.type === 'code') {
      blocks.push({ lang: (t as Tokens.Code).lang ?? '', text: (t as Tokens.Code).text });
    }
  });
  return blocks;
}

/** Link and image targets, as written. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  walk(lexer(markdown), (t) => {
    if (t.type === 'link' || t.type === 'image') {
      targets.push((t as Tokens.Link).href);
    }
  });
  return targets;
}

/** The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces to '-', repeats numbered). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  walk(lexer(markdown), (t) => {
    if (t.type === 'heading') {
      const base = (t as Tokens.Heading).text
        .toLowerCase()
        .replace(/<[^>]+>/g, '')
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
  });
  return anchors;
}
