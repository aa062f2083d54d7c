/** The server's layer rule (eslint.layers.mjs) must fail the lint for an import that runs up or across hosts. */
import { lintProbes } from '../../src/test-support/lintProbes';

const lint = (cases: Array<[file: string, code: string]>) => lintProbes(cases, 'boundaries/element-types');

/** A module that imports `name` from `from` and uses it. */
const probe = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const probe = [${name}];\n`;

jest.setTimeout(60_000);

const refused: Array<[string, string, string]> = [
  // A host never imports another host's folder.
  ['server/src/hosts/gitlab/probe.ts', 'GitHubSource', '../github/source'],
  ['server/src/hosts/github/probe.ts', 'GitLabOAuthClient', '../gitlab/oauth'],
  // resolve/ and rpc/ see hosts only through the neutral modules and the table.
  ['server/src/resolve/probe.ts', 'GitHubSource', '../hosts/github/source'],
  ['server/src/rpc/probe.ts', 'gitlabEntry', '../hosts/gitlab/entry'],
  ['server/src/resolve/probe.ts', 'HOST_TABLE', '../hosts/table'],
  // Lower layers never import higher ones.
  ['server/src/hosts/repository.ts', 'HOST_TABLE', './table'],
  ['server/src/hosts/blame/probe.ts', 'GitHubSource', '../github/source'],
  ['server/src/cache/probe.ts', 'ReadCache', '../hosts/read-cache'],
  ['server/src/session/probe.ts', 'requestHosts', '../rpc/hosts'],
  ['server/src/resolve/probe.ts', 'requestHosts', '../rpc/hosts'],
  ['server/src/metrics.ts', 'LruCache', './cache/lru'],
  // A registry never imports another's folder; resolve/ sees registries through the table-level modules.
  ['server/src/registries/npm/probe.ts', 'GoModuleProxy', '../goproxy/registry'],
  ['server/src/resolve/probe.ts', 'NpmRegistry', '../registries/npm/registry'],
  ['server/src/registries/archive/probe.ts', 'REGISTRIES', '../table'],
  ['server/src/config.ts', 'REGISTRIES', './registries/table'],
];
const allowed: Array<[string, string, string]> = [
  ['server/src/hosts/gitlab/probe.ts', 'GitLabSource', './source'],
  ['server/src/hosts/gitlab/probe.ts', 'RefResolver', '../ref-resolver'],
  ['server/src/hosts/table.ts', 'githubEntry', './github/entry'],
  ['server/src/rpc/probe.ts', 'HOST_TABLE', '../hosts/table'],
  ['server/src/rpc/probe.ts', 'parseRepositoryUrl', '../hosts/repository'],
  ['server/src/resolve/probe.ts', 'Repository', '../hosts/repository'],
  ['server/src/server.ts', 'vcsRoutes', './rpc/service'],
  ['server/src/registries/npm/probe.ts', 'readArchive', '../archive/archive'],
  ['server/src/registries/table.ts', 'NpmRegistry', './npm/registry'],
  ['server/src/resolve/probe.ts', 'npmDependency', '../registries/dependency'],
];

test('an import running up the server’s layers or across host folders fails the lint; the others pass', () => {
  const results = lint([...refused, ...allowed].map(([file, name, from]) => [file, probe(name, from)]));
  refused.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[i] }).toEqual({ file, from, messages: [expect.stringMatching(/is below/)] });
  });
  allowed.forEach(([file, , from], i) => {
    expect({ file, from, messages: results[refused.length + i] }).toEqual({ file, from, messages: [] });
  });
});
