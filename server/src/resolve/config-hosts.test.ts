/** `.pyroscope.yaml` mappings to another Git host's repository (`source.bitbucket`…), parsed through the host table. */
import { parseRepositoryUrl } from '../hosts/repository';
import { MapReader } from '../../test/map-reader';
import { HOST_MAPPINGS, resolutionHostsFor } from '../../test/resolution-hosts';
import { parseConfig } from './config';
import { NotResolvedError } from './resolution';
import { resolveFile } from './resolver';

const config = (source: string) =>
  `version: v1\nsource_code:\n  mappings:\n    - path: [{prefix: /opt/shared}]\n      language: go\n      source: ${source}\n`;

describe('.pyroscope.yaml gitlab sources', () => {
  it('reads project (groups may nest), ref and path', () => {
    const result = parseConfig(
      config('{gitlab: {project: group/subgroup/project, ref: v1.2.0, path: src}}'),
      HOST_MAPPINGS
    );
    expect(result.problems).toEqual([]);
    expect(result.config?.mappings[0].source).toEqual({
      host: { key: 'gitlab', repositoryPath: 'group/subgroup/project', ref: 'v1.2.0', path: 'src' },
    });
  });

  it('says what is wrong with a project that names no group, or climbs out', () => {
    for (const project of ['project', 'group/../x', '']) {
      expect(parseConfig(config(`{gitlab: {project: '${project}'}}`), HOST_MAPPINGS).problems[0]).toMatch(
        /^invalid pyroscope config: mapping\[0\]: a gitlab source needs project: <group>\/<project>/
      );
    }
  });

  it('refuses a mapping with a gitlab and another source', () => {
    expect(parseConfig(config('{gitlab: {project: a/b}, local: {path: x}}'), HOST_MAPPINGS).problems[0]).toContain(
      'more than one source type supplied'
    );
  });
});

describe('.pyroscope.yaml bitbucket sources', () => {
  it('reads workspace, repo, ref and path into the repository on Bitbucket', () => {
    const result = parseConfig(
      config('{bitbucket: {workspace: acme, repo: payments, ref: v1.4.0, path: src}}'),
      HOST_MAPPINGS
    );
    expect(result.problems).toEqual([]);
    expect(result.config?.mappings[0].source).toEqual({
      host: { key: 'bitbucket', repositoryPath: 'acme/payments', ref: 'v1.4.0', path: 'src' },
    });
  });

  it('says what is wrong with a malformed one, and on which line of the file, keeping the valid mappings', () => {
    const text = [
      'version: v1',
      'source_code:',
      '  mappings:',
      '    - path: [{prefix: /ok}]',
      '      language: go',
      '      source: {bitbucket: {workspace: acme, repo: ok}}',
      '    - path: [{prefix: /no-repo}]',
      '      language: go',
      '      source: {bitbucket: {workspace: acme}}',
      '    - path: [{prefix: /climbs}]',
      '      language: go',
      '      source:',
      '        bitbucket: {workspace: "..", repo: x}',
      '    - path: [{prefix: /not-a-map}]',
      '      language: go',
      '      source: {bitbucket: acme/payments}',
      '    - path: [{prefix: /two}]',
      '      language: go',
      '      source: {bitbucket: {workspace: a, repo: b}, github: {owner: a, repo: b}}',
    ].join('\n');
    const { config: parsed, problems } = parseConfig(text, HOST_MAPPINGS);
    expect(parsed?.mappings.map((m) => m.pathPrefixes[0])).toEqual(['/ok']);
    expect(problems).toEqual([
      'invalid pyroscope config: mapping[1]: a bitbucket source needs workspace and repo (line 7)',
      "invalid pyroscope config: mapping[2]: a bitbucket source's workspace and repo are names of letters, digits, '.', '-' and '_': '../x' (line 10)",
      'invalid pyroscope config: mapping[3]: a bitbucket source needs workspace and repo (line 14)',
      'invalid pyroscope config: mapping[4]: more than one source type supplied, you need to supply exactly one source type (line 17)',
    ]);
  });
});

