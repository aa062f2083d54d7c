/** `.pyroscope.yaml`: parsing, validation and the order mappings are tried in. */
import { parseConfig } from './config';
import { bestMapping, matchingMappings } from './mappings';
import { HOST_MAPPINGS } from '../../test/resolution-hosts';

describe('.pyroscope.yaml parsing', () => {
  it('parses a go mapping to a github source', () => {
    const { config, problems } = parseConfig(
      `
source_code:
  mappings:
    - path:
        - prefix: GOROOT
      language: go
      source:
        github:
          owner: golang
          repo: go
          ref: go1.24.8
          path: src
`,
      HOST_MAPPINGS
    );
    expect(problems).toEqual([]);
    expect(config?.mappings).toEqual([
      {
        index: 0,
        pathPrefixes: ['GOROOT'],
        functionNamePrefixes: [],
        language: 'go',
        source: { host: { key: 'github', repositoryPath: 'golang/go', ref: 'go1.24.8', path: 'src' } },
      },
    ]);
  });

  const java = `
version: v1
source_code:
  mappings:
    - path: [{prefix: org/example/rideshare}]
      language: java
      source: {local: {path: src/main/java/org/example/rideshare}}
    - path: [{prefix: java}]
      language: java
      source: {github: {owner: openjdk, repo: jdk, ref: jdk-17+0, path: src/java.base/share/classes}}
    - path: [{prefix: org/springframework/http}]
      language: java
      source: {github: {owner: spring-projects, repo: spring-framework, ref: v5.3.20, path: spring-web/src/main/java}}
`;

  it('parses three java mappings and a javascript one', () => {
    expect(parseConfig(java, HOST_MAPPINGS).config?.mappings).toHaveLength(3);
    const js = parseConfig(
      'source_code:\n  mappings:\n    - path: [{prefix: /usr/src/app}]\n      language: javascript\n      source: {local: {path: src/paymentservice}}\n',
      HOST_MAPPINGS
    );
    expect(js.problems).toEqual([]);
    expect(js.config?.mappings[0].source).toEqual({ local: { path: 'src/paymentservice' } });
  });

  it.each([
    [
      'no language',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      source: {local: {path: x}}\n',
      'language',
    ],
    [
      'no source',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n',
      'no source type supplied',
    ],
    [
      'no match',
      'source_code:\n  mappings:\n    - language: java\n      source: {local: {path: x}}\n',
      'at least one path or a function_name match is required',
    ],
    [
      'rust',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: rust\n      source: {local: {path: x}}\n',
      'unsupported',
    ],
    [
      'both sources',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n      source: {local: {path: x}, github: {owner: o, repo: r}}\n',
      'more than one source type supplied',
    ],
    [
      'duplicate key',
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: go\n      source:\n        github: {owner: o, repo: r}\n        github: {owner: p, repo: q}\n',
      'failed to parse',
    ],
    ['version v1alpha1', 'version: v1alpha1\n', "invalid version 'v1alpha1'"],
    ['version 1', 'version: 1\n', "invalid version '1'"],
    ['malformed YAML', 'source_code: [unclosed\n', 'failed to parse pyroscope config'],
  ])('reports %s', (_name, yaml, expected) => {
    const result = parseConfig(yaml, HOST_MAPPINGS);
    expect(result.problems.join('\n')).toContain(expected);
    expect(result.config?.mappings ?? []).toEqual([]);
  });

  it('an empty document is a valid config with no mappings', () => {
    expect(parseConfig('', HOST_MAPPINGS)).toEqual({ config: { version: 'v1', mappings: [] }, problems: [] });
  });

  it('keeps the valid mappings when one is invalid, and says which one is wrong', () => {
    const result = parseConfig(
      'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: cobol\n      source: {local: {path: x}}\n    - path: [{prefix: b}]\n      language: go\n      source: {local: {path: y}}\n',
      HOST_MAPPINGS
    );
    expect(result.problems).toEqual([expect.stringContaining("mapping[0]: language 'cobol' unsupported")]);
    expect(result.config?.mappings.map((m) => m.index)).toEqual([1]);
  });

  it.each([
    ['org/example/rideshare', 'org/example/rideshare'],
    ['org/example/rideshare/App.java', 'org/example/rideshare'],
    ['java', 'java'],
    ['java/util/ArrayList.java', 'java'],
    ['org/springframework/http', 'org/springframework/http'],
    ['org/springframework/http/HttpStatus.java', 'org/springframework/http'],
    ['org/springframework/http/converter/HttpMessageConverter.java', 'org/springframework/http'],
    ['com/google/common/collect/Lists.java', undefined],
    ['organization/test/File.java', undefined],
  ])('FindMapping %s → %s', (path, prefix) => {
    const match = bestMapping(parseConfig(java, HOST_MAPPINGS).config, path, '');
    expect(match?.mapping.pathPrefixes[0]).toBe(prefix);
  });

  it('returns every matching mapping, longest prefix first, ties in file order', () => {
    const { config } = parseConfig(
      `source_code:
  mappings:
    - {path: [{prefix: a}], language: go, source: {local: {path: one}}}
    - {path: [{prefix: a/b/c}], language: go, source: {local: {path: two}}}
    - {function_name: [{prefix: pkg.}], language: go, source: {local: {path: three}}}
    - {path: [{prefix: ''}], language: go, source: {local: {path: four}}}
    - {path: [{prefix: a}], language: go, source: {local: {path: five}}}
`,
      HOST_MAPPINGS
    );
    expect(matchingMappings(config, 'a/b/c/d.go', 'pkg.F').map((m) => m.mapping.index)).toEqual([1, 2, 0, 4, 3]);
  });
});
