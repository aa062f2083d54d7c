import type { CallCost, FunctionCalls, LineCallees } from './calls';
import type { PprofData } from './pprofReader';

/** What the index reads of the profile: every function, and the location table. */
export type CallIndexProfile = Pick<PprofData, 'functions' | 'locations'>;

// The callee/caller index, filled during computeFunctionDetails' pass over the samples. A sample's stack is read as
// Pyroscope reads it for call sites: every line entry of a location is a frame of its own (an inlined callee is a
// call), and locations without line entries are no frames. For each frame of the function, the next frame towards
// the leaf is the callee of that frame's line and the next frame towards the root is a caller; each sample counts
// once per (line, callee) and once per caller, however often it recurses through them.

/** What the index needs from computeFunctionDetails' location index. */
export interface CallIndexInput {
  /** Per line entry of the location table: its (version, line) bucket when it is the function, else -1. */
  lineBucket: Int32Array;
  bucketVersion: Int32Array;
  bucketLine: Int32Array;
  versionCount: number;
}

const NO_FRAME = -2;

export class CallIndex {
  /** Distinct function names; a name's position is its id. */
  private readonly names: string[] = [];
  private readonly fileOfName: string[] = [];
  /** Per line entry: the id of its function's name (-1: a function id the profile does not define). */
  private readonly lineName: Int32Array;
  private readonly keySpan: number;
  private readonly calleeSlots: Slots;
  private readonly callerSlots: Slots;
  private readonly outermost: Float64Array;
  private readonly outermostSeen: Int32Array;
  private stamp = 0;

  constructor(
    private readonly profile: CallIndexProfile,
    private readonly input: CallIndexInput
  ) {
    const nameOfFunction = new Map<number, number>();
    const idOfName = new Map<string, number>();
    for (const fn of profile.functions) {
      let id = idOfName.get(fn.name);
      if (id === undefined) {
        id = this.names.push(fn.name) - 1;
        this.fileOfName.push(fn.filename);
        idOfName.set(fn.name, id);
      }
      nameOfFunction.set(fn.id, id);
    }
    const { lineFunctionId } = profile.locations;
    this.lineName = new Int32Array(lineFunctionId.length);
    for (let j = 0; j < lineFunctionId.length; j++) {
      this.lineName[j] = nameOfFunction.get(lineFunctionId[j]) ?? -1;
    }
    this.keySpan = this.names.length + 1;
    this.calleeSlots = new Slots(input.bucketVersion.length * this.keySpan);
    this.callerSlots = new Slots(input.versionCount * this.keySpan);
    this.outermost = new Float64Array(input.versionCount);
    this.outermostSeen = new Int32Array(input.versionCount);
  }

  /**
   * One sample: `resolved` holds its locations' positions in the table (leaf first, -1 for unknown ids) and
   * `positions` the stack positions of the locations holding the function, ascending.
   */
  visit(resolved: Int32Array, length: number, positions: Int32Array, positionCount: number, value: number): void {
    const stamp = ++this.stamp;
    const { lineStart } = this.profile.locations;
    const { lineBucket, bucketVersion } = this.input;
    const { lineName, keySpan } = this;
    for (let p = 0; p < positionCount; p++) {
      const k = positions[p];
      const location = resolved[k];
      const start = lineStart[location];
      const end = lineStart[location + 1];
      for (let j = start; j < end; j++) {
        const bucket = lineBucket[j];
        if (bucket < 0) {
          continue;
        }
        const callee = j > start ? lineName[j - 1] : this.innerName(resolved, k - 1);
        if (callee >= 0) {
          this.calleeSlots.add(bucket * keySpan + callee, value, stamp);
        }
        const version = bucketVersion[bucket];
        const caller = j < end - 1 ? lineName[j + 1] : this.outerName(resolved, k + 1, length);
        if (caller >= 0) {
          this.callerSlots.add(version * keySpan + caller, value, stamp);
        } else if (caller === NO_FRAME && this.outermostSeen[version] !== stamp) {
          this.outermostSeen[version] = stamp;
          this.outermost[version] += value;
        }
      }
    }
  }

