// Refreshes the screenshots the README and docs/ show from the last end-to-end run (`npm run e2e` writes them to
// e2e/artifacts/screenshots/). The specs never write into docs/ themselves, so a test run leaves the tree clean.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const artifacts = path.join(root, 'e2e/artifacts/screenshots');
const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.md'))
    .map((p) => path.join('docs', p)),
];
const text = pages.map((p) => readFileSync(path.join(root, p), 'utf8')).join('\n');
const names = [...new Set([...text.matchAll(/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]))];

const missing = names.filter((name) => !existsSync(path.join(artifacts, name)));
if (missing.length > 0) {
  console.error(
    `Not in ${path.relative(root, artifacts)} (run npm run e2e first, or fix the docs): ${missing.join(', ')}`
  );
  process.exit(1);
}
for (const name of names) {
  copyFileSync(path.join(artifacts, name), path.join(root, 'docs/screenshots', name));
}
console.log(`Copied ${names.length} screenshots to docs/screenshots/`);
