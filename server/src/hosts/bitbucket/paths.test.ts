/** Bitbucket Cloud repositories named by `.pyroscope.yaml` (`source.bitbucket`) and by Go import paths. */
import { bitbucketGoModules, bitbucketMapping } from './paths';

const BITBUCKET_ORG = [{ host: 'bitbucket.org', kind: 'bitbucket' as const }];
const locate = (modulePath: string, names = BITBUCKET_ORG) => bitbucketGoModules.locate(modulePath, names);

describe('Go modules on Bitbucket Cloud', () => {
  it('reads bitbucket.org/<workspace>/<repo> as the repository and what follows as the module folder', () => {
    expect(locate('bitbucket.org/acme/payments')).toEqual({ repositoryPath: 'acme/payments', subdir: '' });
    expect(locate('bitbucket.org/acme/payments/v2')).toEqual({ repositoryPath: 'acme/payments', subdir: '' });
    expect(locate('bitbucket.org/acme/tools/cli')).toEqual({ repositoryPath: 'acme/tools', subdir: 'cli' });
    expect(locate('bitbucket.org/acme/tools/cli/v3')).toEqual({ repositoryPath: 'acme/tools', subdir: 'cli' });
    // The module cache keeps upper case (restored from `!a`); the host name is matched whatever its case.
    expect(locate('Bitbucket.org/Acme/Payments')).toEqual({ repositoryPath: 'Acme/Payments', subdir: '' });
  });

  it('is no Bitbucket repository without a workspace and a repository, or on another host', () => {
    for (const path of [
      'bitbucket.org/acme',
      'bitbucket.org',
      'bitbucket.org.evil.example/acme/payments',
      'github.com/acme/payments',
      'bitbucket.org/acme/..',
      'bitbucket.org/acme/pay%20ments',
    ]) {
      expect([path, locate(path)]).toEqual([path, undefined]);
    }
    expect(locate('bitbucket.org/acme/payments', [])).toBeUndefined();
  });

  it('gives the module path of a repository on each of its names (a -trimpath frame starts with it)', () => {
    expect(bitbucketGoModules.modulePath('acme/payments', BITBUCKET_ORG[0])).toBe('bitbucket.org/acme/payments');
  });
});

describe('source.bitbucket', () => {
  it('names a repository by workspace and repo', () => {
    expect(bitbucketMapping.repositoryPath({ workspace: 'acme', repo: 'payments', ref: 'v1' })).toBe('acme/payments');
  });

  it('says which field is missing or not a name', () => {
    expect(bitbucketMapping.repositoryPath({ workspace: 'acme' })).toEqual({
      problem: 'a bitbucket source needs workspace and repo',
    });
    expect(bitbucketMapping.repositoryPath({ repo: 'payments' })).toEqual({
      problem: 'a bitbucket source needs workspace and repo',
    });
    for (const [workspace, repo] of [
      ['..', 'payments'],
      ['acme', 'a/b'],
      ['acme', 'pay ments'],
      ['{"x":1}', 'payments'],
    ]) {
      expect(bitbucketMapping.repositoryPath({ workspace, repo })).toEqual({
        problem: `a bitbucket source's workspace and repo are names of letters, digits, '.', '-' and '_': '${workspace}/${repo}'`,
      });
    }
  });
});
