/**
 * The GitHub double the source-server benchmark and its Pyroscope recording run against: the sample repositories
 * plus stand-ins for golang/go, python/cpython and openjdk/jdk17u holding the standard-library files the frames name.
 */
import path from 'node:path';
import { createFixtureRepo, createStdlibStandIns, SAMPLE_TOOLCHAINS } from '../../e2e/git-fixtures';
import { GitHubDouble, startGitHubDouble } from '../../e2e/github-double';
import { createSampleRepos } from '../../samples/repos';
import type { SampleFrame } from '../../samples/frames';

export async function startBenchDouble(work: string, frames: SampleFrame[]): Promise<GitHubDouble> {
  const repos = await createSampleRepos(path.join(work, 'repos'));
  const [go, cpython] = createStdlibStandIns(
    work,
    frames.map((f) => f.localPath),
    { go: SAMPLE_TOOLCHAINS.go, python: SAMPLE_TOOLCHAINS.python }
  ).map((standIn) => standIn.repo!);
  const jdkFiles: Record<string, string> = {};
  for (const f of frames.filter((x) => /^(java|jdk|sun)\//.test(x.localPath))) {
    jdkFiles[`src/java.base/share/classes/${f.localPath}`] = `// ${f.localPath}\n`;
  }
  const jdk = createFixtureRepo(work, 'openjdk/jdk17u', [{ files: jdkFiles, tags: ['jdk-17.0.15+6'] }]);
  return startGitHubDouble({
    repos: [
      ...repos.map((r) => ({ fullName: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })),
      { fullName: 'golang/go', dir: go.dir, defaultBranch: 'master' },
      { fullName: 'python/cpython', dir: cpython.dir, defaultBranch: 'main' },
      { fullName: 'openjdk/jdk17u', dir: jdk.dir },
    ],
  });
}
