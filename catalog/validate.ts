/**
 * `npm run validate`: packages dist/ as the catalog expects (artifacts/<id>-<version>.zip, everything under
 * <id>/) and checks what Grafana's plugin validator checks, as far as it runs here: src/plugin.json and the built
 * one against the validator's schema, its code rules over the sources, and the archive. Prints the analyzers that
 * cannot run offline. Exits 1 when an error is found; warnings are printed and do not fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipEntries } from './archive';
import { writePluginArchive } from './release';
import { checkArchive, type Problem } from './checks';
import { checkSource } from './codeRules';
import { NOT_RUN_OFFLINE } from './offline';
import { checkAgainstSchema } from './schema';
import { sourceFiles } from './sourceFiles';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const pluginId = (JSON.parse(readFileSync(join(root, 'src/plugin.json'), 'utf8')) as { id: string }).id;

if (!existsSync(join(dist, 'plugin.json'))) {
  process.stderr.write('validate: dist/plugin.json is missing; run `npm run build` first\n');
  process.exit(1);
}
const { zipPath: archivePath } = writePluginArchive(dist, pluginId, join(root, 'artifacts'));
const zip = readFileSync(archivePath);

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const codeProblems: Problem[] = sourceFiles(root).flatMap((file) =>
  checkSource(file, readFileSync(join(root, file), 'utf8')).map((f) => ({
    level: f.level,
    message: `${f.file}:${f.line} ${f.rule}: ${f.message}`,
  }))
);
const problems: Problem[] = [
  ...checkAgainstSchema(readJson('src/plugin.json'), 'src/plugin.json'),
  ...checkAgainstSchema(readJson('dist/plugin.json'), 'dist/plugin.json'),
  ...codeProblems,
  // Checked as written, read back from the zip: what is tested is what would be uploaded.
  ...checkArchive(unzipEntries(zip), pluginId),
];
for (const problem of problems) {
  process.stdout.write(`${problem.level === 'error' ? 'ERROR  ' : 'warning'} ${problem.message}\n`);
}
process.stdout.write('not run here (they need the network, a key or a tool):\n');
for (const [analyzer, why] of NOT_RUN_OFFLINE) {
  process.stdout.write(`  - ${analyzer}: ${why}\n`);
}
const errors = problems.filter((p) => p.level === 'error').length;
process.stdout.write(
  `${archivePath.slice(root.length + 1)} (${Math.round(zip.length / 1024)} KiB): ${errors === 0 ? 'ok' : `${errors} error(s)`}\n`
);
process.exit(errors === 0 ? 0 : 1);
