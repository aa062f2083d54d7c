// Starts the whole stack once (GitHub double, querier double, source server, host) on free ports; the URL reaches
// the workers through the environment. Its log goes to e2e/artifacts/stack.log.
import { existsSync, mkdirSync, rmSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_SERVER_MAIN, startStack } from '../../stack';

const E2E = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(E2E, 'artifacts');

export default async function globalSetup() {
  for (const [file, build] of [
    [path.join(E2E, '../dist/module.js'), 'npm run build'],
    [SOURCE_SERVER_MAIN, 'npm run build -w server'],
    [path.join(E2E, 'host/dist/shell.js'), 'npx tsx e2e/host/build-shell.ts'],
  ]) {
    if (!existsSync(file)) {
      throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`${build}\` (or \`npm run e2e\`, which builds everything)`);
    }
  }
  const dataDir = path.join(ARTIFACTS, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, 'stack.log');
  rmSync(logFile, { force: true });
  const stack = await startStack({ port: 0, dataDir, log: (line) => appendFileSync(logFile, `${line}\n`) });
  process.env.LINESCOPE_E2E_URL = stack.url;
  process.env.LINESCOPE_E2E_GITHUB_URL = stack.githubUrl;
  return async () => {
    await stack.close();
  };
}
