/**
 * Opt-in (`npm run test:registries:live`, not part of `npm test`): reads a small real package from the npm
 * registry this machine is configured for (`npm config get registry`), through the same client the server uses.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseEndpoint } from '../../src/registries/endpoint';
import { NpmRegistry } from '../../src/registries/npm/registry';
import { registryContext } from '../registries/context';

async function main(): Promise<void> {
  const registryUrl = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const context = registryContext();
  const npm = new NpmRegistry(parseEndpoint(registryUrl, 'npm'), context);
  const got = await npm.readFile({ name: 'ms', version: '2.1.3', path: 'index.js' });
  assert.equal(got.file.kind, 'file');
  assert.match(got.file.kind === 'file' ? got.file.content.toString('utf8') : '', /function parse\(str\)/);
  const missing = await npm.readFile({ name: 'ms', version: '2.1.3', path: 'no-such-file.js' });
  assert.equal(missing.file.kind, 'missing');
  assert.deepEqual(context.sent, ['npm', 'npm'], 'one document and one tarball, the second read from the cache');
  console.log(`npm registry ${new URL(registryUrl).host}: ms@2.1.3 index.js read (${got.pageUrl})`);
  console.log('1 passed, 0 failed');
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
