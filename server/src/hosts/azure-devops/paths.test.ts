/** Azure DevOps repositories named by `.pyroscope.yaml` (`source.azure_devops`) and by Go import paths. */
import { azureDevopsGoModules, azureDevopsMapping } from './paths';

const SERVICES = [{ host: 'dev.azure.com', kind: 'azure-devops' as const }];
const locate = (modulePath: string, names = SERVICES) => azureDevopsGoModules.locate(modulePath, names);

describe('Go modules on Azure DevOps', () => {
  it('reads dev.azure.com/<org>/<project>/_git/<repo>.git and a folder below it, as `go install` documents', () => {
    expect(locate('dev.azure.com/acme/Platform/_git/payments.git')).toEqual({
      repositoryPath: 'acme/Platform/_git/payments',
      subdir: '',
    });
    expect(locate('dev.azure.com/acme/Platform/_git/tools.git/cli/v2')).toEqual({
      repositoryPath: 'acme/Platform/_git/tools',
      subdir: 'cli',
    });
    // Without `.git` (an HTTPS import path that a go-get answer resolved) the repository still ends after `_git`.
    expect(locate('dev.azure.com/acme/Platform/_git/payments/charge')).toEqual({
      repositoryPath: 'acme/Platform/_git/payments',
      subdir: 'charge',
    });
  });

  it('reads the older <org>.visualstudio.com form, DefaultCollection or not, as the same organization', () => {
    for (const path of [
      'acme.visualstudio.com/Platform/_git/payments.git',
      'Acme.VisualStudio.com/DefaultCollection/Platform/_git/payments.git',
    ]) {
      expect(locate(path)).toEqual({ repositoryPath: 'acme/Platform/_git/payments', subdir: '' });
    }
    // Only where the server reads Azure DevOps Services: a server for another name of it has no such organizations.
    expect(locate('acme.visualstudio.com/Platform/_git/payments.git', [])).toBeUndefined();
  });

  it('is no Azure DevOps repository without _git, an organization, a project and a repository', () => {
    for (const path of [
      'dev.azure.com/acme/Platform/payments',
      'dev.azure.com/acme/_git/payments.git',
      'dev.azure.com/acme',
      'dev.azure.com/acme/../_git/x.git',
      'dev.azure.com/acme/Platform/_git/.git',
      'dev.azure.com.evil.example/acme/Platform/_git/payments.git',
      'evil.example/acme.visualstudio.com/Platform/_git/payments.git',
      'github.com/acme/payments',
    ]) {
      expect([path, locate(path)]).toEqual([path, undefined]);
    }
  });

  it('gives the module path of a repository (a -trimpath frame starts with it)', () => {
    expect(azureDevopsGoModules.modulePath('acme/My%20Project/_git/payments', SERVICES[0])).toBe(
      'dev.azure.com/acme/My Project/_git/payments.git'
    );
  });
});

describe('source.azure_devops', () => {
  it('names a repository by organization, project and repo (a project may hold spaces)', () => {
    expect(azureDevopsMapping.repositoryPath({ organization: 'acme', project: 'My Project', repo: 'payments' })).toBe(
      'acme/My%20Project/_git/payments'
    );
  });

  it('says which field is missing or not a name', () => {
    expect(azureDevopsMapping.repositoryPath({ organization: 'acme', repo: 'payments' })).toEqual({
      problem: 'an azure_devops source needs organization, project and repo',
    });
    for (const [organization, project, repo] of [
      ['..', 'P', 'r'],
      ['acme', 'a/b', 'r'],
      ['acme', 'P', 'r?x'],
      ['acme', '..', 'r'],
    ]) {
      expect(azureDevopsMapping.repositoryPath({ organization, project, repo })).toEqual({
        problem: expect.stringContaining(`'${organization}/${project}/${repo}'`),
      });
    }
  });
});
