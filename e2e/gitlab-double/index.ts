export {
  startGitlabDouble,
  type GitlabDouble,
  type GitlabDoubleOptions,
  type GitlabRequestRecord,
  type ForcedGitlabRateLimit,
  type ForcedGitlabServerError,
} from './double';
export type { GitlabDoubleProject, Visibility } from './shapes';
