// CI systems check out a detached commit, so git itself cannot tell which branch (or tag) was built; each CI says
// so in its own documented variables. They also name the repository when a checkout has no usable remote.

export type Env = Record<string, string | undefined>;

export interface CiCheckout {
  /** The CI's name, for messages. */
  ci: string;
  /** The branch or tag the CI built, when it says. */
  branch?: string;
  /** The repository URL the CI cloned (not yet normalised), when it says. */
  repository?: string;
}

const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
const first = (...values: Array<string | undefined>) => values.map(nonEmpty).find((v) => v !== undefined);

interface CiReader {
  ci: string;
  detect: (env: Env) => boolean;
  read: (env: Env, remote: string) => Omit<CiCheckout, 'ci'>;
}

/** Strips what Jenkins' git plugin puts before the branch name (`origin/main`, `refs/remotes/origin/main`). */
function jenkinsBranch(value: string | undefined, remote: string): string | undefined {
  const branch = nonEmpty(value);
  if (!branch) {
    return undefined;
  }
  for (const prefix of ['refs/heads/', `refs/remotes/${remote}/`, `remotes/${remote}/`, `${remote}/`]) {
    if (branch.startsWith(prefix)) {
      return branch.slice(prefix.length);
    }
  }
  return branch;
}

const READERS: CiReader[] = [
  {
    ci: 'GitHub Actions',
    detect: (env) => env.GITHUB_ACTIONS === 'true',
    read: (env) => ({
      // GITHUB_HEAD_REF is the pull request's source branch; GITHUB_REF_NAME is then `<number>/merge`.
      branch: first(env.GITHUB_HEAD_REF, env.GITHUB_REF_NAME),
      repository:
        nonEmpty(env.GITHUB_SERVER_URL) && nonEmpty(env.GITHUB_REPOSITORY)
          ? `${env.GITHUB_SERVER_URL!.trim().replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY!.trim()}`
          : undefined,
    }),
  },
  {
    ci: 'GitLab CI',
    detect: (env) => env.GITLAB_CI === 'true',
    read: (env) => ({
      // CI_COMMIT_REF_NAME is `refs/merge-requests/…` in merge request pipelines, hence the source branch first.
      branch: first(
        env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME,
        env.CI_COMMIT_TAG,
        env.CI_COMMIT_BRANCH,
        env.CI_COMMIT_REF_NAME
      ),
      repository: nonEmpty(env.CI_PROJECT_URL),
    }),
  },
  {
    ci: 'Jenkins',
    detect: (env) => nonEmpty(env.JENKINS_URL) !== undefined || nonEmpty(env.JENKINS_HOME) !== undefined,
    read: (env, remote) => ({
      // Multibranch pipelines name a pull request's job `PR-12` in BRANCH_NAME; CHANGE_BRANCH is its real branch.
      branch: first(
        env.CHANGE_BRANCH,
        env.TAG_NAME,
        env.BRANCH_NAME,
        env.GIT_LOCAL_BRANCH,
        jenkinsBranch(env.GIT_BRANCH, remote)
      ),
      repository: nonEmpty(env.GIT_URL),
    }),
  },
  {
    ci: 'CircleCI',
    detect: (env) => env.CIRCLECI === 'true',
    read: (env) => ({
      branch: first(env.CIRCLE_TAG, env.CIRCLE_BRANCH),
      repository: nonEmpty(env.CIRCLE_REPOSITORY_URL),
    }),
  },
  {
    ci: 'Buildkite',
    detect: (env) => env.BUILDKITE === 'true',
    read: (env) => ({
      branch: first(env.BUILDKITE_TAG, env.BUILDKITE_BRANCH),
      repository: nonEmpty(env.BUILDKITE_REPO),
    }),
  },
];

/** What the CI this runs in says about the checkout; undefined outside the CIs it knows. */
export function readCiCheckout(env: Env, remote = 'origin'): CiCheckout | undefined {
  const reader = READERS.find((r) => r.detect(env));
  if (!reader) {
    return undefined;
  }
  const { branch, repository } = reader.read(env, remote);
  return { ci: reader.ci, ...(branch ? { branch } : {}), ...(repository ? { repository } : {}) };
}

export const KNOWN_CIS = READERS.map((r) => r.ci);
