import { readCiCheckout } from '../src/ciEnvironment';

describe('readCiCheckout', () => {
  it('knows no CI in a plain environment', () => {
    expect(readCiCheckout({ PATH: '/usr/bin', CI: 'true' })).toBeUndefined();
  });

  it('GitHub Actions: the branch of a push, the source branch of a pull request, a tag, the repository', () => {
    const base = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' };
    expect(readCiCheckout({ ...base, GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' })).toEqual({
      ci: 'GitHub Actions',
      branch: 'main',
      repository: 'https://github.com/o/r',
    });
    expect(readCiCheckout({ ...base, GITHUB_REF_NAME: '12/merge', GITHUB_HEAD_REF: 'feature/x' })?.branch).toBe(
      'feature/x'
    );
    expect(readCiCheckout({ ...base, GITHUB_REF_NAME: 'v1.2.0', GITHUB_REF_TYPE: 'tag' })?.branch).toBe('v1.2.0');
    expect(readCiCheckout({ GITHUB_ACTIONS: 'true' })).toEqual({ ci: 'GitHub Actions' });
  });

  it('GitLab CI: merge request source branch, tag, branch, then the ref name', () => {
    const base = { GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.com/g/p' };
    expect(readCiCheckout({ ...base, CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' })).toEqual({
      ci: 'GitLab CI',
      branch: 'main',
      repository: 'https://gitlab.com/g/p',
    });
    expect(
      readCiCheckout({
        ...base,
        CI_COMMIT_REF_NAME: 'refs/merge-requests/59/head',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'test-ci',
      })?.branch
    ).toBe('test-ci');
    expect(readCiCheckout({ ...base, CI_COMMIT_TAG: 'v2.0.0', CI_COMMIT_REF_NAME: 'v2.0.0' })?.branch).toBe('v2.0.0');
    expect(readCiCheckout({ ...base, CI_COMMIT_REF_NAME: 'release' })?.branch).toBe('release');
  });

  it("Jenkins: a pull request's real branch, a tag, the multibranch name, the git plugin's origin/ branch", () => {
    const base = { JENKINS_URL: 'https://ci.example.com/', GIT_URL: 'git@github.com:o/r.git' };
    expect(readCiCheckout({ ...base, BRANCH_NAME: 'PR-24', CHANGE_BRANCH: 'fix/leak' })).toEqual({
      ci: 'Jenkins',
      branch: 'fix/leak',
      repository: 'git@github.com:o/r.git',
    });
    expect(readCiCheckout({ ...base, TAG_NAME: 'v3', BRANCH_NAME: 'v3' })?.branch).toBe('v3');
    expect(readCiCheckout({ ...base, BRANCH_NAME: 'main', GIT_BRANCH: 'origin/main' })?.branch).toBe('main');
    expect(readCiCheckout({ ...base, GIT_BRANCH: 'origin/feature/deep/name' })?.branch).toBe('feature/deep/name');
    expect(readCiCheckout({ ...base, GIT_BRANCH: 'refs/remotes/upstream/dev' }, 'upstream')?.branch).toBe('dev');
    expect(readCiCheckout({ JENKINS_HOME: '/var/jenkins_home', GIT_LOCAL_BRANCH: 'main' })?.branch).toBe('main');
  });

  it('CircleCI: tag before branch, the repository URL as cloned', () => {
    const base = { CIRCLECI: 'true', CIRCLE_REPOSITORY_URL: 'git@github.com:o/r.git' };
    expect(readCiCheckout({ ...base, CIRCLE_BRANCH: 'main' })).toEqual({
      ci: 'CircleCI',
      branch: 'main',
      repository: 'git@github.com:o/r.git',
    });
    expect(readCiCheckout({ ...base, CIRCLE_TAG: 'v1.0.0' })?.branch).toBe('v1.0.0');
  });

  it('Buildkite: tag before branch, the repository URL', () => {
    const base = { BUILDKITE: 'true', BUILDKITE_REPO: 'https://github.com/o/r.git' };
    expect(readCiCheckout({ ...base, BUILDKITE_BRANCH: 'main' })).toEqual({
      ci: 'Buildkite',
      branch: 'main',
      repository: 'https://github.com/o/r.git',
    });
    expect(readCiCheckout({ ...base, BUILDKITE_BRANCH: 'main', BUILDKITE_TAG: 'v9' })?.branch).toBe('v9');
  });

  it('ignores blank variables', () => {
    expect(readCiCheckout({ CIRCLECI: 'true', CIRCLE_TAG: ' ', CIRCLE_BRANCH: '' })).toEqual({ ci: 'CircleCI' });
  });
});
