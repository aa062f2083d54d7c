import { lintProbes } from './test-support/lintProbes';

// The layering rule must fail the lint when a lower layer imports a higher one, and stay quiet the other way.
const lint = (cases: Array<[file: string, code: string]>) => lintProbes(cases, 'boundaries/element-types');

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
  ['src/source/providers/github/probe.ts', 'FunctionDetailsPanel', '../../../function-details/FunctionDetailsPanel'],
  ['packages/lines/src/probe.ts', 'hottestLine', '../../../src/domain/hottest'],
  ['packages/lines/src/probe.ts', 'FunctionDetailsPanel', '../../../src/function-details/FunctionDetailsPanel'],
  ['packages/cli/src/probe.ts', 'formatValue', '../../../src/domain/format'],
];
const allowed: Array<[string, string, string]> = [
  ['src/function-details/probe.ts', 'hottestLine', '../domain/hottest'],
  ['src/pages/probe.ts', 'FunctionDetailsPanel', '../function-details/FunctionDetailsPanel'],
  ['src/source/probe.test.ts', 'memoryStorage', '../test-support/memory'],
  ['src/source/probe.ts', 'describeRepository', '../domain/repository'],
  ['src/function-details/probe.ts', 'computeFunctionDetails', '../../packages/lines/src/computeFunctionDetails'],
  ['src/function-details/probe.ts', 'computeFunctionDetails', '@linescope/lines'],
  ['packages/lines/src/probe.test.ts', 'fuzzParameters', '../../../src/test-support/fuzz'],
  ['packages/cli/src/probe.ts', 'topFunctions', '../../lines/src/topFunctions'],
];

test('a Git host folder importing another host folder fails the lint; its own folder and the neutral ones pass', () => {
  const [gitlabImportsGithub, githubImportsGitlab, ownFolder, neutral, table] = lint([
    ['src/source/providers/gitlab/probe.ts', probe('GITHUB_SESSION', '../github/session')],
    ['src/source/providers/github/probe.ts', probe('startGitlabLogin', '../gitlab/login')],
    ['src/source/providers/gitlab/probe.ts', probe('startGitlabLogin', './login')],
    ['src/source/providers/gitlab/probe.ts', probe('startPopupLogin', '../../connection/popupLogin')],
    ['src/source/providers/probe.ts', probe('GitLabConnection', './gitlab/GitLabConnection')],
  ]);
  expect(gitlabImportsGithub).toEqual([
    expect.stringMatching(/providers\/gitlab\/ imports providers\/github\/: a Git host folder never imports another/),
  ]);
  expect(githubImportsGitlab).toEqual([expect.stringMatching(/providers\/github\/ imports providers\/gitlab\//)]);
  expect({ ownFolder, neutral, table }).toEqual({ ownFolder: [], neutral: [], table: [] });
});

test('a lower layer importing a higher one fails the lint; the other way round passes', () => {
  const results = lint([...refused, ...allowed].map(([file, name, from]) => [file, probe(name, from)]));
  refused.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[i] }).toEqual({ file, from, messages: [expect.stringMatching(/is below/)] });
  });
  allowed.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[refused.length + i] }).toEqual({ file, from, messages: [] });
  });
});
