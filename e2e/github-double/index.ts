export {
  startGithubDouble,
  type GithubDouble,
  type GithubDoubleOptions,
  type DoubleRepo,
  type ForcedRateLimit,
  type RequestRecord,
} from './double';
export { createFixtureRepo, type FixtureCommit, type FixtureRepo } from './fixtures';
export { createGoStdlibRepo, createCPythonRepo } from './stdlib';
