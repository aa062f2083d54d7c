import { goJoin } from './paths';

describe('paths', () => {
  it('joins like Go', () => {
    expect(goJoin('a', '', 'b/')).toBe('a/b');
    expect(goJoin('', '')).toBe('');
    expect(goJoin('a/./b', '../c')).toBe('a/c');
    expect(goJoin('/a//b')).toBe('/a/b');
  });
});
