/** The language table: each entry complete, and the resolver naming none of them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRepositoryUrl } from '../../hosts/repository';
import { MapReader } from '../../../test/map-reader';
import { parseConfig } from '../config';
import { configFields } from '../config-schema';
import { Resolution } from '../resolution';
import { languageOfFrame, languageOfPath } from '../resolver';
import { LANGUAGE_RULES, LANGUAGES, rulesNamed } from '.';
import { HOST_MAPPINGS, resolutionHostsFor } from '../../../test/resolution-hosts';

const GITHUB = 'https://github.com';
const repository = parseRepositoryUrl('https://github.com/acme/shop', { kind: 'github', webUrl: GITHUB, aliases: [] });
const frameAt = (framePath: string) => ({ repository, ref: 'main', path: framePath, rootPath: '', functionName: 'f' });

/** Every entry with a readable label for test names. */
const entries = LANGUAGE_RULES.map((rules) => [rules.names.join('/'), rules] as const);

describe('the language table', () => {
  it.each(entries)('%s has names, detection, rules and reasons', (_label, rules) => {
    expect(rules.names.length).toBeGreaterThan(0);
    rules.names.forEach((name) => expect(name).toMatch(/^[a-z][a-z0-9+#-]*$/));
    expect(typeof rules.ownsPath).toBe('function');
    expect(typeof rules.find).toBe('function');
    expect(typeof rules.notFoundReason).toBe('function');
    expect(rules.examplePaths.length).toBeGreaterThan(0);
  });

  it('gives each name to one language only', () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    expect(LANGUAGES).toEqual(LANGUAGE_RULES.flatMap((rules) => rules.names));
  });

  it.each(entries)('%s: its example frames are its own (no entry above it takes them)', (_label, rules) => {
    for (const example of rules.examplePaths) {
      expect([example, languageOfPath(example)]).toEqual([example, rules.names[0]]);
      expect(rulesNamed(languageOfPath(example))).toBe(rules);
    }
  });

  it.each(entries)('%s gives a reason when nothing is found, mapped or not', (_label, rules) => {
    for (const example of rules.examplePaths) {
      const r = new Resolution(new MapReader({}), frameAt(example), GITHUB, resolutionHostsFor());
      for (const mapped of [false, true]) {
        const reason = rules.notFoundReason(r, { config: undefined, mapped, runtimeVersion: '' });
        expect(reason.trim().length).toBeGreaterThan(5);
      }
    }
  });

  it('a path no language owns gets none, and neither does a function name alone with a path', () => {
    expect(languageOfPath('/app/README')).toBe('');
    expect(languageOfPath('/app/logo.svg')).toBe('');
    expect(languageOfFrame('/app/logo.svg', 'com/acme/Foo.bar')).toBe('');
  });

  it('.pyroscope.yaml accepts every name of the table, lists them all when refusing another, and documents them', () => {
    const mapping = (language: string) =>
      `source_code:\n  mappings:\n    - path: [{ prefix: /app }]\n      language: ${language}\n      source: { local: { path: "" } }\n`;
    for (const name of LANGUAGES) {
      expect(parseConfig(mapping(name), HOST_MAPPINGS)).toMatchObject({
        problems: [],
        config: { mappings: [{ language: name }] },
      });
    }
    expect(parseConfig(mapping('cobol'), HOST_MAPPINGS).problems).toEqual([
      `invalid pyroscope config: mapping[0]: language 'cobol' unsupported, valid languages are [${LANGUAGES.join(' ')}] (line 3)`,
    ]);
    const documented = configFields(HOST_MAPPINGS).find((field) => field.key.endsWith('.language'))!.type;
    LANGUAGES.forEach((name) => expect(documented).toContain(`\`${name}\``));
  });
});

/**
 * The words of a TypeScript source outside its comments, identifiers split at their humps (`findGoFile` → find,
 * go, file), lower-cased: what the resolver could name a language with.
 */
function codeWords(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

describe('resolver.ts names no language', () => {
  const languageWords = new Set([...LANGUAGES, 'node', 'golang', 'cpython', 'gem', 'js', 'ts', 'py', 'rb']);
  const spoken = (source: string) => codeWords(source).filter((word) => languageWords.has(word));

  it('has no language in its code (strings, imports, names)', () => {
    const source = readFileSync(path.join(__dirname, '..', 'resolver.ts'), 'utf8');
    expect(spoken(source)).toEqual([]);
  });

  it('would see one: a literal, an import, a name', () => {
    expect(spoken("if (language === 'java') {")).toEqual(['java']);
    expect(spoken("import { findRubyFile } from './languages/ruby';")).toEqual(['ruby', 'ruby']);
    expect(spoken('const ext = `.go`; // Go files')).toEqual(['go']);
    expect(spoken('/** Python too */ const x = 1;')).toEqual([]);
  });
});
