// Starts the whole stack once (GitHub double, querier double, source server, host) on free ports; the URL reaches
// the workers through the environment. Its log goes to e2e/artifacts/stack.log. The config's `metadata.grafana`
// names the host's Grafana/React combination (e2e/host/grafana-combinations.ts).
import type { FullConfig } from '@playwright/test';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_GRAFANA_LINE, grafanaCombination } from '../../host/grafana-combinations';
import { SOURCE_SERVER_MAIN, startStack } from '../../stack';

const E2E = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(E2E, 'artifacts');
export const E2E_TOKEN_ROTATION_INTERVAL_MS = 8000;

export default async function globalSetup(config: FullConfig) {
  const grafana = config.metadata.grafana as string | undefined;
  const combination = grafanaCombination(grafana);
  for (const [file, build] of [
    [path.join(E2E, '../dist/module.js'), 'npm run build'],
    [SOURCE_SERVER_MAIN, 'npm run build -w server'],
    [path.join(combination.shellDist, 'shell.js'), `npx tsx e2e/host/build-shell.ts --grafana ${combination.line}`],
  ]) {
    if (!existsSync(file)) {
      throw new Error(
        `${path.relative(process.cwd(), file)} is missing: run \`${build}\` (or \`npm run e2e\`, which builds everything)`
      );
    }
  }
  // A fresh data dir per run (settings file, sample git repositories), so that runs never share state.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linescope-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, 'stack.log');
  appendFileSync(
    logFile,
    `--- e2e run ${new Date().toISOString()} (pid ${process.pid}, data ${dataDir}, Grafana ${combination.line})\n`
  );
  // Grafana's session needs rotating every few seconds, so that every spec runs through rotations.
  const stack = await startStack({
    port: 0,
    dataDir,
    tokenRotationIntervalMs: E2E_TOKEN_ROTATION_INTERVAL_MS,
    grafana,
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });
  process.env.LINESCOPE_E2E_URL = stack.url;
  if (combination.line !== DEFAULT_GRAFANA_LINE) {
    process.env.LINESCOPE_E2E_SCREENSHOTS = path.join(ARTIFACTS, `screenshots-grafana-${combination.line}`);
  }
  process.env.LINESCOPE_E2E_PYROSCOPE_URL = stack.pyroscopeUrl;
  process.env.LINESCOPE_E2E_GITHUB_URL = stack.githubUrl;
  process.env.LINESCOPE_E2E_GITLAB_URL = stack.gitlabUrl;
  process.env.LINESCOPE_E2E_BITBUCKET_URL = stack.bitbucketUrl;
  process.env.LINESCOPE_E2E_AZURE_DEVOPS_URL = stack.azureDevopsUrl;
  return async () => {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
