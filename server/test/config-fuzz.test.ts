/** `.pyroscope.yaml` under hostile documents: random, mutated, alias bombs, deep nesting, huge. */
import fc from 'fast-check';
import { stringify } from 'yaml';

import { HOST_MAPPINGS } from '../src/hosts/table';
import { parseConfig } from '../src/resolve/config';
import { parseConfigCached } from '../src/resolve/config-cache';
import { MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH } from '../src/resolve/config-limits';
import { matchingMappings } from '../src/resolve/mappings';
import { fuzzParameters, fuzzTestTimeout, runtimeErrorMessage } from '../../src/test-support/fuzz';

/** Parses as the resolver does; checks the answer is a config and/or readable problems, never a throw. */
function parse(text: string) {
  const result = parseConfig(text, HOST_MAPPINGS);
  expect(result.config !== undefined || result.problems.length > 0).toBe(true);
  for (const problem of result.problems) {
    expect(problem).toMatch(/^(failed to parse|invalid) pyroscope config: ./);
    expect(problem).not.toMatch(runtimeErrorMessage);
    expect(problem.length).toBeLessThanOrEqual(2_000);
  }
  for (const mapping of result.config && result.config.mappings.length <= 20 ? result.config.mappings : []) {
    expect(mapping.pathPrefixes.length + mapping.functionNamePrefixes.length).toBeGreaterThan(0);
    // A valid mapping matches its own prefixes.
    const match = matchingMappings(result.config, mapping.pathPrefixes[0] ?? '', mapping.functionNamePrefixes[0] ?? '');
    expect(match.map((m) => m.mapping)).toContain(mapping);
  }
  return result;
}

const scalarValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('v1', 'v2', 'go', 'java', 'python', 'javascript', 'rust', '', '..', '../etc', '/'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null)
);

/** Documents shaped like a config, each part possibly of the wrong type. */
const configLike = fc.record(
  {
    version: scalarValue,
    source_code: fc.oneof(
      scalarValue,
      fc.record(
        {
          mappings: fc.oneof(
            scalarValue,
            fc.array(
              fc.oneof(
                scalarValue,
                fc.record(
                  {
                    path: fc.oneof(scalarValue, fc.array(fc.oneof(scalarValue, fc.record({ prefix: scalarValue })))),
                    function_name: fc.oneof(scalarValue, fc.array(fc.record({ prefix: scalarValue }))),
                    language: scalarValue,
                    source: fc.oneof(
                      scalarValue,
                      fc.record(
                        {
                          local: fc.oneof(scalarValue, fc.record({ path: scalarValue })),
                          github: fc.oneof(
                            scalarValue,
                            fc.record(
                              { owner: scalarValue, repo: scalarValue, ref: scalarValue, path: scalarValue },
                              { requiredKeys: [] }
                            )
                          ),
                        },
                        { requiredKeys: [] }
                      )
                    ),
                  },
                  { requiredKeys: [] }
                )
              ),
              { maxLength: 5 }
            )
          ),
        },
        { requiredKeys: [] }
      )
    ),
  },
  { requiredKeys: [] }
);

/** YAML's own syntax characters, so that cut and spliced documents hit the parser's error paths. */
const yamlNoise = fc.constantFrom(
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!tag ',
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  '? ',
  '|',
  '>-',
  '"',
  "'",
  '#',
  '\t',
  '\n',
  '  ',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\u0000',
  '\uFEFF'
);

function mutate(text: string, edits: Array<[number, number, string]>): string {
  let out = text;
  for (const [at, cut, insert] of edits) {
    const position = at % (out.length + 1);
    out = out.slice(0, position) + insert + out.slice(position + cut);
  }
  return out;
}

