import { readFileSync } from 'node:fs';
import path from 'node:path';

import { rubyMethodEnd } from './rubySpan';

const lines = (text: string) => text.split('\n');
const catalog = lines(
  readFileSync(path.join(__dirname, '../../samples/sources/shop-ruby/v1/lib/shop/catalog.rb'), 'utf8')
);
const pricing = lines(
  readFileSync(path.join(__dirname, '../../samples/sources/shop-ruby/v1/lib/shop/pricing.rb'), 'utf8')
);

describe('rubyMethodEnd', () => {
  it.each([
    ['Shop::Catalog#search (blocks, break, modifier if, next unless)', catalog, 37, 56],
    ['Shop::Catalog.generate (a do block)', catalog, 23, 34],
    ['Shop::Catalog#match_score (a modifier if)', catalog, 61, 65],
    ['Shop::Pricing.best_subset (return if, nested if … end)', pricing, 18, 32],
    ['Shop::Pricing.with_tax', pricing, 39, 41],
  ])('finds the end of %s', (_name, file, start, end) => {
    expect(rubyMethodEnd(file, start)).toBe(end);
  });

  it('starts from a comment line above the def', () => {
    expect(rubyMethodEnd(catalog, 36)).toBe(56);
  });

  it.each([
    ['an endless method', ['def total = items.sum', 'def other', 'end'], 1],
    ['one line', ['def a; 1; end'], 1],
    ['a while loop with do', ['def a', '  while x do', '    y', '  end', 'end'], 5],
    [
      'case/when and begin/rescue',
      ['def a', '  case x', '  when 1 then 2', '  end', '  begin', '    y', '  rescue', '  end', 'end'],
      9,
    ],
    ['x = if … end', ['def a', '  x = if b', '    1', '  end', '  x', 'end'], 6],
    [
      'end in strings, comments, symbols and calls',
      ['def a', '  s = "end"  # end', '  h = { end: 1, e: :end }', '  r.end', 'end'],
      5,
    ],
    ['=begin … =end', ['def a', '=begin', 'end', '=end', 'end'], 5],
  ])('handles %s', (_name, file, end) => {
    expect(rubyMethodEnd(file, 1)).toBe(end);
  });

  it('gives up without a def near the start, or without its end', () => {
    expect(rubyMethodEnd(['x = 1', '', '', '', '', 'def a', 'end'], 1)).toBeUndefined();
    expect(rubyMethodEnd(['def a', '  if x', '  end'], 1)).toBeUndefined();
  });
});
