import { mergeProfiles } from './merge-profile';
import { parseProfileTypeId, stampMappingVersions } from './recorded-profile';
import { cpuProfile } from './test-profiles';

const cpu = parseProfileTypeId('process_cpu:cpu:nanoseconds:cpu:nanoseconds');

function stacksOf(p: ReturnType<typeof mergeProfiles>): Record<string, number> {
  const names = new Map(p.function.map((f) => [f.id, p.stringTable[Number(f.name)]]));
  const locs = new Map(p.location.map((l) => [l.id, l]));
  const out: Record<string, number> = {};
  for (const s of p.sample) {
    const key = [...s.locationId]
      .reverse()
      .map((id) =>
        locs
          .get(id)!
          .line.map((l) => names.get(l.functionId))
          .reverse()
          .join('|')
      )
      .join(';');
    out[key] = Number(s.value[0]);
  }
  return out;
}

describe('SelectMergeProfile', () => {
  const a = cpuProfile([
    ['main;a@a.go:3;b@b.go:7', 30],
    ['main;a@a.go:4', 10],
    ['main;c@c.go:9', 60],
  ]);

  it('merges series into one sample type with metadata and renumbered ids', () => {
    const p = mergeProfiles(
      [
        { profile: a, valueIndex: 1 },
        { profile: a, valueIndex: 1 },
      ],
      { profileType: cpu, callSite: [], maxNodes: 0, endMs: 1700000000000 }
    );
    expect(p.sampleType).toHaveLength(1);
    expect(p.stringTable[Number(p.sampleType[0].type)]).toBe('cpu');
    expect(p.stringTable[Number(p.defaultSampleType)]).toBe('cpu');
    expect(p.stringTable[0]).toBe('');
    expect(p.period).toBe(1000000000n);
    expect(p.timeNanos).toBe(1700000000000000000n);
    expect(stacksOf(p)).toEqual({ 'main;a;b': 60, 'main;a': 20, 'main;c': 120 });
    expect(p.location.map((l) => l.id)).toEqual(p.location.map((_, i) => BigInt(i + 1)));
  });

  it('keeps whole stacks of the call site only', () => {
    const p = mergeProfiles([{ profile: a, valueIndex: 1 }], {
      profileType: cpu,
      callSite: ['main', 'a'],
      maxNodes: 0,
      endMs: 1,
    });
    expect(stacksOf(p)).toEqual({ 'main;a;b': 30, 'main;a': 10 });
    expect(
      mergeProfiles([{ profile: a, valueIndex: 1 }], { profileType: cpu, callSite: ['a'], maxNodes: 0, endMs: 1 })
        .sample
    ).toEqual([]);
  });

  it('keeps distinct mappings for distinct stamped versions and their line numbers', () => {
    const v1 = stampMappingVersions(a, { service_git_ref: 'v1' });
    const v2 = stampMappingVersions(a, { service_git_ref: 'v2' });
    const p = mergeProfiles(
      [
        { profile: v1, valueIndex: 1 },
        { profile: v2, valueIndex: 1 },
      ],
      { profileType: cpu, callSite: [], maxNodes: 0, endMs: 1 }
    );
    expect(p.mapping.map((m) => p.stringTable[Number(m.buildId)])).toEqual(['{"git_ref":"v1"}', '{"git_ref":"v2"}']);
    const lines = p.location.flatMap((l) => l.line.map((x) => Number(x.line)));
    expect(lines).toEqual(expect.arrayContaining([3, 4, 7, 9]));
  });

  it('replaces the leaf side below the maxNodes threshold with one `other` location', () => {
    const p = mergeProfiles([{ profile: a, valueIndex: 1 }], { profileType: cpu, callSite: [], maxNodes: 2, endMs: 1 });
    expect(stacksOf(p)).toEqual({ 'main;other': 40, 'main;c': 60 });
  });
});