describe('resolving through a bitbucket mapping', () => {
  const shop = parseRepositoryUrl('https://github.com/acme/shop', {
    kind: 'github',
    webUrl: 'https://github.com',
    aliases: [],
  });
  const files = {
    'acme/shop@main:.pyroscope.yaml': config('{bitbucket: {workspace: acme, repo: shared, ref: v2.0.0, path: lib}}'),
    'acme/shared@v2.0.0:lib/pkg/x.go': 'package pkg',
  };
  const resolve = (env: Record<string, string>) =>
    resolveFile(
      new MapReader(files),
      { repository: shop, ref: 'main', path: '/opt/shared/pkg/x.go', rootPath: '', functionName: 'f' },
      'https://github.com',
      resolutionHostsFor(env)
    );

  it('reads the file from the Bitbucket repository at the mapping ref, below its path', async () => {
    const found = await resolve({
      BITBUCKET_CLIENT_ID: 'id',
      BITBUCKET_CLIENT_SECRET: 'secret',
      SESSION_SECRET: 'k'.repeat(32),
    });
    expect(found).toMatchObject({
      rule: 'mapping:bitbucket[0]',
      ref: 'v2.0.0',
      path: 'lib/pkg/x.go',
      repository: { webUrl: 'https://bitbucket.org/acme/shared' },
    });
  });

  it('on a server that does not read Bitbucket: skipped, saying what to set', async () => {
    const error = (await resolve({}).catch((e: unknown) => e)) as NotResolvedError;
    expect(error).toBeInstanceOf(NotResolvedError);
    expect(error.explanation.attempts).toContainEqual({
      rule: 'mapping:bitbucket[0]',
      repositoryUrl: 'acme/shared',
      ref: 'v2.0.0',
      path: 'lib/pkg/x.go',
      outcome:
        'skipped: Bitbucket is not configured on this server (BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET, SESSION_SECRET)',
    });
  });
});

describe('.pyroscope.yaml azure_devops sources', () => {
  const shop = parseRepositoryUrl('https://github.com/acme/shop', {
    kind: 'github',
    webUrl: 'https://github.com',
    aliases: [],
  });

  it('reads organization, project (spaces kept) and repo into the repository on Azure DevOps, and resolves there', async () => {
    const source = '{azure_devops: {organization: acme, project: My Project, repo: shared, ref: v2.0.0, path: lib}}';
    const parsed = parseConfig(config(source), HOST_MAPPINGS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config?.mappings[0].source).toEqual({
      host: { key: 'azure_devops', repositoryPath: 'acme/My%20Project/_git/shared', ref: 'v2.0.0', path: 'lib' },
    });
    const found = await resolveFile(
      new MapReader({
        'acme/shop@main:.pyroscope.yaml': config(source),
        'acme/My Project/shared@v2.0.0:lib/pkg/x.go': 'package pkg',
      }),
      { repository: shop, ref: 'main', path: '/opt/shared/pkg/x.go', rootPath: '', functionName: 'f' },
      'https://github.com',
      resolutionHostsFor({
        AZURE_DEVOPS_CLIENT_ID: 'id',
        AZURE_DEVOPS_CLIENT_SECRET: 'secret',
        SESSION_SECRET: 'k'.repeat(32),
      })
    );
    expect(found).toMatchObject({
      rule: 'mapping:azure_devops[0]',
      path: 'lib/pkg/x.go',
      repository: { webUrl: 'https://dev.azure.com/acme/My%20Project/_git/shared' },
    });
  });

  it('says what is missing, on which line', () => {
    const { problems } = parseConfig(config('{azure_devops: {organization: acme, repo: shared}}'), HOST_MAPPINGS);
    expect(problems).toEqual([
      'invalid pyroscope config: mapping[0]: an azure_devops source needs organization, project and repo (line 4)',
    ]);
  });
});
