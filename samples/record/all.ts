/**
 * `npm run samples:record [-- go python java node ruby]`: re-records the sample profiles (every language by
 * default). `go:v3` or `python:v1,v2` records only those versions of that language's service, so adding a version
 * leaves the other profiles, and the tests pinned to their numbers, as they are.
 * Each language needs its toolchain; see samples/README.md.
 */
import { mkdirSync } from 'node:fs';

import { log, PROFILES_DIR } from './common';
import { recordGo } from './go';
import { recordJava } from './java';
import { recordNode } from './node';
import { recordPython } from './python';
import { recordRuby } from './ruby';

const RECORDERS: Record<string, (labels: string[]) => Promise<void>> = {
  go: recordGo,
  python: recordPython,
  java: recordJava,
  node: recordNode,
  ruby: recordRuby,
};

async function main(): Promise<void> {
  const asked = (process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RECORDERS)).map((arg) => {
    const [language, labels = ''] = arg.split(':');
    return { language, labels: labels.split(',').filter(Boolean) };
  });
  const unknown = asked.filter((a) => !(a.language in RECORDERS)).map((a) => a.language);
  if (unknown.length > 0) {
    throw new Error(`unknown language(s) ${unknown.join(', ')}; choose from ${Object.keys(RECORDERS).join(', ')}`);
  }
  mkdirSync(PROFILES_DIR, { recursive: true });
  for (const { language, labels } of asked) {
    log(`recording ${language}${labels.length > 0 ? ` ${labels.join(', ')}` : ''}`);
    await RECORDERS[language](labels);
  }
  log('done; run `npx jest samples` to check the new profiles');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
