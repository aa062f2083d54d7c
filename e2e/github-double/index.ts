export {
  startGithubDouble,
  type GithubDouble,
  type GithubDoubleOptions,
  type DoubleRepo,
  type ForcedRateLimit,
  type ForcedServerError,
  type RequestRecord,
} from './double';
export { sourceServerEnv } from './server-env';
