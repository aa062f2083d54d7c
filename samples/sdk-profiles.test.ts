/**
 * The SDK-recorded profiles (samples/sdk-profiles.ts): what Pyroscope's SDKs and its querier really give users,
 * pinned so that the conventions Linescope must handle stay visible: Java frames without files, Node frames with
 * the file and first line folded into the name and one location per function, Go 1.26 start lines.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readSampleGolden, readSampleLabels, sampleProfilePath } from './profiles';
import { parsePprofList } from './record/golden';
import { readProfile } from './record/pprof';
import { createSampleRepos, SampleRepo, sampleRepoUrl } from './repos';
import { SDK_PROFILES, type SdkProfile } from './sdk-profiles';

interface Frame {
  name: string;
  file: string;
  line: number;
  startLine: number;
}

function frames(p: SdkProfile) {
  const profile = readProfile(sampleProfilePath(p.name));
  const str = (i: number | bigint) => profile.stringTable.strings[Number(i)] ?? '';
  const fns = new Map(profile.function.map((f) => [Number(f.id), f]));
  const locations = new Map(
    profile.location.map((l) => [
      Number(l.id),
      l.line.map((ln): Frame => {
        const f = fns.get(Number(ln.functionId))!;
        return { name: str(f.name), file: str(f.filename), line: Number(ln.line), startLine: Number(f.startLine) };
      }),
    ])
  );
  const total = profile.sample.reduce((sum, s) => sum + Number(s.value[0]), 0);
  return { profile, str, locations, all: [...locations.values()].flat(), total };
}

describe('SDK-recorded sample profiles', () => {
  let root: string;
  let repos: SampleRepo[];
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'linescope-sdk-profiles-'));
    repos = await createSampleRepos(root);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(SDK_PROFILES.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    it('is the one sample type SelectMergeProfile answers, with a real run behind it', () => {
      expect(statSync(sampleProfilePath(p.name)).size).toBeLessThan(512 * 1024);
      const d = frames(p);
      expect(d.profile.sampleType.map((t) => `${d.str(t.type)}/${d.str(t.unit)}`)).toEqual([p.sampleType]);
      expect(d.profile.sample.length).toBeGreaterThan(10);
      // Seconds of CPU or wall time (runs of 17 s, the last upload period not sent); the heap's allocated bytes.
      expect(d.total).toBeGreaterThan(p.sampleType === 'alloc_space/bytes' ? 1e6 : 5e9);
    });

    it('has the labels Pyroscope gave the series: the SDK tags, service_name, the SDK’s own', () => {
      const labels = readSampleLabels(p.name) as unknown as Record<string, string>;
      const repo = repos.find((r) => r.fullName === `linescope-demo/${p.service}`)!;
      const sha = repo.commits[p.versionLabel];
      expect(labels).toMatchObject({
        service_name: `${p.service}-sdk`,
        service_repository: sampleRepoUrl(p.service),
        service_git_ref: sha,
        version: Object.entries(repo.tags).find(([, s]) => s === sha)?.[0],
        __profile_type__: p.profileTypeId,
        __name__: p.profileTypeId.split(':')[0],
      });
      // Go's heap profile comes from the SDK's godeltaprof module, which names itself.
      expect(labels['otel.scope.name']).toBe(
        `com.grafana.pyroscope/${{ go: p.sampleType === 'alloc_space/bytes' ? 'godeltaprof' : 'go', node: 'nodejs', java: 'java', python: 'python' }[p.language]}`
      );
      // The Python SDK sends no spy name; the others do.
      expect(labels.pyroscope_spy).toBe(
        { go: 'gospy', node: 'nodespy', java: 'javaspy', python: undefined }[p.language]
      );
    });

    it('keeps the SDK’s own build ids: the version stamp Pyroscope adds at ingest was taken out again', () => {
      const d = frames(p);
      for (const m of d.profile.mapping) {
        expect(d.str(m.buildId)).not.toMatch(/"repository"/);
      }
    });
  });

  const byLanguage = (language: SdkProfile['language']) => frames(SDK_PROFILES.find((p) => p.language === language)!);

  it('Go: absolute deployment paths, the toolchain’s GOROOT, and start lines from Go 1.20+', () => {
    const d = byLanguage('go');
    const own = d.all.filter((f) => f.file.startsWith('/opt/linescope-samples/shop-go/'));
    expect(own.length).toBeGreaterThan(10);
    expect(own.every((f) => f.startLine > 0 && f.startLine <= f.line)).toBe(true);
    expect(
      d.all.some((f) => f.file === '/usr/local/go/src/strings/strings.go' || f.file.startsWith('/usr/local/go/src/'))
    ).toBe(true);
    // Inlining stays visible: locations with more than one line.
    expect([...d.locations.values()].some((lines) => lines.length > 1)).toBe(true);
  });

  it('Python: qualified names, absolute paths, a line per sample and no start lines', () => {
    const d = byLanguage('python');
    const search = d.all.filter((f) => f.name === 'Catalog.search');
    expect(search[0]?.file).toBe('/opt/linescope-samples/shop-python/shop/catalog.py');
    expect(new Set(search.map((f) => f.line)).size).toBeGreaterThan(3);
    expect(d.all.every((f) => f.startLine === 0)).toBe(true);
  });

  it('Node: `<file>:<name>:<line>` names, one location (one line) per function, build output files', () => {
    const d = byLanguage('node');
    expect(d.profile.location.length).toBe(d.profile.function.length);
    const handle = d.all.filter((f) => f.name.includes(':handleRequest:'));
    expect(handle.length).toBe(1);
    expect(handle[0].name).toBe(`./dist/main.js:handleRequest:${handle[0].line}`);
    expect(handle[0].file).toBe('/opt/linescope-samples/shop-node/dist/main.js');
    expect(d.all.some((f) => f.name.startsWith('node:internal/') && f.file.startsWith('node:internal/'))).toBe(true);
  });

  it('Java: slash-separated class names, lines, and no file names at all', () => {
    const d = byLanguage('java');
    const search = d.all.filter((f) => f.name === 'com/linescope/shop/Catalog.search');
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((f) => f.line > 0)).toBe(true);
    expect(d.all.every((f) => f.file === '')).toBe(true);
  });

  describe.each(SDK_PROFILES.filter((p) => p.language === 'go').map((p) => [p.name, p] as const))(
    '%s golden answers',
    (_n, p) => {
      it('come from the current Go toolchain and match the profile', () => {
        const golden = readSampleGolden(p.name)!;
        expect(golden.profile).toBe(`${p.name}.pb.gz`);
        expect(golden.tool).toMatch(/^go tool pprof \(go1\.(2[0-9]|[3-9][0-9])/);
        const d = frames(p);
        for (const report of golden.reports) {
          const unit = report.command.includes('-unit=ns') ? 'ns' : report.command.includes('-unit=B') ? 'B' : '';
          expect(parsePprofList(report.text, unit)).toEqual({ total: report.total, functions: report.functions });
          expect(report.total).toBe(d.total);
          expect(report.functions.map((f) => f.name)).toContain(
            'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search'
          );
        }
      });
    }
  );
});
