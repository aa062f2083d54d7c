import { parseRepositoryUrl } from '../hosts/repository';
import { relativeSuffixes } from './resolution';

describe('relative suffixes', () => {
  it('lists suffixes after a github.com/<owner>/<repo>/ prefix', () => {
    const repo = parseRepositoryUrl('https://github.com/grafana/pyroscope', {
      kind: 'github',
      webUrl: 'https://github.com',
      aliases: [],
    });
    expect(relativeSuffixes('/var/service1/src/main.go', repo)).toEqual([
      'var/service1/src/main.go',
      'service1/src/main.go',
      'src/main.go',
      'main.go',
    ]);
    expect(relativeSuffixes('/Users/p/git/github.com/grafana/pyroscope/main.go', repo)).toEqual(['main.go']);
  });
});
