// TypeScript and Ruby in the code view: highlighting and the function's own span, on the sample services' sources.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { sourceStretches } from '../../domain/stretches';
import { highlightLines, languageOf } from './highlight';
import { functionBody, functionSpan } from '../../domain/span';

const source = (file: string) => readFileSync(path.join(__dirname, '../../../samples/sources', file), 'utf8');
const kinds = (tokens: ReturnType<typeof highlightLines>[number], kind: string) =>
  tokens.filter((t) => t.kind === kind).map((t) => t.text.trim());

describe('languages', () => {
  it.each([
    ['catalog.rb', 'ruby'],
    ['Rakefile.rake', 'ruby'],
    ['shop.gemspec', 'ruby'],
    ['catalog.ts', 'typescript'],
    ['main.mts', 'typescript'],
    ['dist/catalog.js', 'javascript'],
    ['node:internal/crypto/hash', 'javascript'],
    ['node:fs', 'javascript'],
    ['<internal:numeric>', 'ruby'],
    ['<cfunc>', undefined],
    ['Makefile', undefined],
  ])('%s is %s', (file, language) => {
    expect(languageOf(file)).toBe(language);
  });

  it('highlights Ruby: keywords, comments, strings, symbols, constants', () => {
    const lines = highlightLines(source('shop-ruby/v1/lib/shop/catalog.rb'), 'ruby');
    expect(kinds(lines[36], 'keyword')).toEqual(['def']); //     def search(query, limit)
    expect(kinds(lines[35], 'comment')).toEqual([
      '# Products on the storefront whose name contains every word of the query, best matches first.',
    ]);
    expect(kinds(lines[5], 'string')).toEqual([':sku', ':name', ':category', ':price_cents', ':stock', 'keyword_init']);
    expect(kinds(lines[9], 'string')).toEqual(['%w[Oak Steel Blue Linen Walnut Brass Velvet Glass]']);
    expect(kinds(lines[55], 'keyword')).toEqual(['end']);
    expect(kinds(lines[8], 'type')).toEqual(['Catalog']);
  });

  it('highlights TypeScript’s own keywords', () => {
    const [line] = highlightLines('export interface Product { sku: string; stock: number }', 'typescript');
    expect(kinds(line, 'keyword')).toEqual(['export', 'interface']);
    expect(kinds(line, 'type')).toEqual(['Product', 'string', 'number']);
  });
});

describe('function body', () => {
  it('ends a Ruby method at its `end`', () => {
    const tokens = highlightLines(source('shop-ruby/v1/lib/shop/catalog.rb'), 'ruby');
    const costs = [40, 45, 49].map((line) => ({ line, self: 1, total: 1 }));
    expect(functionBody({ costs, startLine: 37, tokens, language: 'ruby' })).toEqual({ start: 37, end: 56 });
  });

  it('skips a TypeScript parameter’s type literal when looking for the body', () => {
    const tokens = highlightLines(
      ['function f(o: { a: number }, b: { c: string }) {', '  return o.a;', '}', 'const x = 1;'].join('\n'),
      'typescript'
    );
    expect(
      functionBody({ costs: [{ line: 2, self: 1, total: 1 }], startLine: 1, tokens, language: 'typescript' })
    ).toEqual({
      start: 1,
      end: 3,
    });
  });

  it('keeps samples of an inlined callee outside the body, for the view to show apart', () => {
    // search (lines 39-62 of shop-node's catalog.ts) with a sample on line 133, past the end: V8 gave it the line of
    // an inlined callee from another file.
    const text = source('shop-node/v1/src/catalog.ts');
    const tokens = highlightLines(text, 'typescript');
    const costs = [42, 49, 133].map((line) => ({ line, self: 1, total: 1 }));
    const body = functionBody({ costs, startLine: 39, tokens, language: 'typescript' })!;
    expect(body).toEqual({ start: 39, end: 62 });
    // The old span reaches the far sample; the body does not, and the stretches keep it.
    expect(functionSpan({ costs, startLine: 39, tokens, language: 'typescript' })!.end).toBe(133);
    expect(sourceStretches(body, [42, 49, 133], tokens.length)).toEqual([
      { start: 39, end: 62, own: true },
      { start: 133, end: 133, own: false },
    ]);
  });

  it('finds the function around the first sampled line when the profile gives no start line (@datadog/pprof)', () => {
    const tokens = highlightLines(source('shop-node/v1/src/catalog.ts'), 'typescript');
    // Samples of search on its own lines and on matchScore's (66-72), which V8 inlined into it.
    const costs = [43, 49, 50, 67, 69].map((line) => ({ line, self: 1, total: 1 }));
    expect(functionBody({ costs, tokens, language: 'typescript' })).toEqual({ start: 39, end: 62 });
    const pricing = highlightLines(source('shop-node/v1/src/pricing.ts'), 'typescript');
    expect(functionBody({ costs: [{ line: 20, self: 1, total: 1 }], tokens: pricing, language: 'typescript' })).toEqual(
      {
        start: 19,
        end: 34,
      }
    );
  });
});
