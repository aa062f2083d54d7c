/**
 * The top of a V8 CPU profile (the inspector's Profiler.stop, a .cpuprofile file): where the busy time went, by
 * function. Self time is the samples a function was running in; total time also counts the samples of what it
 * called (each function once per sample, so recursion is not counted twice). Idle time is left out of the shares.
 */
import path from 'node:path';

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  selfShare: number;
  totalShare: number;
}

const IDLE = '(idle)';

/** A function's name and file; the line too for JavaScript (TypeScript runs compiled, its lines are not the source's). */
function nameOf({ functionName, url, lineNumber }: CpuProfile['nodes'][number]['callFrame']): string {
  const file = url && path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
  const where = !file ? '' : file.endsWith('.ts') ? ` ${file}` : ` ${file}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${where}`;
}

export function profileTop(profile: CpuProfile): ProfileLine[] {
  const parent = new Map<number, number>();
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    names.set(node.id, nameOf(node.callFrame));
    node.children?.forEach((child) => parent.set(child, node.id));
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const leaf = names.get(id)!;
    if (leaf === IDLE) {
      return;
    }
    busy += micros;
    self.set(leaf, (self.get(leaf) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = names.get(at)!;
      if (!seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + micros);
      }
    }
  });
  return [...total.keys()].map((name) => ({
    name,
    selfShare: (self.get(name) ?? 0) / busy,
    totalShare: (total.get(name) ?? 0) / busy,
  }));
}

/** The profile's top `count` by self time, then the server's own functions (server/src) by total time. */
export function formatProfileTop(profile: CpuProfile, count = 12): string {
  const lines = profileTop(profile);
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const bySelf = [...lines].sort((a, b) => b.selfShare - a.selfShare).slice(0, count);
  const ours = lines
    .filter((line) => line.name.includes('server/src/'))
    .sort((a, b) => b.totalShare - a.totalShare)
    .slice(0, count);
  return [
    'self   total  function (by self time)',
    ...bySelf.map((l) => `${percent(l.selfShare)} ${percent(l.totalShare)}  ${l.name}`),
    '',
    'self   total  server/src function (by total time)',
    ...ours.map((l) => `${percent(l.selfShare)} ${percent(l.totalShare)}  ${l.name}`),
  ].join('\n');
}
