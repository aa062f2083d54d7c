// What may differ between the real Pyroscope's answers and the double's, and nothing else: a merged profile's ids and
// order (Pyroscope numbers locations, functions and mappings in the order its store returns them; the plugin reads
// them by id), so a profile is compared as the multiset of its stacks. Pure.

interface ProfileJson {
  sampleType?: Array<{ type?: string; unit?: string }>;
  sample?: Array<{ locationId?: string[]; value?: string[]; label?: unknown[] }>;
  mapping?: Array<{ id?: string; filename?: string; buildId?: string; hasFunctions?: boolean }>;
  location?: Array<{
    id?: string;
    mappingId?: string;
    address?: string;
    line?: Array<{ functionId?: string; line?: string }>;
    isFolded?: boolean;
  }>;
  function?: Array<{ id?: string; name?: string; systemName?: string; filename?: string; startLine?: string }>;
  stringTable?: string[];
  timeNanos?: string;
  durationNanos?: string;
  periodType?: { type?: string; unit?: string };
  period?: string;
  defaultSampleType?: string;
  dropFrames?: string;
  keepFrames?: string;
  comment?: string[];
}

export interface CanonicalProfile {
  sampleTypes: string[];
  periodType: string;
  period: string;
  defaultSampleType: string;
  timeNanos: string;
  durationNanos: string;
  /** `frame | frame | …` leaf first → summed value; a frame is `name [system] file:line (start) @build`. */
  stacks: Record<string, string>;
  total: string;
}

/** A google.v1.Profile (protojson) as what the plugin reads from it, independent of ids and order. */
export function canonicalProfile(json: unknown): CanonicalProfile {
  const p = (json ?? {}) as ProfileJson;
  const str = (i: string | undefined) => p.stringTable?.[Number(i ?? 0)] ?? '';
  const functions = new Map((p.function ?? []).map((f) => [f.id ?? '0', f]));
  const mappings = new Map((p.mapping ?? []).map((m) => [m.id ?? '0', m]));
  const frameOf = (loc: NonNullable<ProfileJson['location']>[number]) => {
    const build = str(mappings.get(loc.mappingId ?? '0')?.buildId);
    return (loc.line ?? [])
      .map((l) => {
        const f = functions.get(l.functionId ?? '0');
        const system = str(f?.systemName) === str(f?.name) ? '' : ` [${str(f?.systemName)}]`;
        return `${str(f?.name)}${system} ${str(f?.filename)}:${l.line ?? '0'} (${f?.startLine ?? '0'})`;
      })
      .join(' + ')
      .concat(build ? ` @${build}` : '');
  };
  const locations = new Map((p.location ?? []).map((l) => [l.id ?? '0', frameOf(l)]));
  const stacks = new Map<string, bigint>();
  let total = 0n;
  for (const s of p.sample ?? []) {
    const key = (s.locationId ?? []).map((id) => locations.get(id) ?? `?${id}`).join(' | ');
    const value = BigInt(s.value?.[0] ?? '0');
    stacks.set(key, (stacks.get(key) ?? 0n) + value);
    total += value;
  }
  return {
    sampleTypes: (p.sampleType ?? []).map((t) => `${str(t.type)}/${str(t.unit)}`),
    periodType: `${str(p.periodType?.type)}/${str(p.periodType?.unit)}`,
    period: p.period ?? '0',
    defaultSampleType: str(p.defaultSampleType),
    timeNanos: p.timeNanos ?? '0',
    durationNanos: p.durationNanos ?? '0',
    stacks: Object.fromEntries(
      [...stacks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, String(v)])
    ),
    total: String(total),
  };
}
