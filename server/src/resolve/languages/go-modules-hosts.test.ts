/**
 * Go modules on the other Git hosts of the table (GitLab, Bitbucket Cloud), located and read through each host's
 * table entry: only on hosts this server reads, at the module version's tag or commit.
 */
import { parseRepositoryUrl } from '../../hosts/repository';
import { MapReader } from '../../../test/map-reader';
import { resolutionHostsFor } from '../../../test/resolution-hosts';
import { NotResolvedError } from '../resolution';
import { resolveFile } from '../resolver';
import { locateModule } from './go-modules';
import { parseGoMod } from './gomod';

const SECRET = 'k'.repeat(32);
const GITLAB = { GITLAB_CLIENT_ID: 'id', GITLAB_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
const BITBUCKET = { BITBUCKET_CLIENT_ID: 'id', BITBUCKET_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
const AZURE = { AZURE_DEVOPS_CLIENT_ID: 'id', AZURE_DEVOPS_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET };
const BOTH = { ...GITLAB, ...BITBUCKET, GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret' };

describe('locating modules on the hosts of the table', () => {
  const mod = parseGoMod(
    [
      'module github.com/acme/app',
      'go 1.21',
      'require gitlab.com/acme/platform/lib/v3 v3.1.0',
      'require bitbucket.org/acme/payments v1.4.0',
      'require example.com/old v1.0.0',
      'replace example.com/old => bitbucket.org/acme/forks/old v1.0.1',
    ].join('\n')
  );

  it('locates a required module on GitLab or Bitbucket at its go.mod version, after replacements', () => {
    const hosts = resolutionHostsFor(BOTH);
    expect(locateModule('gitlab.com/acme/platform/lib/v3', 'v3.0.0', mod, hosts)).toMatchObject({
      kind: 'host',
      host: { name: 'GitLab' },
      repositoryPath: 'acme/platform/lib',
      version: 'v3.1.0',
    });
    expect(locateModule('bitbucket.org/acme/payments', 'v1.0.0', mod, hosts)).toMatchObject({
      kind: 'host',
      host: { name: 'Bitbucket' },
      repositoryPath: 'acme/payments',
      subdir: '',
      version: 'v1.4.0',
    });
    expect(locateModule('example.com/old', 'v1.0.0', mod, hosts)).toMatchObject({
      kind: 'host',
      host: { name: 'Bitbucket' },
      repositoryPath: 'acme/forks',
      subdir: 'old',
      version: 'v1.0.1',
    });
  });

  it('leaves a module on a host this server does not read unsupported (its host is never contacted)', () => {
    for (const hosts of [resolutionHostsFor({}), resolutionHostsFor(GITLAB)]) {
      expect(locateModule('bitbucket.org/acme/payments', 'v1.4.0', mod, hosts)).toMatchObject({ kind: 'unsupported' });
    }
    expect(locateModule('gitlab.com/acme/platform/lib/v3', 'v3.0.0', mod, resolutionHostsFor(BITBUCKET))).toMatchObject(
      { kind: 'unsupported' }
    );
  });
});

const shop = parseRepositoryUrl('https://github.com/acme/shop', {
  kind: 'github',
  webUrl: 'https://github.com',
  aliases: [],
});

async function resolveIn(
  files: Record<string, string>,
  path: string,
  env: Record<string, string>,
  repository = shop,
  canList = true
) {
  const reader = new MapReader(files, canList);
  const request = { repository, ref: 'main', path, rootPath: '', functionName: 'f' };
  const result = await resolveFile(reader, request, 'https://github.com', resolutionHostsFor(env)).catch(
    (error: unknown) => error
  );
  return { reader, result };
}

const GO_MOD = {
  'acme/shop@main:go.mod': [
    'module github.com/acme/shop',
    'go 1.22',
    'require bitbucket.org/acme/payments v1.4.0',
    'require bitbucket.org/acme/tools/cli v1.2.0',
    'require bitbucket.org/acme/edge v0.0.0-20240105120000-0123456789ab',
  ].join('\n'),
};

describe('a frame under a Bitbucket Cloud module', () => {
  it('is read from the Bitbucket repository at the version tag', async () => {
    const { result } = await resolveIn(
      { ...GO_MOD, 'acme/payments@v1.4.0:charge/charge.go': 'package charge' },
      '/root/go/pkg/mod/bitbucket.org/acme/payments@v1.4.0/charge/charge.go',
      BITBUCKET
    );
    expect(result).toMatchObject({
      rule: 'go:module',
      ref: 'v1.4.0',
      path: 'charge/charge.go',
      repository: { fullName: 'acme/payments', webUrl: 'https://bitbucket.org/acme/payments' },
    });
  });

  it('a module in a folder of a multi-module repository: its `<folder>/<version>` tag, then the plain one', async () => {
    const { reader, result } = await resolveIn(
      { ...GO_MOD, 'acme/tools@v1.2.0:cli/main.go': 'package main' },
      '/root/go/pkg/mod/bitbucket.org/acme/tools/cli@v1.2.0/main.go',
      BITBUCKET
    );
    expect(result).toMatchObject({ ref: 'v1.2.0', path: 'cli/main.go', repository: { fullName: 'acme/tools' } });
    expect(reader.reads.filter((read) => read.startsWith('acme/tools'))).toEqual([
      'acme/tools@cli/v1.2.0:cli/main.go',
      'acme/tools@v1.2.0:cli/main.go',
    ]);
  });

  it('a pseudo-version reads its commit; a -trimpath frame takes the go.mod version', async () => {
    const pseudo = await resolveIn(
      { 'acme/edge@0123456789ab:proxy.go': 'package edge' },
      '/root/go/pkg/mod/bitbucket.org/acme/edge@v0.0.0-20240105120000-0123456789ab/proxy.go',
      BITBUCKET
    );
    expect(pseudo.result).toMatchObject({
      ref: '0123456789ab',
      repository: { webUrl: 'https://bitbucket.org/acme/edge' },
    });
    const trimmed = await resolveIn(
      { ...GO_MOD, 'acme/payments@v1.4.0:charge/charge.go': 'package charge' },
      'bitbucket.org/acme/payments/charge/charge.go',
      BITBUCKET
    );
    expect(trimmed.result).toMatchObject({
      ref: 'v1.4.0',
      repository: { webUrl: 'https://bitbucket.org/acme/payments' },
    });
  });

  it('on a server that does not read Bitbucket, nothing is asked of it and the answer says the module is unsupported', async () => {
    const { reader, result } = await resolveIn(
      { ...GO_MOD, 'acme/payments@v1.4.0:charge/charge.go': 'package charge' },
      '/root/go/pkg/mod/bitbucket.org/acme/payments@v1.4.0/charge/charge.go',
      {}
    );
    expect(result).toBeInstanceOf(NotResolvedError);
    expect(reader.reads.filter((read) => read.startsWith('acme/payments'))).toEqual([]);
    expect((result as NotResolvedError).explanation.attempts).toContainEqual(
      expect.objectContaining({
        rule: 'go:module',
        outcome: expect.stringContaining('unsupported module path: bitbucket.org/acme/payments'),
      })
    );
  });

  it('a service on Bitbucket: a frame path holding its module path is tried below it first', async () => {
    const payments = parseRepositoryUrl('https://bitbucket.org/acme/payments', {
      kind: 'bitbucket',
      webUrl: 'https://bitbucket.org',
      aliases: [],
    });
    const { reader, result } = await resolveIn(
      { 'acme/payments@main:internal/x.go': 'package internal' },
      '/build/bitbucket.org/acme/payments/internal/x.go',
      BITBUCKET,
      payments,
      false
    );
    expect(result).toMatchObject({
      path: 'internal/x.go',
      repository: { webUrl: 'https://bitbucket.org/acme/payments' },
    });
    // Without a tree listing every candidate costs a read: none is spent on /build/bitbucket.org/… .
    expect(reader.reads).toEqual([
      'acme/payments@main:.pyroscope.yaml',
      'acme/payments@main:go.mod',
      'acme/payments@main:internal/x.go',
    ]);
  });
});

describe('a frame under a GitLab module (through the table as well)', () => {
  it('is read from the GitLab project at the version tag', async () => {
    const { result } = await resolveIn(
      { 'acme/platform/lib@v3.1.0:pkg/a.go': 'package pkg' },
      '/root/go/pkg/mod/gitlab.com/acme/platform/lib/v3@v3.1.0/pkg/a.go',
      GITLAB
    );
    expect(result).toMatchObject({
      ref: 'v3.1.0',
      path: 'pkg/a.go',
      repository: { fullName: 'acme/platform/lib', webUrl: 'https://gitlab.com/acme/platform/lib' },
    });
  });
});

describe('a frame under an Azure DevOps module', () => {
  const payments = 'acme/Platform/payments@v1.4.0:charge/charge.go';

  it('is read from the Azure Repos repository at the version tag (the module cache escapes upper case)', async () => {
    const { result } = await resolveIn(
      { [payments]: 'package charge' },
      '/root/go/pkg/mod/dev.azure.com/acme/!platform/_git/payments.git@v1.4.0/charge/charge.go',
      AZURE
    );
    expect(result).toMatchObject({
      rule: 'go:module',
      ref: 'v1.4.0',
      path: 'charge/charge.go',
      repository: { webUrl: 'https://dev.azure.com/acme/Platform/_git/payments' },
    });
  });

  it('reads the <org>.visualstudio.com form as the same organization on dev.azure.com', async () => {
    const { result } = await resolveIn(
      { [payments]: 'package charge' },
      '/root/go/pkg/mod/acme.visualstudio.com/!platform/_git/payments.git@v1.4.0/charge/charge.go',
      AZURE
    );
    expect(result).toMatchObject({ repository: { webUrl: 'https://dev.azure.com/acme/Platform/_git/payments' } });
  });

  it('a module in a folder: `<folder>/<version>` first; a -trimpath frame takes the go.mod version', async () => {
    const goMod = {
      'acme/shop@main:go.mod':
        'module github.com/acme/shop\nrequire dev.azure.com/acme/Platform/_git/tools.git/cli v1.2.0\n',
    };
    const { reader, result } = await resolveIn(
      { ...goMod, 'acme/Platform/tools@v1.2.0:cli/main.go': 'package main' },
      'dev.azure.com/acme/Platform/_git/tools.git/cli/main.go',
      AZURE
    );
    expect(result).toMatchObject({ ref: 'v1.2.0', path: 'cli/main.go' });
    expect(reader.reads.filter((read) => read.startsWith('acme/Platform/tools'))).toEqual([
      'acme/Platform/tools@cli/v1.2.0:cli/main.go',
      'acme/Platform/tools@v1.2.0:cli/main.go',
    ]);
  });

  it('on a server that does not read Azure DevOps, nothing is asked of it', async () => {
    const { reader, result } = await resolveIn(
      { [payments]: 'package charge' },
      '/root/go/pkg/mod/dev.azure.com/acme/!platform/_git/payments.git@v1.4.0/charge/charge.go',
      BITBUCKET
    );
    expect(result).toBeInstanceOf(NotResolvedError);
    expect(reader.reads.filter((read) => read.startsWith('acme/Platform'))).toEqual([]);
  });
});
