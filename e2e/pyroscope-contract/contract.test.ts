// The querier double against what a real Pyroscope answered (recorded/*.json, made by record.ts): the same sample
// profiles, the same questions, the same answers. Only what must differ is normalised (normalise.ts); the rest of
// the differences are listed in e2e/pyroscope-double/README.md and handled in known-differences.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_PROFILES_DIR } from '../../samples/profiles';
import { loadProfileDir } from '../pyroscope-double/profile-store';
import { startPyroscopeDouble } from '../pyroscope-double/server';
import { callQuerier, type Answer, type RecordedExchange, type Recording } from './exchange';
import { comparable } from './known-differences';

const RECORDED_DIR = path.join(__dirname, 'recorded');
const recordings: Recording[] = readdirSync(RECORDED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(RECORDED_DIR, f), 'utf8')));

it('has recordings of both limit settings, each naming the Pyroscope it came from', () => {
  expect(recordings.map((r) => r.limits).sort()).toEqual(['default', 'select-merge-profile-limited']);
  for (const r of recordings) {
    expect(r.pyroscope.version).toMatch(/\S/);
    expect(r.pyroscope.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(r.exchanges.length).toBeGreaterThan(0);
  }
});

describe.each(recordings.map((r) => [`${r.limits} limits`, r] as const))(
  'the double answers like Pyroscope (%s)',
  (_, recording) => {
    let double: Awaited<ReturnType<typeof startPyroscopeDouble>>;

    beforeAll(async () => {
      const all = await loadProfileDir(SAMPLE_PROFILES_DIR);
      double = await startPyroscopeDouble({
        series: all.filter((s) => recording.pushedFiles.includes(s.source)),
        now: () => recording.queriedAtMs,
        replayAgeMs: recording.queriedAtMs - recording.pushedAtMs,
        limits: { maxFlameGraphNodesOnSelectMergeProfile: recording.limits === 'select-merge-profile-limited' },
      });
    });
    afterAll(() => double.close());

    it('serves every profile that was pushed', async () => {
      const served = new Set(double.series.map((s) => s.source));
      expect([...served].sort()).toEqual([...recording.pushedFiles].sort());
    });

    it.each(recording.exchanges.map((e) => [e.name, e] as const))('%s', async (_name, exchange: RecordedExchange) => {
      const answer: Answer = await callQuerier(double.url, exchange);
      expect(comparable(exchange, answer)).toEqual(comparable(exchange, exchange));
    });
  }
);
