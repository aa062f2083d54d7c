export {
  startGithubDouble,
  type GithubDouble,
  type GithubDoubleOptions,
  type DoubleRepo,
  type ForcedRateLimit,
  type ForcedServerError,
  type RequestRecord,
} from './double';
export { createFixtureRepo, type FixtureCommit, type FixtureRepo } from './fixtures';
export { generatedStore, type GeneratedRepo } from './memory-store';
export { sourceServerEnv } from './server-env';
export { gitStore, type RepoStore } from './store';
export {
  createGoStdlibRepo,
  createCPythonRepo,
  createStdlibStandIns,
  SAMPLE_TOOLCHAINS,
  type LocalToolchains,
  type StandIn,
} from './stdlib';
