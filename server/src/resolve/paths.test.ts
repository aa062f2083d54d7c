import { goJoin } from './paths';

describe('paths', () => {
  it.each([
    [['a', '', 'b/'], 'a/b'],
    [['', ''], ''],
    [['a/./b', '../c'], 'a/c'],
    [['/a//b'], '/a/b'],
  ])('joins %j like Go: %s', (parts, joined) => {
    expect(goJoin(...parts)).toBe(joined);
  });
});
