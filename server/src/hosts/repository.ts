/**
 * A repository on the configured host. `fullName` is the host's path of it: `owner/repo` on GitHub,
 * `group/subgroup/project` on GitLab (where it becomes the URL-encoded project id); `owner` is every segment
 * but the last (a GitLab namespace may hold several), `repo` the last.
 */
export interface Repository {
  owner: string;
  repo: string;
  fullName: string;
  /** The repository's page on the configured host, e.g. https://github.com/owner/repo */
  webUrl: string;
}
