/**
 * The plugin's English strings as `src/locales/en-US/linescope-app.json` holds them, read from the sources: every
 * `t('key', 'default')` (with `count`: `key_one` from `defaultValue_one`, `key_other` from the default), every
 * `<Trans i18nKey="key">text</Trans>` and `<Trans i18nKey="key" defaults="text with <code>tags</code>" />`.
 * `npm run i18n-extract` writes the file; a test checks it is up to date. (Grafana's guide uses i18next-cli for
 * this; the plugin's calls are simple enough to read from the syntax tree without it.)
 *
 * A call the file could not say is refused rather than skipped, so that no key is missing from the file: a key or
 * text that is not a literal, a plural without its one-form, and an interpolation without `interpolation:` (i18next
 * escapes values for HTML by default, so a path would read `src&#x2F;main.go` in React's text: pass PLAIN_TEXT).
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

const propertyNamed = (object: ts.ObjectLiteralExpression, name: string) =>
  object.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);

/** Whether the file takes `t` or `Trans` from @grafana/i18n (another `t` is not ours to read). */
function importsFromI18n(file: ts.SourceFile): boolean {
  return file.statements.some(
    (s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === '@grafana/i18n'
  );
}

/** Adds the file's messages to `into`; a key given two different English texts is an error. */
export function extractMessages(path: string, source: string, into: Messages = new Map()): Messages {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  if (!importsFromI18n(file)) {
    return into;
  }
  const fail = (node: ts.Node, problem: string): never => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    throw new Error(`${path}:${line + 1}: ${problem}`);
  };
  const add = (key: string, text: string, node: ts.Node) => {
    const known = into.get(key);
    if (known !== undefined && known !== text) {
      fail(node, `"${key}" is "${known}" elsewhere, "${text}" here`);
    }
    into.set(key, text);
  };

  const readT = (node: ts.CallExpression) => {
    const [keyArg, textArg, optionsArg] = node.arguments;
    const key = stringOf(keyArg);
    const text = stringOf(textArg);
    if (key === undefined || text === undefined) {
      return fail(node, "t() takes a literal key and a literal English text (npm run i18n-extract can't read others)");
    }
    const options = optionsArg && ts.isObjectLiteralExpression(optionsArg) ? optionsArg : undefined;
    if (optionsArg && !options) {
      fail(node, `t('${key}') takes its values as an object literal`);
    }
    const count = options && propertyNamed(options, 'count');
    const one = options && propertyNamed(options, 'defaultValue_one');
    const oneText = one && ts.isPropertyAssignment(one) ? stringOf(one.initializer) : undefined;
    if (count && oneText === undefined) {
      fail(node, `t('${key}') counts: give the English one-form as a literal defaultValue_one`);
    }
    if ([text, oneText].some((s) => s?.includes('{{')) && !(options && propertyNamed(options, 'interpolation'))) {
      fail(node, `t('${key}') interpolates: pass interpolation: PLAIN_TEXT (React escapes, i18next must not)`);
    }
    if (count) {
      add(`${key}_one`, oneText!, node);
      add(`${key}_other`, text, node);
    } else {
      add(key, text, node);
    }
  };

  const readTrans = (node: ts.JsxElement | ts.JsxSelfClosingElement) => {
    const opening = ts.isJsxElement(node) ? node.openingElement : node;
    const attribute = (name: string) =>
      opening.attributes.properties.find(
        (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(file) === name
      );
    const key = stringOf(attribute('i18nKey')?.initializer);
    if (key === undefined) {
      return fail(node, '<Trans> takes a literal i18nKey');
    }
    if (attribute('count')) {
      fail(node, `<Trans i18nKey="${key}"> counts: use t() with count and defaultValue_one`);
    }
    const defaults = attribute('defaults');
    if (defaults) {
      const text = stringOf(defaults.initializer);
      if (text === undefined) {
        fail(node, `<Trans i18nKey="${key}"> takes a literal defaults`);
      }
      add(key, text!, node);
      return;
    }
    const children = ts.isJsxElement(node) ? node.children : ts.factory.createNodeArray<ts.JsxChild>();
    if (children.length === 0 || !children.every(ts.isJsxText)) {
      fail(node, `<Trans i18nKey="${key}"> holds more than text; give it defaults="…" and components, or a t()`);
    }
    add(key, jsxText(children.map((c) => c.getFullText(file)).join('')), node);
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      readT(node);
    }
    if ((ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) && tagName(node) === 'Trans') {
      readTrans(node);
    }
    ts.forEachChild(node, visit);
  };
  const tagName = (node: ts.JsxElement | ts.JsxSelfClosingElement) =>
    (ts.isJsxElement(node) ? node.openingElement : node).tagName.getText(file);
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
