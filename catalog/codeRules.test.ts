import { checkSource, ruleApplies, CODE_RULES } from './codeRules';

const rulesIn = (path: string, source: string) => checkSource(path, source).map((f) => f.rule);

describe("the plugin validator's code rules", () => {
  it.each([
    ['no-api-ds-query-endpoint', "const url = '/api/ds/query';"],
    ['no-api-ds-query-endpoint', '// posts to /api/ds/query'],
    ['window-open-without-noopener', "window.open('https://x');"],
    ['window-open-without-noopener', "window.open('https://x', '_blank');"],
    ['window-open-without-noopener', "window.open('https://x', '_blank', 'noopener');"],
    ['direct-window-location-access', 'const q = window.location.search;'],
    ['direct-window-location-access', "window.location.href = '/a';"],
    ['console-logging', "console.log('x');"],
    ['console-logging', 'console.table([]);'],
    ['native-browser-dialogs', "alert('x');"],
    ['native-browser-dialogs', "window.confirm('x');"],
    ['window-properties', 'const b = window.grafanaBootData;'],
    ['no-direct-css-imports', "import './styles.css';"],
    ['no-direct-css-imports', "import { Global } from '@emotion/react';"],
    ['ts-ignore-suppress', '// @ts-ignore\nconst x = 1;'],
    ['deprecated-gf-form-css-classes', "const c = 'gf-form-label';"],
    ['topnav-toggle', 'if (config.featureToggles.topnav) {}'],
  ])('%s refuses %j', (rule, source) => {
    expect(rulesIn('src/feature/thing.tsx', source)).toContain(rule);
  });

  it.each([
    "window.open(url, 'login', 'popup=yes,noopener,noreferrer');",
    "window.open(url, '_blank', 'noreferrer,noopener');",
    "console.warn('kept');",
    "console.error('kept');",
    'const p = window.location.protocol;',
    "const text = 'console.log(1)';",
    'locationService.reload();',
    "const ds = await getDataSourceSrv().get('uid');",
  ])('lets %j through', (source) => {
    expect(rulesIn('src/feature/thing.tsx', source)).toEqual([]);
  });

  it('names the file and line of each finding, every match counted', () => {
    const findings = checkSource(
      'src/a.ts',
      "const a = 1;\nconsole.log(a);\nconsole.info(a);\nfetch('/api/ds/query');"
    );
    expect(findings.map((f) => [f.rule, f.line, f.level])).toEqual([
      ['no-api-ds-query-endpoint', 4, 'error'],
      ['console-logging', 2, 'warning'],
      ['console-logging', 3, 'warning'],
    ]);
  });

  it("takes the validator's paths: src/ only, not tests, specs or .js (but .js for the query endpoint)", () => {
    const rule = (id: string) => CODE_RULES.find((r) => r.id === id)!;
    expect(ruleApplies(rule('console-logging'), 'src/a.ts')).toBe(true);
    expect(ruleApplies(rule('console-logging'), 'src/a.test.ts')).toBe(false);
    expect(ruleApplies(rule('console-logging'), 'src/a.node.test.ts')).toBe(false);
    expect(ruleApplies(rule('console-logging'), 'src/a.spec.tsx')).toBe(false);
    expect(ruleApplies(rule('console-logging'), 'server/src/a.ts')).toBe(false);
    expect(ruleApplies(rule('console-logging'), 'src/a.js')).toBe(false);
    expect(ruleApplies(rule('no-api-ds-query-endpoint'), 'src/a.js')).toBe(true);
    expect(ruleApplies(rule('no-api-ds-query-endpoint'), 'src/a.test.js')).toBe(false);
    expect(rulesIn('src/a.test.ts', "console.log('fine in tests');")).toEqual([]);
  });

  it('finds a testDatasource in a backend data source only in datasource.ts', () => {
    const source = 'class DS extends DataSourceWithBackend<Q> {\n  testDatasource() {}\n}';
    expect(rulesIn('src/datasource.ts', source)).toContain('backend-datasource-should-not-implement-testdatasource');
    expect(rulesIn('src/other.ts', source)).toEqual([]);
  });
});
