/** `npm run i18n-extract`: writes src/locales/en-US/linescope-app.json from the sources (see i18n.ts). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractMessages, toLocaleJson, type Messages } from './i18n';
import { sourceFiles } from './sourceFiles';

export const LOCALE_FILE = 'src/locales/en-US/linescope-app.json';

export function localeJsonFromSources(root: string): string {
  const messages: Messages = new Map();
  for (const file of sourceFiles(join(root, 'src')).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))) {
    extractMessages(`src/${file}`, readFileSync(join(root, 'src', file), 'utf8'), messages);
  }
  return `${JSON.stringify(toLocaleJson(messages), null, 2)}\n`;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const path = join(root, LOCALE_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, localeJsonFromSources(root));
  process.stdout.write(`${LOCALE_FILE} written\n`);
}
