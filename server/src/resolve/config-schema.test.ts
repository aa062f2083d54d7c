import { parseConfig, sourceKinds } from './config';
import { sourceKindsDescribed } from './config-schema';
import { HOST_MAPPINGS } from '../../test/resolution-hosts';

const document = (entries: string[]) =>
  `version: v1\nsource_code:\n  mappings:\n${entries.map((e) => e.replace(/^/gm, '    ')).join('\n')}\n`;

const described = sourceKindsDescribed(HOST_MAPPINGS);

describe('the .pyroscope.yaml reference table', () => {
  it('describes exactly the source kinds the parser accepts, each Git host of the table included', () => {
    expect(described.map((s) => s.kind).sort()).toEqual(sourceKinds(HOST_MAPPINGS).sort());
    expect(described.map((s) => s.kind)).toEqual(expect.arrayContaining(['github', 'gitlab', 'bitbucket']));
  });

  it.each(described.map((s) => [s.kind, s] as const))(
    'the %s example parses without a problem and sets every field the table names',
    (kind, described) => {
      const { config, problems } = parseConfig(document([described.example]), HOST_MAPPINGS);
      expect(problems).toEqual([]);
      const source = config!.mappings[0].source as Record<string, Record<string, string>>;
      const host = HOST_MAPPINGS.find((h) => h.key === kind);
      if (host) {
        // A host's fields become the repository's path on it; ref and path are kept as given.
        expect(source.host).toMatchObject({ key: kind, repositoryPath: expect.stringMatching(/\/./) });
        const fields = described.fields.map((f) => f.key);
        expect(fields).toEqual([...host.fields.map((f) => f.key), 'ref', 'path']);
        expect(described.example).toEqual(expect.stringContaining(`${kind}: {`));
        for (const field of fields) {
          expect(described.example).toMatch(new RegExp(`[{ ]${field}: `));
        }
      } else {
        expect(Object.keys(source)).toEqual([kind]);
        expect(Object.keys(source[kind]).sort()).toEqual(described.fields.map((f) => f.key).sort());
      }
    }
  );

  it('a source kind the table does not name is a problem, not a silent mapping', () => {
    const { config, problems } = parseConfig(
      document(['- path: [{ prefix: /app }]\n  language: go\n  source: { svn: { path: trunk } }']),
      HOST_MAPPINGS
    );
    expect(config!.mappings).toEqual([]);
    expect(problems.join(' ')).toMatch(/no source type supplied/);
  });

  it('a host the parser is not given is not a source kind', () => {
    const { problems } = parseConfig(
      document(['- path: [{ prefix: /app }]\n  language: go\n  source: { github: { owner: a, repo: b } }']),
      []
    );
    expect(problems.join(' ')).toMatch(/no source type supplied/);
  });
});
