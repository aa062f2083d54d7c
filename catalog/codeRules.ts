/**
 * The TypeScript/JavaScript rules of Grafana's plugin validator (`code-rules`, semgrep-rules.yaml of
 * grafana/plugin-validator v0.45.6, see validator/README.md), each under its rule id, checked over the TypeScript
 * syntax tree. Rules written as semgrep `pattern:` match code (not comments or strings); rules written as
 * `pattern-regex:` match the file's text anywhere, comments included, as semgrep does.
 */
import ts from 'typescript';

export interface CodeFinding {
  rule: string;
  level: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

interface RuleDef {
  id: string;
  level: 'error' | 'warning';
  message: string;
  /** The validator's `paths.include` beyond `src/**\/*.ts(x)`. */
  alsoJs?: boolean;
  /** The validator's `paths.exclude` for tests does not apply (access-old-react-internals). */
  includeTests?: boolean;
  regex?: RegExp;
  node?: (node: ts.Node, text: (n: ts.Node) => string) => boolean;
}

const CONSOLE_METHODS = new Set([
  'log',
  'info',
  'table',
  'clear',
  'count',
  'countReset',
  'dir',
  'dirxml',
  'group',
  'groupEnd',
  'time',
  'timeEnd',
  'timeLog',
  'trace',
]);

/** `a.b.c` as written, for property chains of plain identifiers; undefined for anything else. */
function dotted(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) {
    return node.text;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const left = dotted(node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  return undefined;
}

const callee = (node: ts.Node) => (ts.isCallExpression(node) ? dotted(node.expression) : undefined);

export const CODE_RULES: RuleDef[] = [
  {
    id: 'console-logging',
    level: 'warning',
    message: 'Console logging detected. Plugins should not log to the console.',
    node: (node) => {
      const name = callee(node);
      return name?.startsWith('console.') === true && CONSOLE_METHODS.has(name.slice('console.'.length));
    },
  },
  {
    id: 'topnav-toggle',
    level: 'error',
    message: 'The `topnav` toggle is deprecated; plugins should default to the code where it is enabled.',
    node: (node) => ts.isPropertyAccessExpression(node) && dotted(node)?.endsWith('featureToggles.topnav') === true,
  },
  {
    id: 'window-properties',
    level: 'error',
    message: 'Access to a restricted window property (grafanaBootData, grafanaRuntime, __grafanaSceneContext).',
    regex: /window\.(grafanaBootData|grafanaRuntime|__grafanaSceneContext)/,
  },
  {
    id: 'access-old-react-internals',
    level: 'warning',
    message: "React's internal API (the renamed-in-19 internals object) is used.",
    alsoJs: true,
    includeTests: true,
    // Spelt in two parts so that this file does not match its own rule.
    regex: new RegExp(['__SECRET_INTERNALS', 'DO_NOT_USE_OR_YOU_WILL_BE_FIRED'].join('_')),
  },
  {
    id: 'native-browser-dialogs',
    level: 'error',
    message: 'Native browser dialogs (alert, confirm, prompt) are not permitted: use Modal or ConfirmModal.',
    node: (node) => ['alert', 'window.alert', 'window.confirm', 'window.prompt'].includes(callee(node) ?? ''),
  },
  {
    id: 'window-open-without-noopener',
    level: 'error',
    message: "window.open() without 'noopener,noreferrer' in its features (tab nabbing).",
    node: (node, text) => {
      if (callee(node) !== 'window.open') {
        return false;
      }
      const args = (node as ts.CallExpression).arguments;
      if (args.length < 3) {
        return true;
      }
      return !/noopener.*noreferrer|noreferrer.*noopener/.test(text(args[2]));
    },
  },
  {
    id: 'deprecated-gf-form-css-classes',
    level: 'warning',
    message: 'Deprecated Grafana CSS class name (gf-form*): use @grafana/ui components.',
    regex: /gf-form/,
  },
  {
    id: 'direct-window-location-access',
    level: 'warning',
    message: 'Direct access to window.location: use locationService from @grafana/runtime.',
    node: (node) =>
      ts.isPropertyAccessExpression(node) &&
      ['window.location.search', 'window.location.href'].includes(dotted(node) ?? ''),
  },
  {
    id: 'ts-ignore-suppress',
    level: 'warning',
    message: 'Avoid @ts-ignore and @ts-expect-error: fix the types.',
    regex: /@ts-ignore|@ts-expect-error/,
  },
  {
    id: 'no-direct-css-imports',
    level: 'error',
    message: "Direct CSS imports and Emotion's Global are not permitted: use css / useStyles2.",
    alsoJs: true,
    regex: /import\s+['"].*\.(css|scss|less)['"]/,
    node: (node) =>
      (ts.isImportDeclaration(node) &&
        (node.moduleSpecifier as ts.StringLiteral).text === '@emotion/react' &&
        node.importClause?.namedBindings !== undefined &&
        ts.isNamedImports(node.importClause.namedBindings) &&
        node.importClause.namedBindings.elements.some((e) => e.name.text === 'Global')) ||
      ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'Global'),
  },
  {
    id: 'no-api-ds-query-endpoint',
    level: 'error',
    message: "Direct frontend use of '/api/ds/query': use getDataSourceSrv().get(...) and then query(...).",
    alsoJs: true,
    regex: /\/api\/ds\/query/,
  },
  {
    id: 'backend-datasource-should-not-implement-testdatasource',
    level: 'error',
    message: 'Backend data sources (extends DataSourceWithBackend) must not implement testDatasource().',
    regex: /class\s+\w+\s+extends\s+DataSourceWithBackend(?:<[^>]+>)?\s*\{[\s\S]*?\btestDatasource\s*\(/,
  },
];

const TEST_FILE = /\.(test|spec)\.[jt]sx?$/;

/** Whether the validator's `paths` for this rule take the file (a path relative to the source root, with /). */
export function ruleApplies(rule: RuleDef, path: string): boolean {
  if (rule.id === 'backend-datasource-should-not-implement-testdatasource') {
    return path.endsWith('/datasource.ts') || path === 'datasource.ts';
  }
  if (rule.includeTests) {
    return /\.[jt]sx?$/.test(path);
  }
  if (TEST_FILE.test(path)) {
    return false;
  }
  // `*.js` is excluded for every rule but no-api-ds-query-endpoint (which excludes only test and spec files).
  const js = /\.jsx?$/.test(path);
  if (js && rule.id !== 'no-api-ds-query-endpoint') {
    return false;
  }
  return path.startsWith('src/') && (/\.tsx?$/.test(path) || (js && rule.alsoJs === true));
}

/** The findings in one file's text. */
export function checkSource(path: string, source: string): CodeFinding[] {
  const rules = CODE_RULES.filter((rule) => ruleApplies(rule, path));
  if (rules.length === 0) {
    return [];
  }
  const findings: CodeFinding[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const add = (rule: RuleDef, offset: number) =>
    findings.push({ rule: rule.id, level: rule.level, file: path, line: lineOf(offset), message: rule.message });
  for (const rule of rules) {
    for (const match of rule.regex ? source.matchAll(new RegExp(rule.regex.source, 'g')) : []) {
      add(rule, match.index);
    }
  }
  const nodeRules = rules.filter((rule) => rule.node);
  if (nodeRules.length > 0) {
    const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, kind);
    const text = (n: ts.Node) => n.getText(file);
    const visit = (node: ts.Node) => {
      for (const rule of nodeRules) {
        if (rule.node!(node, text)) {
          add(rule, node.getStart(file));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return findings;
}