  /** The calls of each version (by position in the location index's versions). */
  build(): FunctionCalls[] {
    const { bucketVersion, bucketLine, versionCount } = this.input;
    const linesOf: Array<Map<number, CallCost[]>> = Array.from({ length: versionCount }, () => new Map());
    this.calleeSlots.forEach((key, total) => {
      const bucket = Math.floor(key / this.keySpan);
      const byLine = linesOf[bucketVersion[bucket]];
      const line = bucketLine[bucket];
      const callees = byLine.get(line) ?? [];
      callees.push(this.cost(key % this.keySpan, total));
      byLine.set(line, callees);
    });
    const callersOf: CallCost[][] = Array.from({ length: versionCount }, () => []);
    this.callerSlots.forEach((key, total) => {
      callersOf[Math.floor(key / this.keySpan)].push(this.cost(key % this.keySpan, total));
    });
    return linesOf.map((byLine, v) => ({
      lines: [...byLine.entries()]
        .sort(([a], [b]) => a - b)
        .map(([line, callees]): LineCallees => ({ line, callees: callees.sort(largestFirst) })),
      callers: callersOf[v].sort(largestFirst),
      outermost: this.outermost[v],
    }));
  }

  /** The name of the outermost frame of the first location with line entries from position k leafwards. */
  private innerName(resolved: Int32Array, k: number): number {
    const { lineStart } = this.profile.locations;
    for (; k >= 0; k--) {
      const location = resolved[k];
      if (location >= 0 && lineStart[location] !== lineStart[location + 1]) {
        return this.lineName[lineStart[location + 1] - 1];
      }
    }
    return NO_FRAME;
  }

  /** The name of the innermost frame of the first location with line entries from position k outwards. */
  private outerName(resolved: Int32Array, k: number, length: number): number {
    const { lineStart } = this.profile.locations;
    for (; k < length; k++) {
      const location = resolved[k];
      if (location >= 0 && lineStart[location] !== lineStart[location + 1]) {
        return this.lineName[lineStart[location]];
      }
    }
    return NO_FRAME;
  }

  private cost(name: number, total: number): CallCost {
    return { functionName: this.names[name], fileName: this.fileOfName[name], total };
  }
}

const largestFirst = (a: CallCost, b: CallCost) =>
  b.total - a.total || (a.functionName < b.functionName ? -1 : a.functionName > b.functionName ? 1 : 0);

// Above this many possible keys, slots are found through a Map instead of a table indexed by key.
const DENSE_KEYS = 1 << 22;

/** Totals keyed by numbers below `keyCount`, each key counted once per sample stamp. */
class Slots {
  /** Slot + 1 per key (0: none yet) when the keys are few enough for a table; a Map otherwise. */
  private readonly dense: Int32Array | undefined;
  private readonly slotOf = new Map<number, number>();
  private readonly keys: number[] = [];
  private readonly totals: number[] = [];
  private readonly seen: number[] = [];

  constructor(keyCount: number) {
    this.dense = keyCount <= DENSE_KEYS ? new Int32Array(keyCount) : undefined;
  }

  add(key: number, value: number, stamp: number): void {
    let slot = this.dense !== undefined ? this.dense[key] - 1 : (this.slotOf.get(key) ?? -1);
    if (slot < 0) {
      slot = this.keys.push(key) - 1;
      this.totals.push(0);
      this.seen.push(0);
      if (this.dense !== undefined) {
        this.dense[key] = slot + 1;
      } else {
        this.slotOf.set(key, slot);
      }
    }
    if (this.seen[slot] !== stamp) {
      this.seen[slot] = stamp;
      this.totals[slot] += value;
    }
  }

  forEach(visit: (key: number, total: number) => void): void {
    this.keys.forEach((key, slot) => visit(key, this.totals[slot]));
  }
}
