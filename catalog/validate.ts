/**
 * `npm run validate`: packages dist/ as the catalog expects (artifacts/<id>-<version>.zip, everything under
 * <id>/) and checks that archive the way Grafana's plugin validator would, as far as it can be checked here.
 * Exits 1 when an error is found; warnings are printed and do not fail.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPluginDir, unzipEntries, zipEntries } from './archive';
import { checkArchive } from './checks';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const pluginId = (JSON.parse(readFileSync(join(root, 'src/plugin.json'), 'utf8')) as { id: string }).id;

if (!existsSync(join(dist, 'plugin.json'))) {
  process.stderr.write('validate: dist/plugin.json is missing; run `npm run build` first\n');
  process.exit(1);
}
const version = (JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')) as { info?: { version?: string } }).info
  ?.version;
const zip = zipEntries(readPluginDir(dist, pluginId));
mkdirSync(join(root, 'artifacts'), { recursive: true });
const archivePath = join(root, 'artifacts', `${pluginId}-${version}.zip`);
writeFileSync(archivePath, zip);

// Checked as written, read back from the zip: what is tested is what would be uploaded.
const problems = checkArchive(unzipEntries(zip), pluginId);
for (const problem of problems) {
  process.stdout.write(`${problem.level === 'error' ? 'ERROR  ' : 'warning'} ${problem.message}\n`);
}
const errors = problems.filter((p) => p.level === 'error').length;
process.stdout.write(
  `${archivePath.slice(root.length + 1)} (${Math.round(zip.length / 1024)} KiB): ${errors === 0 ? 'ok' : `${errors} error(s)`}\n`
);
process.exit(errors === 0 ? 0 : 1);
