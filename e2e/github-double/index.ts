export {
  startGitHubDouble,
  type GitHubDouble,
  type GitHubDoubleOptions,
  type ForcedServerError,
  type RequestRecord,
} from './double';
export { sourceServerEnv } from './server-env';
export type { ForcedRateLimit } from './rate-limit';
export type { DoubleRepo } from './shapes';
