import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { GoldenFile } from '../../../samples/record/golden';
import { computeFunctionDetails } from './computeFunctionDetails';
import { UnknownSampleTypeError } from './sampleType';
import { topFunctions } from './topFunctions';
import { PprofBuilder } from '../testing/pprofBuilder';

const profilesDir = join(__dirname, '../../../samples/profiles');
const profiles = readdirSync(profilesDir)
  .filter((name) => name.endsWith('.pb.gz'))
  .sort();

describe('topFunctions on the recorded profiles', () => {
  it('has profiles to read', () => {
    expect(profiles.length).toBeGreaterThan(5);
  });

  // The oracle: each function's self and total are what the per-line computation (the panel's numbers) gives it.
  it.each(profiles)('%s: every function has the numbers computeFunctionDetails gives it', (name) => {
    const bytes = readFileSync(join(profilesDir, name));
    const top = topFunctions(bytes);
    expect(top.functions.length).toBeGreaterThan(10);
    for (const fn of top.functions) {
      const details = computeFunctionDetails(bytes, fn.name);
      const self = details.versions.reduce((sum, v) => sum + v.self, 0);
      expect({ name: fn.name, self: fn.self, total: fn.total }).toEqual({ name: fn.name, self, total: details.total });
      expect(fn.files).toEqual(expect.arrayContaining([...new Set(details.versions.map((v) => v.fileName))]));
    }
    // Every sample's leaf is some function: the self column adds up to the profile's total.
    expect(top.functions.reduce((sum, fn) => sum + fn.self, 0)).toBe(top.profileTotal);
    for (let i = 1; i < top.functions.length; i++) {
      expect(top.functions[i - 1].self).toBeGreaterThanOrEqual(top.functions[i].self);
    }
  });

  const withGolden = readdirSync(profilesDir).filter((name) => name.endsWith('.golden.json'));
  it.each(withGolden)("%s: self is pprof -list flat and the total pprof's Total", (goldenName) => {
    const golden: GoldenFile = JSON.parse(readFileSync(join(profilesDir, goldenName), 'utf8'));
    const bytes = readFileSync(join(profilesDir, golden.profile));
    for (const report of golden.reports) {
      const top = topFunctions(bytes, { sampleType: report.sampleIndex });
      expect(top.profileTotal).toBe(report.total);
      for (const fn of report.functions) {
        expect(top.functions.find((f) => f.name === fn.name)?.self).toBe(fn.flat);
      }
    }
  });
});

describe('topFunctions', () => {
  it('gives self to the inlined callee, total once per sample under recursion, and keeps files apart', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const outer = b.function('main.outer', 'main.go');
    const inner = b.function('main.inner', 'main.go');
    const otherFile = b.function('main.inner', 'other.go');
    const inlined = b.location(m, [
      [inner, 12],
      [outer, 5],
    ]);
    const outerAgain = b.location(m, [[outer, 7]]);
    const elsewhere = b.location(m, [[otherFile, 3]]);
    b.sample([inlined, outerAgain, outerAgain], 10).sample([outerAgain], 4).sample([elsewhere, outerAgain], 1);
    const top = topFunctions(b.encode());
    expect(top).toEqual({
      sampleType: 'cpu',
      unit: 'nanoseconds',
      profileTotal: 15,
      functions: [
        { name: 'main.inner', files: ['main.go', 'other.go'], self: 11, total: 11 },
        { name: 'main.outer', files: ['main.go'], self: 4, total: 15 },
      ],
    });
  });

  it('reads the sample type asked for and names the ones there are when it is missing', () => {
    const b = new PprofBuilder([
      ['alloc_objects', 'count'],
      ['alloc_space', 'bytes'],
    ]);
    const f = b.function('f', 'f.go');
    b.sample([b.location(b.mapping(), [[f, 1]])], 3, 300);
    expect(topFunctions(b.encode(), { sampleType: 'alloc_objects' }).functions[0].self).toBe(3);
    expect(topFunctions(b.encode()).functions[0].self).toBe(300);
    const error = (() => {
      try {
        topFunctions(b.encode(), { sampleType: 'cpu' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnknownSampleTypeError);
    expect((error as UnknownSampleTypeError).available).toEqual(['alloc_objects', 'alloc_space']);
  });

  it('gives an empty list for a profile without samples or sample types', () => {
    expect(topFunctions(new PprofBuilder([]).encode())).toEqual({
      sampleType: '',
      unit: '',
      profileTotal: 0,
      functions: [],
    });
  });

  it('counts a location with many lines of the same function once per sample', () => {
    const b = new PprofBuilder();
    const f = b.function('f', 'f.go');
    const lines = Array.from({ length: 50_000 }, (_, i) => [f, i + 1] as [number, number]);
    b.sample([b.location(b.mapping(), lines)], 2);
    expect(topFunctions(b.encode()).functions).toEqual([{ name: 'f', files: ['f.go'], self: 2, total: 2 }]);
  });
});
