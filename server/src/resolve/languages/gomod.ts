/** A small go.mod reader: module, go, toolchain, require and replace (single lines and blocks). */
export interface GoMod {
  module: string;
  go?: string;
  toolchain?: string;
  requires: Map<string, string>;
  /** old path → replacement (path and version; version "" for local directory replacements). */
  replaces: Map<string, { path: string; version: string }>;
}

export function parseGoMod(text: string): GoMod | undefined {
  const mod: GoMod = { module: '', requires: new Map(), replaces: new Map() };
  let block: string | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    if (line === '') {
      continue;
    }
    if (block) {
      if (line === ')') {
        block = undefined;
      } else {
        directive(mod, block, tokens(line));
      }
      continue;
    }
    const words = tokens(line);
    if (words.length === 2 && words[1] === '(') {
      block = words[0];
      continue;
    }
    directive(mod, words[0], words.slice(1));
  }
  // A go.mod without a module line is not usable (Pyroscope crashes on it; we treat it as absent).
  return mod.module ? mod : undefined;
}

function tokens(line: string): string[] {
  return (line.match(/"[^"]*"|\S+/g) ?? []).map((t) => t.replace(/^"(.*)"$/, '$1'));
}

function directive(mod: GoMod, verb: string, args: string[]): void {
  switch (verb) {
    case 'module':
      mod.module = args[0] ?? '';
      break;
    case 'go':
      mod.go = args[0];
      break;
    case 'toolchain':
      mod.toolchain = args[0];
      break;
    case 'require':
      if (args.length >= 2) {
        mod.requires.set(args[0], args[1]);
      }
      break;
    case 'replace': {
      const arrow = args.indexOf('=>');
      if (arrow >= 1 && args.length > arrow + 1) {
        mod.replaces.set(args[0], { path: args[arrow + 1], version: args[arrow + 2] ?? '' });
      }
      break;
    }
  }
}
