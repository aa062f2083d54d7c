import { cpuProfile } from './test-profiles';
import {
  matchesCallSite,
  parseProfileTypeId,
  sampleFrames,
  seriesOf,
  stampMappingVersions,
  versionJson,
} from './recorded-profile';

describe('ingest-time build-id stamping', () => {
  it('writes the version JSON in Pyroscope key order, without empty values, Go-escaped', () => {
    expect(
      versionJson(
        { service_repository: 'https://github.com/acme/app', service_git_ref: 'main', service_root_path: 'svc' },
        'a1b2c3'
      )
    ).toBe('{"repository":"https://github.com/acme/app","git_ref":"main","build_id":"a1b2c3","root_path":"svc"}');
    expect(versionJson({ service_git_ref: '<&>' }, '')).toBe('{"git_ref":"\\u003c\\u0026\\u003e"}');
  });

  it('stamps every mapping with a new string table entry and leaves the input alone', () => {
    const p = cpuProfile([['main;a', 10]], 'old-id');
    p.mapping.push({ ...p.mapping[0], id: 2n });
    const before = p.stringTable.length;
    const stamped = stampMappingVersions(p, { service_name: 'x', service_git_ref: 'v1' });
    expect(stamped.stringTable.length).toBe(before + 2);
    expect(stamped.mapping.map((m) => stamped.stringTable[Number(m.buildId)])).toEqual([
      '{"git_ref":"v1","build_id":"old-id"}',
      '{"git_ref":"v1","build_id":"old-id"}',
    ]);
    expect(p.stringTable.length).toBe(before);
  });

  it('does not stamp when no version label has a value', () => {
    const p = cpuProfile([['main', 1]]);
    expect(stampMappingVersions(p, { service_name: 'x', service_repository: '' })).toBe(p);
  });
});

describe('series and frames', () => {
  it('yields one series per sample type with private labels', () => {
    const series = seriesOf(cpuProfile([['main', 1]]), { service_name: 'svc' });
    expect(series.map((s) => s.labels.__profile_type__)).toEqual([
      'process_cpu:samples:count:cpu:nanoseconds',
      'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    ]);
    expect(series[1].labels).toMatchObject({
      __name__: 'process_cpu',
      __type__: 'cpu',
      service_name: 'svc',
      __period_unit__: 'nanoseconds',
    });
  });

  it('expands inlined lines into frames, root first, and filters by call-site prefix', () => {
    const p = cpuProfile([['main;outer|inner;leaf', 10]]);
    const byId = new Map(p.location.map((l) => [l.id, l]));
    const frames = sampleFrames(p, p.sample[0].locationId, byId);
    expect(frames).toEqual(['main', 'outer', 'inner', 'leaf']);
    expect(matchesCallSite(frames, ['main', 'outer'])).toBe(true);
    expect(matchesCallSite(frames, ['main', 'inner'])).toBe(false);
    expect(matchesCallSite(frames, [])).toBe(true);
    expect(matchesCallSite(['main'], ['main', 'outer'])).toBe(false);
  });

  it('validates profile type ids', () => {
    expect(parseProfileTypeId('memory:alloc_space:bytes::').periodType).toBe('');
    expect(() => parseProfileTypeId('cpu:nanoseconds')).toThrow('got(2): "cpu:nanoseconds"');
  });
});
