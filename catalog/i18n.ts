/**
 * The plugin's English strings as `src/locales/en-US/linescope-app.json` holds them, read from the sources: every
 * `t('key', 'default')` and every `<Trans i18nKey="key">text</Trans>`. `npm run i18n-extract` writes the file;
 * a test checks it is up to date. (Grafana's guide uses i18next-cli for this; the plugin's calls are simple
 * enough to read from the syntax tree without it.)
 */
import ts from 'typescript';

export type Messages = Map<string, string>;

/** JSX text as React renders it: lines trimmed, blank lines dropped, the rest joined by one space. */
function jsxText(raw: string): string {
  if (!raw.includes('\n')) {
    return raw;
  }
  return raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

const stringOf = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** Adds the file's messages to `into`; a key given two different English texts is an error. */
export function extractMessages(path: string, source: string, into: Messages = new Map()): Messages {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const add = (key: string, text: string, node: ts.Node) => {
    const known = into.get(key);
    if (known !== undefined && known !== text) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      throw new Error(`${path}:${line + 1}: "${key}" is "${known}" elsewhere, "${text}" here`);
    }
    into.set(key, text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const key = stringOf(node.arguments[0]);
      const text = stringOf(node.arguments[1]);
      if (key !== undefined && text !== undefined) {
        add(key, text, node);
      }
    }
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(file) === 'Trans') {
      const keyAttribute = node.openingElement.attributes.properties.find(
        (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(file) === 'i18nKey'
      );
      const key = stringOf(keyAttribute?.initializer);
      if (key !== undefined) {
        if (!node.children.every(ts.isJsxText)) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
          throw new Error(`${path}:${line + 1}: <Trans i18nKey="${key}"> holds more than text; give it a t() instead`);
        }
        add(key, jsxText(node.children.map((c) => c.getFullText(file)).join('')), node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return into;
}

/** The messages as i18next's nested JSON (keys split at dots), keys sorted. */
export function toLocaleJson(messages: Messages): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of [...messages.keys()].sort()) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = messages.get(key);
  }
  return root;
}
