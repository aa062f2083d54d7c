/**
 * The git repositories every host double serves, host-neutral: fixture repositories with deterministic commits
 * (fixtures.ts), the toolchains' standard-library stand-ins (stdlib.ts), the read-only git CLI readers (git.ts),
 * the store a double reads through, from git or generated in memory (store.ts, memory-store.ts), and blame and
 * compare history (history.ts). Each double shapes these into its own host's API; no double imports another.
 */
export { createFixtureRepo, type FixtureCommit, type FixtureRepo } from './fixtures';
export {
  commitInfo,
  currentBranch,
  git,
  listTree,
  objectAt,
  readBlob,
  recentCommits,
  resolveCommit,
  type CommitInfo,
  type TreeEntry,
} from './git';
export { blameRuns, changedFiles, commitsBetween, type BlameRun, type ChangedFile } from './history';
export { generatedStore, type GeneratedRepo } from './memory-store';
export { createStdlibStandIns, SAMPLE_TOOLCHAINS, type LocalToolchains, type StandIn } from './stdlib';
export { gitStore, type RepoStore } from './store';
