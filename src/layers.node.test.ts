import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The layering rule must fail the lint when a lower layer imports a higher one, and stay quiet the other way.
// ESLint loads its flat config as an ES module, which Jest cannot, so the cases are linted by a Node child process.
const root = path.resolve(__dirname, '..');
const LINT_CASES = `
import { ESLint } from 'eslint';
// The probes are not files of the TypeScript project: lint them without type information.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { project: null, projectService: false } },
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
});
const out = [];
for (const [filePath, code] of JSON.parse(process.argv[1])) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === 'boundaries/element-types').map((m) => m.message));
}
console.log('LINT_RESULT ' + JSON.stringify(out));
`;

function lint(cases: Array<[file: string, code: string]>): string[][] {
  const input = cases.map(([file, code]) => [path.join(root, file), code]);
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_CASES, JSON.stringify(input)], {
    cwd: root,
    encoding: 'utf8',
  });
  // Plugins may print notices of their own on stdout.
  const line = stdout.split('\n').find((l) => l.startsWith('LINT_RESULT '));
  return JSON.parse(line!.slice('LINT_RESULT '.length));
}

/** A module that imports `name` from `from` and uses it. */
const probe = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const probe = [${name}];\n`;

jest.setTimeout(60_000);

const refused: Array<[string, string, string]> = [
  ['src/domain/probe.ts', 'FunctionDetailsPanel', '../function-details/FunctionDetailsPanel'],
  ['src/domain/probe.ts', 'QuerierClient', '../pyroscope/querier'],
  ['src/pyroscope/probe.ts', 'useFunctionSource', '../source/useFunctionSource'],
  ['src/source/probe.ts', 'WhyNoSource', '../function-details/code-view/WhyNoSource'],
  ['src/function-details/probe.ts', 'FlameGraphPage', '../pages/FlameGraphPage'],
  ['src/flamegraph/probe.ts', 'FunctionDetailsPanel', '../function-details/FunctionDetailsPanel'],
  ['src/source/probe.ts', 'memoryStorage', '../test-support/memory'],
  ['packages/lines/src/probe.ts', 'hottestLine', '../../../src/domain/hottest'],
  ['packages/lines/src/probe.ts', 'FunctionDetailsPanel', '../../../src/function-details/FunctionDetailsPanel'],
];
const allowed: Array<[string, string, string]> = [
  ['src/function-details/probe.ts', 'hottestLine', '../domain/hottest'],
  ['src/pages/probe.ts', 'FunctionDetailsPanel', '../function-details/FunctionDetailsPanel'],
  ['src/source/probe.test.ts', 'memoryStorage', '../test-support/memory'],
  ['src/source/probe.ts', 'describeRepository', '../domain/repository'],
  ['src/function-details/probe.ts', 'computeFunctionDetails', '../../packages/lines/src/computeFunctionDetails'],
  ['src/function-details/probe.ts', 'computeFunctionDetails', '@linescope/lines'],
  ['packages/lines/src/probe.test.ts', 'fuzzParameters', '../../../src/test-support/fuzz'],
];

test('a lower layer importing a higher one fails the lint; the other way round passes', () => {
  const results = lint([...refused, ...allowed].map(([file, name, from]) => [file, probe(name, from)]));
  refused.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[i] }).toEqual({ file, from, messages: [expect.stringMatching(/is below/)] });
  });
  allowed.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[refused.length + i] }).toEqual({ file, from, messages: [] });
  });
});
