/** `.pyroscope.yaml` under hostile documents: random, mutated, alias bombs, deep nesting, huge. */
import fc from 'fast-check';
import { stringify } from 'yaml';

import { matchingMappings, parseConfig } from '../src/resolve/config';
import { fuzzParameters, fuzzTestTimeout, runtimeErrorMessage } from '../../src/test-support/fuzz';

/** Parses as the resolver does; checks the answer is a config and/or readable problems, never a throw. */
function parse(text: string) {
  const result = parseConfig(text);
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

  it('refuses nesting 100,000 levels deep with a problem', () => {
    for (const text of [
      `version: v1\nsource_code: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      `version: v1\nsource_code: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`,
      `source_code:\n  ${'- '.repeat(100_000)}x\n`,
    ]) {
      expect(parse(text)).toEqual({
        problems: ['failed to parse pyroscope config: the document is nested too deeply'],
      });
    }
  });

  it('reads 10,000 mappings, keeping the valid ones and one problem per invalid one', () => {
    const mappings = Array.from({ length: 10_000 }, (_, i) =>
      i % 10 === 9
        ? { path: [{ prefix: `pkg${i}/` }], language: 'cobol', source: { local: { path: 'x' } } }
        : { path: [{ prefix: `pkg${i}/` }], language: 'go', source: { local: { path: `src/${i}` } } }
    );
    const result = parse(stringify({ version: 'v1', source_code: { mappings } }));
    expect(result.config?.mappings).toHaveLength(9_000);
    expect(result.problems).toHaveLength(1_000);
    expect(matchingMappings(result.config, 'pkg4242/main.go', '').map((m) => m.mapping.index)).toEqual([4242]);
  });
});
