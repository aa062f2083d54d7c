import { parseConfig, SOURCE_KINDS } from './config';
import { SOURCE_KINDS_DESCRIBED } from './config-schema';

const document = (entries: string[]) =>
  `version: v1\nsource_code:\n  mappings:\n${entries.map((e) => e.replace(/^/gm, '    ')).join('\n')}\n`;

describe('the .pyroscope.yaml reference table', () => {
  it('describes exactly the source kinds the parser accepts', () => {
    expect(SOURCE_KINDS_DESCRIBED.map((s) => s.kind).sort()).toEqual([...SOURCE_KINDS].sort());
  });

  it.each(SOURCE_KINDS_DESCRIBED.map((s) => [s.kind, s] as const))(
    'the %s example parses without a problem and sets every field the table names',
    (kind, described) => {
      const { config, problems } = parseConfig(document([described.example]));
      expect(problems).toEqual([]);
      const source = config!.mappings[0].source as Record<string, Record<string, string>>;
      expect(Object.keys(source)).toEqual([kind]);
      expect(Object.keys(source[kind]).sort()).toEqual(described.fields.map((f) => f.key).sort());
    }
  );

  it('a source kind the table does not name is a problem, not a silent mapping', () => {
    const { config, problems } = parseConfig(
      document(['- path: [{ prefix: /app }]\n  language: go\n  source: { svn: { path: trunk } }'])
    );
    expect(config!.mappings).toEqual([]);
    expect(problems.join(' ')).toMatch(/no source type supplied/);
  });
});
