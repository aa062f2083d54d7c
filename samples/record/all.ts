/**
 * `npm run samples:record [-- go python java node ruby]`: re-records the sample profiles (every language by
 * default).
 * Each language needs its toolchain; see samples/README.md.
 */
import { mkdirSync } from 'node:fs';

import { log, PROFILES_DIR } from './common';
import { recordGo } from './go';
import { recordJava } from './java';
import { recordNode } from './node';
import { recordPython } from './python';
import { recordRuby } from './ruby';

const RECORDERS: Record<string, () => Promise<void>> = {
  go: recordGo,
  python: recordPython,
  java: recordJava,
  node: recordNode,
  ruby: recordRuby,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in RECORDERS));
  if (unknown.length > 0) {
    throw new Error(`unknown language(s) ${unknown.join(', ')}; choose from ${Object.keys(RECORDERS).join(', ')}`);
  }
  mkdirSync(PROFILES_DIR, { recursive: true });
  for (const language of asked.length > 0 ? asked : Object.keys(RECORDERS)) {
    log(`recording ${language}`);
    await RECORDERS[language]();
  }
  log('done; run `npx jest samples` to check the new profiles');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
