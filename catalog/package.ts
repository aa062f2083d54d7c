/**
 * `npm run package` (after `npm run build`): the archive the release publishes, as the catalog takes it.
 * Writes artifacts/<id>-<version>.zip (one <id>/ folder holding dist/) and its .sha1 and .sha256 beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writePluginArchive } from './release';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'plugin.json'))) {
  process.stderr.write('package: dist/plugin.json is missing; run `npm run build` first\n');
  process.exit(1);
}
const pluginId = (JSON.parse(readFileSync(join(root, 'src/plugin.json'), 'utf8')) as { id: string }).id;
const written = writePluginArchive(dist, pluginId, join(root, 'artifacts'));
process.stdout.write(`${relative(root, written.zipPath)}\nsha1   ${written.sha1}\nsha256 ${written.sha256}\n`);
