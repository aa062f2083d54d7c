import { whyNoSourceFile } from './noSource';
import { noSourceDetail, noSourceSentence, noSourceTitle } from './noSourceText';

const title = (name: string, file: string) => {
  const reason = whyNoSourceFile(name, file);
  return reason && noSourceTitle(reason);
};
const detail = (name: string, file: string) => noSourceDetail(whyNoSourceFile(name, file)!);

describe('whyNoSourceFile', () => {
  it.each([
    ['Garbage Collection', '', 'Garbage collection'],
    ['(garbage collector)', '', 'Garbage collection'],
    ['(program)', '', 'The engine’s own work'],
    ['Node.js', '', 'The engine’s own work'],
    ['RegExp: ^SKU-(\\d{4})[0-8]$', '', 'A regular expression'],
    ['(marking)', '', 'Ruby’s garbage collector'],
    ['(sweeping)', '', 'Ruby’s garbage collector'],
    ['downcase', '<cfunc>', 'A method written in C'],
    ['hexSlice', '', 'No file in the profile'],
    ['', '  ', 'No file in the profile'],
  ])('%s in %j: %s', (name, file, expected) => {
    expect(title(name, file)).toBe(expected);
  });

  it('looks up a Java frame without a file (Pyroscope’s Java agent writes none) by its class-qualified name', () => {
    expect(whyNoSourceFile('com/linescope/shop/Catalog.search', '')).toBeUndefined();
    expect(whyNoSourceFile('com/acme/Outer$Inner.lambda$run$0', '')).toBeUndefined();
    // The agent's native frames stay without source.
    expect(title('libjvm.so.PhaseIFG::SquareUp', '')).toBe('No file in the profile');
    expect(title('Catalog.search', '')).toBe('No file in the profile');
  });

  it('names the pattern of a regular expression and the C method', () => {
    expect(detail('RegExp: ^SKU-(\\d{4})[0-8]$', '')).toContain('/^SKU-(\\d{4})[0-8]$/');
    expect(detail('downcase', '<cfunc>')).toMatch(/^downcase is part of Ruby/);
  });

  it.each([
    ['search', '/opt/linescope-samples/shop-node/src/catalog.ts'],
    ['digest', 'node:internal/crypto/hash'],
    ['Integer#-@', '<internal:numeric>'],
    ['Set#include?', '/usr/lib/ruby/3.1.0/set.rb'],
  ])('leaves %s in %s to the source server', (name, file) => {
    expect(whyNoSourceFile(name, file)).toBeUndefined();
  });

  it('keeps names as they are: no HTML escaping of <, & or / in the text React renders', () => {
    expect(detail('std::vector<int>::push_back&', '')).toContain('“std::vector<int>::push_back&”');
    expect(detail('RegExp: a/b', '')).toContain('/a/b/');
  });

  it('continues the panel’s “Source not loaded:” sentence', () => {
    expect(noSourceSentence(whyNoSourceFile('Garbage Collection', '')!)).toBe(
      'garbage collection, which has no source file. Time V8 spent collecting garbage, not in any line of the service. Allocating less on the hot lines makes it shorter.'
    );
  });
});
