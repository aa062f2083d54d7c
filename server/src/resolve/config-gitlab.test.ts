/** `.pyroscope.yaml` mappings with a GitLab source. */
import { parseConfig } from './config';
import { HOST_MAPPINGS } from '../../test/resolution-hosts';

const mapping = (source: string) =>
  `version: v1\nsource_code:\n  mappings:\n    - path: [{prefix: /opt/shared}]\n      language: go\n      source: ${source}\n`;

describe('.pyroscope.yaml gitlab sources', () => {
  it('reads project (groups may nest), ref and path', () => {
    const result = parseConfig(
      mapping('{gitlab: {project: group/subgroup/project, ref: v1.2.0, path: src}}'),
      HOST_MAPPINGS
    );
    expect(result.problems).toEqual([]);
    expect(result.config?.mappings[0].source).toEqual({
      host: { key: 'gitlab', repositoryPath: 'group/subgroup/project', ref: 'v1.2.0', path: 'src' },
    });
  });

  it('says what is wrong with a project that names no group, or climbs out', () => {
    for (const project of ['project', 'group/../x', '']) {
      expect(parseConfig(mapping(`{gitlab: {project: '${project}'}}`), HOST_MAPPINGS).problems[0]).toMatch(
        /^invalid pyroscope config: mapping\[0\]: a gitlab source needs project: <group>\/<project>/
      );
    }
  });

  it('refuses a mapping with a gitlab and another source', () => {
    expect(parseConfig(mapping('{gitlab: {project: a/b}, local: {path: x}}'), HOST_MAPPINGS).problems[0]).toContain(
      'more than one source type supplied'
    );
  });
});
