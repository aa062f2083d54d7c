// The incumbent's per-line computation (Profiles Drilldown 1.4.0 `convertPprofToFunctionDetails`, as described in
// reference/profiles-drilldown.md §2.4), rewritten here as the baseline for the benchmark: JSON pprof, maps by id,
// a Set of counted location ids per sample, name-only matching, flat on every matching line of the leaf location.

interface JsonLine {
  functionId?: string;
  line?: string;
}
interface JsonProfile {
  sample?: Array<{ locationId?: string[]; value?: string[] }>;
  location?: Array<{ id: string; mappingId?: string; line?: JsonLine[] }>;
  function?: Array<{ id: string; name?: string; filename?: string; startLine?: string }>;
  mapping?: Array<{ id: string; buildId?: string }>;
  stringTable?: string[];
  sampleType?: Array<{ type?: string; unit?: string }>;
}

interface IncumbentDetails {
  name: string;
  version?: unknown;
  startLine?: number;
  fileName: string;
  unit: string;
  callSites: Map<number, { lineNumber: number; flat: number; cum: number }>;
}

export function incumbentFunctionDetails(profile: JsonProfile, functionName: string): IncumbentDetails[] {
  const strings = profile.stringTable ?? [];
  const locations = new Map((profile.location ?? []).map((l) => [l.id, l]));
  const functions = new Map((profile.function ?? []).map((f) => [f.id, f]));
  const mappings = new Map((profile.mapping ?? []).map((m) => [m.id, m]));
  const unit = strings[Number(profile.sampleType?.[0]?.unit ?? 0)];
  const byMapping = new Map<string | undefined, IncumbentDetails>();

  for (const sample of profile.sample ?? []) {
    if (!sample.locationId) {
      continue;
    }
    const counted = new Set<string>();
    const value = Number(sample.value?.[0]);
    sample.locationId.forEach((locationId, i) => {
      const location = locations.get(locationId)!;
      for (const line of location.line!) {
        const fn = functions.get(line.functionId!)!;
        if (strings[Number(fn.name)] !== functionName || counted.has(locationId)) {
          continue;
        }
        counted.add(locationId);
        let details = byMapping.get(location.mappingId);
        if (!details) {
          let version: unknown;
          try {
            version = JSON.parse(strings[Number(mappings.get(location.mappingId!)?.buildId ?? 0)]);
          } catch {
            version = undefined;
          }
          const startLine = Number(fn.startLine);
          details = {
            name: functionName,
            version,
            startLine: Number.isNaN(startLine) ? undefined : startLine,
            fileName: strings[Number(fn.filename ?? 0)],
            unit,
            callSites: new Map(),
          };
          byMapping.set(location.mappingId, details);
        }
        const lineNumber = Number(line.line);
        const site = details.callSites.get(lineNumber) ?? { lineNumber, flat: 0, cum: 0 };
        site.cum += value;
        if (i === 0) {
          site.flat += value;
        }
        details.callSites.set(lineNumber, site);
      }
    });
  }
  const sumCum = (d: IncumbentDetails) => [...d.callSites.values()].reduce((sum, site) => sum + site.cum, 0);
  return [...byMapping.values()].sort((a, b) => sumCum(b) - sumCum(a));
}
