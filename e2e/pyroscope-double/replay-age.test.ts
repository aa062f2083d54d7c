// Each series at its own replayed time: a time range selects only the series replayed within it, so per-bucket
// queries over an hour see an older deployment, then a newer one.
import { ingest } from './profile-store';
import { startPyroscopeDouble } from './server';
import { cpuProfile } from './test-profiles';

const MINUTE = 60_000;

let double: Awaited<ReturnType<typeof startPyroscopeDouble>>;
beforeAll(async () => {
  const old = ingest(cpuProfile([['main;a', 10]]), { service_name: 'api', version: 'v1' }, 'old');
  const fresh = ingest(cpuProfile([['main;a', 30]]), { service_name: 'api', version: 'v2' }, 'new');
  double = await startPyroscopeDouble({ series: [...old.map((s) => ({ ...s, replayAgeMs: 40 * MINUTE })), ...fresh] });
});
afterAll(() => double.close());

async function versionsIn(fromMinutesAgo: number, toMinutesAgo: number): Promise<string[]> {
  const now = Date.now();
  const res = await fetch(`${double.url}/querier.v1.QuerierService/LabelValues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'version',
      matchers: ['{service_name="api"}'],
      start: String(now - fromMinutesAgo * MINUTE),
      end: String(now - toMinutesAgo * MINUTE),
    }),
  });
  return ((await res.json()).names ?? []) as string[];
}

it('selects each series by its own replay time', async () => {
  expect(await versionsIn(60, 0)).toEqual(['v1', 'v2']);
  expect(await versionsIn(45, 35)).toEqual(['v1']);
  expect(await versionsIn(5, 0)).toEqual(['v2']);
  expect(await versionsIn(30, 10)).toEqual([]);
});
