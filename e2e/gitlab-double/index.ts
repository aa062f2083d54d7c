export {
  startGitLabDouble,
  type GitLabDouble,
  type GitLabDoubleOptions,
  type GitLabRequestRecord,
  type ForcedGitLabRateLimit,
  type ForcedGitLabServerError,
} from './double';
export type { GitLabDoubleProject, Visibility } from './shapes';