describe('.pyroscope.yaml under hostile documents', () => {
  it(
    'answers documents shaped like a config, with wrong types anywhere, with a config and readable problems',
    () => {
      fc.assert(
        fc.property(configLike, (doc) => {
          parse(stringify(doc));
        }),
        fuzzParameters(500)
      );
    },
    fuzzTestTimeout
  );

  it(
    'answers mutated documents (YAML syntax cut, spliced and repeated in) with a config or a parse problem',
    () => {
      let parseProblems = 0;
      fc.assert(
        fc.property(
          configLike,
          fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.oneof(yamlNoise, fc.string({ maxLength: 4 }))), {
            minLength: 1,
            maxLength: 8,
          }),
          (doc, edits) => {
            const result = parse(mutate(stringify(doc), edits));
            parseProblems += result.config ? 0 : 1;
          }
        ),
        fuzzParameters(1000)
      );
      expect(parseProblems).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );

  it(
    'answers random text with a config or a problem',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          parse(text);
        }),
        fuzzParameters(1000)
      );
    },
    fuzzTestTimeout
  );

  it('refuses an alias bomb (a billion laughs) with a problem instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `version: v1\n${levels.join('\n')}\nsource_code:\n  mappings: *j\n`;
    const result = parse(bomb);
    expect(result.config).toBeUndefined();
    expect(result.problems).toEqual([expect.stringMatching(/^failed to parse pyroscope config: .*alias/i)]);
  });

  it('reads aliases that refer to themselves (cycles) as values, without looping', () => {
    expect(parse('version: &v [*v]\n').problems).toEqual([
      `invalid pyroscope config: invalid version '["(alias of itself)"]', supported versions are 'v1'`,
    ]);
    const selfLanguage = parse(
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: &l [*l]\n      source: {local: {path: x}}\n'
    );
    expect(selfLanguage.problems).toEqual([
      expect.stringContaining(`mapping[0]: language '["(alias of itself)"]' unsupported`),
    ]);
    const selfSource = parse(
      'source_code:\n  mappings:\n    - &m {path: [{prefix: x}], language: go, source: {local: *m}}\n'
    );
    expect(selfSource.config?.mappings).toHaveLength(1);
  });

  it('refuses nesting deeper than the limit, flow or block, before the parser runs', () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const deep = 'failed to parse pyroscope config: the document is nested more than 64 levels deep';
    for (const text of [
      `version: v1\nsource_code: ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
      `version: v1\nsource_code: ${'['.repeat(20_000)}\n`,
      `version: v1\nsource_code: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      `source_code:\n  ${'- '.repeat(10_000)}x\n`,
      block(MAX_CONFIG_DEPTH + 1),
      `${block(40)}\n${' '.repeat(40)}- ${'['.repeat(30)}`,
    ]) {
      expect(parse(text)).toEqual({ problems: [deep] });
    }
    // Brackets in quotes and comments are text, not nesting.
    expect(parse(`version: v1 # ${'['.repeat(1000)}\nx: "${'['.repeat(1000)}"\n`).problems).toEqual([]);
    expect(parse(block(MAX_CONFIG_DEPTH - 2)).problems).toEqual([]);
    expect(parse(`x: ${'['.repeat(MAX_CONFIG_DEPTH - 2)}${']'.repeat(MAX_CONFIG_DEPTH - 2)}\n`).problems).toEqual([]);
  });

  it('refuses a file over the size limit and a key or value over the length limit', () => {
    expect(parse(`version: v1\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`).problems).toEqual([
      `failed to parse pyroscope config: the file is ${MAX_CONFIG_BYTES + 15} bytes, more than the 262144 bytes a config may have`,
    ]);
    expect(parse(`${'k'.repeat(5000)}: v1\n`).problems).toEqual([
      'failed to parse pyroscope config: a key or value is 5000 characters long, more than 4096',
    ]);
    expect(parse(`version: "${'v'.repeat(5000)}"\n`).problems).toEqual([
      'failed to parse pyroscope config: a key or value is 5002 characters long, more than 4096',
    ]);
  });

  it('uses the first 1000 mappings of a longer list, keeping the valid ones and one problem per invalid one', () => {
    const mappings = Array.from({ length: 1_500 }, (_, i) =>
      i % 10 === 9
        ? { path: [{ prefix: `p${i}/` }], language: 'cobol', source: { local: { path: 'x' } } }
        : { path: [{ prefix: `p${i}/` }], language: 'go', source: { local: { path: `s/${i}` } } }
    );
    const text = stringify({ version: 'v1', source_code: { mappings } }, { collectionStyle: 'flow' });
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_CONFIG_BYTES);
    const result = parse(text);
    expect(result.config?.mappings).toHaveLength(900);
    expect(result.problems[0]).toBe('invalid pyroscope config: 1500 mappings, only the first 1000 are used');
    expect(result.problems).toHaveLength(101);
    expect(matchingMappings(result.config, 'p424/main.go', '').map((m) => m.mapping.index)).toEqual([424]);
    expect(matchingMappings(result.config, 'p1200/main.go', '')).toEqual([]);
  });

  it('parses a config once: the same text gives the same parsed value, another text its own', () => {
    const text = `version: v1\nsource_code:\n  mappings:\n    - {path: [{prefix: a/}], language: go, source: {local: {path: x}}}\n`;
    const first = parseConfigCached(Buffer.from(text), HOST_MAPPINGS);
    expect(first.config?.mappings).toHaveLength(1);
    expect(parseConfigCached(Buffer.from(text), HOST_MAPPINGS)).toBe(first);
    const other = parseConfigCached(Buffer.from(text.replace('a/', 'b/')), HOST_MAPPINGS);
    expect(other).not.toBe(first);
    expect(other.config?.mappings[0].pathPrefixes).toEqual(['b/']);
  });
});
