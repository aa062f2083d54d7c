import { readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import { FunctionVersion } from './model';
import { computeFunctionDetails } from './computeFunctionDetails';
import { replicaRepository, replicateProfiles } from '../testing/replicateProfiles';

const profilesDir = join(__dirname, '../../../samples/profiles');
const sourceNames = ['shop-go-v1.cpu.pb.gz', 'shop-go-v2.cpu.pb.gz'];
const functionNames = [
  'main.handleRequest',
  'github.com/linescope-demo/shop-go/pricing.bestSubset',
  'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search',
  'strings.ToLower',
  'crypto/sha256.Sum256',
];
const versions = 4;

/** The function's numbers in one recorded profile, all its mappings together (each copy becomes one version). */
function unitOf(bytes: Uint8Array, name: string) {
  const details = computeFunctionDetails(bytes, name, { sampleType: 'cpu' });
  const lines = new Map<number, { self: number; total: number }>();
  for (const version of details.versions) {
    for (const line of version.lines) {
      const sum = lines.get(line.line) ?? { self: 0, total: 0 };
      lines.set(line.line, { self: sum.self + line.self, total: sum.total + line.total });
    }
  }
  return { lines, self: details.versions.reduce((s, v) => s + v.self, 0), total: details.total };
}

describe('computeFunctionDetails on a large profile', () => {
  const sources = sourceNames.map((name) => readFileSync(join(profilesDir, name)));
  const decodedSources = sources.map((bytes) => Profile.decode(gunzipSync(bytes)));
  // Enough copies for about 25 MB, a multiple of the version count so that every version holds as many.
  const bytesPerCopy =
    replicateProfiles(decodedSources, { copies: sources.length, versions: 1, sampleType: 'cpu' }).encode().byteLength /
    sources.length;
  const copies = versions * Math.ceil((25 * 1024 * 1024) / bytesPerCopy / versions);
  const large = replicateProfiles(decodedSources, { copies, versions, sampleType: 'cpu' }).encode();

  it('is tens of megabytes holding every sample of every copy', () => {
    expect(large.byteLength).toBeGreaterThan(20 * 1024 * 1024);
    const samplesPerSource = decodedSources.map((profile) => profile.sample.length);
    expect(Profile.decode(large).sample.length).toBe(
      (copies / sources.length) * (samplesPerSource[0] + samplesPerSource[1])
    );
  });

  it.each(functionNames)('scales %s exactly by the number of copies in each version', (name) => {
    const details = computeFunctionDetails(large, name);
    const units = sources.map((bytes) => unitOf(bytes, name));
    // Copy c is in version c % 4 and copies source c % 2: version v holds copies / 4 copies of source v % 2.
    const copiesPerVersion = copies / versions;
    const expected = Array.from({ length: versions }, (_, v) => {
      const unit = units[v % sources.length];
      return {
        key: `${v + 1}`,
        gitRef: `v${v}`,
        lines: [...unit.lines.entries()]
          .sort(([a], [b]) => a - b)
          .map(([line, sum]) => ({ line, self: sum.self * copiesPerVersion, total: sum.total * copiesPerVersion })),
        self: unit.self * copiesPerVersion,
        total: unit.total * copiesPerVersion,
      };
    }).filter((v) => v.total !== 0 || v.lines.length > 0);
    expected.sort((a, b) => b.total - a.total || Number(a.key) - Number(b.key));

    expect(units[0].total).toBeGreaterThan(0);
    expect(
      details.versions.map((v: FunctionVersion) => ({
        key: v.key,
        gitRef: v.version?.gitRef,
        lines: v.lines,
        self: v.self,
        total: v.total,
      }))
    ).toEqual(expected);
    expect(details.versions.every((v) => v.version?.repository === replicaRepository)).toBe(true);
    expect(details.total).toBe(expected.reduce((sum, v) => sum + v.total, 0));
  });
});
