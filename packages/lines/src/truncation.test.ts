import { computeFunctionDetails } from './computeFunctionDetails';
import { PprofBuilder } from '../testing/pprofBuilder';

/** A call site profile as Pyroscope answers it when it cut branches: stacks ending in its `other` stub. */
function truncatedProfile() {
  const b = new PprofBuilder();
  const m = b.mapping();
  const main = b.function('main.main', 'main.go', 1);
  const work = b.function('main.work', 'work.go', 10);
  const mainLoc = b.location(m, [[main, 5]]);
  const work11 = b.location(m, [[work, 11]]);
  // Pyroscope's stubs: function "other" without a file on a line without a number, in mapping 1 (the pprof path)
  // or in none (the tree path).
  const other = b.function('other', '');
  const stub = b.location(m, [[other, 0]]);
  const treeStub = b.location(0, [[other, 0]]);
  b.sample([work11, mainLoc], 60).sample([stub, work11, mainLoc], 30).sample([treeStub, mainLoc], 10);
  return b;
}

describe('truncated profiles', () => {
  it('are marked with the value cut short and the whole, and their numbers are still computed', () => {
    const details = computeFunctionDetails(truncatedProfile().encode(), 'main.work');
    expect(details.truncated).toEqual({ cutValue: 40, profileTotal: 100 });
    // What survived counts as before: the cut sample under main.work still gives it total, not self.
    expect(details.versions[0].lines).toEqual([{ line: 11, self: 60, total: 90 }]);
  });

  it('are marked even when the function itself was cut away', () => {
    const details = computeFunctionDetails(truncatedProfile().encode(), 'main.gone');
    expect(details.versions).toEqual([]);
    expect(details.truncated).toEqual({ cutValue: 40, profileTotal: 100 });
  });

  it('are not confused with a real function called "other", or a stub no sample reaches', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const other = b.function('other', 'other.go', 3);
    const otherLoc = b.location(m, [[other, 4]]);
    const stubFn = b.function('other', '');
    b.location(0, [[stubFn, 0]]);
    b.sample([otherLoc], 5);
    expect(computeFunctionDetails(b.encode(), 'other').truncated).toBeUndefined();
  });

  it('an untruncated profile has no mark', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const f = b.function('f', 'f.go', 1);
    b.sample([b.location(m, [[f, 2]])], 3);
    expect(computeFunctionDetails(b.encode(), 'f').truncated).toBeUndefined();
    expect(computeFunctionDetails(b.encode(), 'f')).not.toHaveProperty('truncated');
  });
});
