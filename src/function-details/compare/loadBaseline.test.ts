import { DAY_MS } from '../../domain/compare/baseline';
import { computeFunctionDetails } from '@linescope/lines';
import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import type { FunctionDetailsTarget } from '../../domain/target';
import { type BaselineLoaders, loadBaseline } from './loadBaseline';

const target: FunctionDetailsTarget = {
  datasourceUid: 'pyro',
  vcsDataSourceUid: 'pyro',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="shop-go", version="v1.1.0"}',
  range: { from: 10 * DAY_MS, to: 10 * DAY_MS + 3600e3 },
  callSite: ['main.main', 'main.work'],
  functionName: 'main.work',
};

function profile(value: number): Uint8Array {
  const b = new PprofBuilder();
  const m = b.mapping('{"repository":"https://github.com/acme/shop","git_ref":"v1"}');
  const main = b.function('main.main', 'main.go', 1);
  const work = b.function('main.work', 'work.go', 10);
  b.sample([b.location(m, [[work, 12]]), b.location(m, [[main, 3]])], value);
  return b.encode();
}

/** Loaders that answer only once every request of a round has been made, so a test sees what runs at once. */
function recordingLoaders(wholeOf: (t: FunctionDetailsTarget) => number) {
  const calls: string[] = [];
  let release!: () => void;
  const allAsked = new Promise<void>((resolve) => (release = resolve));
  const loaders: BaselineLoaders = {
    loadProfile: async (t) => {
      calls.push(`profile ${t.labelSelector} ${t.range.from}`);
      await allAsked;
      return profile(40);
    },
    compute: async (bytes, fn) => computeFunctionDetails(bytes, fn),
    loadProfileTotal: async (t) => {
      calls.push(`total ${t.labelSelector} ${t.range.from}`);
      await allAsked;
      return wholeOf(t);
    },
  };
  return { loaders, calls, release };
}

describe('loadBaseline', () => {
  it('asks for the baseline profile and both wholes at once, and decodes the baseline with the same computation', async () => {
    const { loaders, calls, release } = recordingLoaders((t) => (t.range.from === target.range.from ? 1000 : 400));
    const loading = loadBaseline(loaders, target, { kind: 'offset', ms: DAY_MS }, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const dayBefore = target.range.from - DAY_MS;
    expect(calls.sort()).toEqual(
      [
        `profile ${target.labelSelector} ${dayBefore}`,
        `total ${target.labelSelector} ${dayBefore}`,
        `total ${target.labelSelector} ${target.range.from}`,
      ].sort()
    );
    release();
    const loaded = await loading;
    expect(loaded.details).toEqual(computeFunctionDetails(profile(40), 'main.work'));
    expect(loaded.baselineWhole).toBe(400);
    expect(loaded.comparisonWhole).toBe(1000);
    expect(loaded.target).toEqual({ ...target, range: { from: dayBefore, to: target.range.to - DAY_MS } });
  });

  it('uses the baseline label selection for the baseline and the comparison selection for its whole', async () => {
    const { loaders, calls, release } = recordingLoaders((t) => (t.labelSelector.includes('v1.0.0') ? 7 : 9));
    release();
    const selector = '{service_name="shop-go", version="v1.0.0"}';
    const loaded = await loadBaseline(loaders, target, { kind: 'labels', selector }, new AbortController().signal);
    expect(calls).toContain(`profile ${selector} ${target.range.from}`);
    expect([loaded.baselineWhole, loaded.comparisonWhole]).toEqual([7, 9]);
  });

  it('loads no second profile for another version of the same profile: both shares are of one whole', async () => {
    const { loaders, calls, release } = recordingLoaders(() => 500);
    release();
    const loaded = await loadBaseline(loaders, target, { kind: 'version', key: '2' }, new AbortController().signal);
    expect(calls).toEqual([`total ${target.labelSelector} ${target.range.from}`]);
    expect(loaded).toEqual({ baselineWhole: 500, comparisonWhole: 500, target });
  });

  it('rejects with the failing request’s error', async () => {
    const loaders: BaselineLoaders = {
      loadProfile: async () => profile(1),
      compute: async () => {
        throw new Error('not a valid pprof');
      },
      loadProfileTotal: async () => 1,
    };
    await expect(
      loadBaseline(loaders, target, { kind: 'offset', ms: DAY_MS }, new AbortController().signal)
    ).rejects.toThrow('not a valid pprof');
  });
});
