import { matches, parseSelector, SelectorError } from './label-selector';

describe('label selectors', () => {
  it('parses the four operators, quotes and escapes', () => {
    expect(parseSelector('{a="x", b!=\'y\', c=~"p|q", d!~`r.*`, e="say \\"hi\\""}')).toEqual([
      { name: 'a', op: '=', value: 'x' },
      { name: 'b', op: '!=', value: 'y' },
      { name: 'c', op: '=~', value: 'p|q' },
      { name: 'd', op: '!~', value: 'r.*' },
      { name: 'e', op: '=', value: 'say "hi"' },
    ]);
    expect(parseSelector('{}')).toEqual([]);
    expect(parseSelector('process_cpu{a="b"}')[0]).toEqual({ name: '__name__', op: '=', value: 'process_cpu' });
  });

  it('rejects broken selectors, including the empty string', () => {
    for (const bad of ['', '{', '{a}', '{a="x"', '{a=~"("}', '{a="x"} junk', '{1a="x"}']) {
      expect(() => parseSelector(bad)).toThrow(SelectorError);
    }
  });

  it('matches anchored regexes and treats missing labels as empty', () => {
    const labels = { service_name: 'shop-go', env: 'prod' };
    expect(matches(labels, parseSelector('{service_name=~"shop-.*"}'))).toBe(true);
    expect(matches(labels, parseSelector('{service_name=~"shop"}'))).toBe(false);
    expect(matches(labels, parseSelector('{missing=""}'))).toBe(true);
    expect(matches(labels, parseSelector('{env!="prod"}'))).toBe(false);
  });
});
