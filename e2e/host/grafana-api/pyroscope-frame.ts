// Grafana's Pyroscope data source backend turns a querier.v1 FlameGraph into the nested-set data frame the
// FlameGraph panel reads (pkg/tsdb/grafana-pyroscope-datasource/query.go: levelsToTree, treeToNestedSetDataFrame),
// serialised as grafana-plugin-sdk-go's frame JSON. Pure.

export interface FlameGraphLevels {
  names: string[];
  /** Each level's flat [deltaX, total, self, nameIndex] tuples, as numbers. */
  levels: number[][];
}

interface ProfileTree {
  start: number;
  value: number;
  self: number;
  level: number;
  name: string;
  nodes: ProfileTree[];
}

/** levelsToTree: undo the delta encoding and attach each node to the parent whose span contains it. */
export function levelsToTree(fg: FlameGraphLevels): ProfileTree | undefined {
  if (fg.levels.length === 0 || fg.levels[0].length < 4) {
    return undefined;
  }
  const l0 = fg.levels[0];
  // Grafana reads the root's name from the x slot (always 0), so it is always names[0] = "total".
  const root: ProfileTree = { start: 0, value: l0[1], self: l0[2], level: 0, name: fg.names[l0[0]], nodes: [] };
  let parentsLevel: ProfileTree[] = [root];
  for (let level = 1; level < fg.levels.length; level++) {
    const values = fg.levels[level];
    const current: ProfileTree[] = [];
    let parentIndex = 0;
    let end = 0;
    for (let i = 0; i + 3 < values.length; i += 4) {
      const start = values[i] + end;
      const node: ProfileTree = { start, value: values[i + 1], self: values[i + 2], level, name: fg.names[values[i + 3]], nodes: [] };
      end = start + node.value;
      while (parentIndex < parentsLevel.length) {
        const p = parentsLevel[parentIndex];
        if (p.start <= start && start + node.value <= p.start + p.value) {
          p.nodes.push(node);
          break;
        }
        parentIndex++;
      }
      current.push(node);
    }
    parentsLevel = current;
  }
  return root;
}

/** `nanoseconds` → `ns`, `count` → `short`, anything else unchanged (pyroscope's normalizeUnit). */
export function unitOf(profileTypeId: string): string {
  const unit = profileTypeId.split(':')[2] ?? '';
  if (unit === 'nanoseconds') {
    return 'ns';
  }
  if (unit === 'count') {
    return 'short';
  }
  return unit;
}

export interface FrameJson {
  schema: {
    name?: string;
    refId?: string;
    meta?: Record<string, unknown>;
    fields: Array<Record<string, unknown>>;
  };
  data: { values: unknown[][] };
}

const META = { typeVersion: [0, 0], preferredVisualisationType: 'flamegraph' };

/** The frame Grafana returns when SelectMergeStacktraces gives no flame graph. */
export function emptyFlameGraphFrame(): FrameJson {
  const int64 = (name: string) => ({ name, type: 'number', typeInfo: { frame: 'int64' } });
  return {
    schema: {
      name: 'response',
      meta: META,
      fields: [int64('level'), int64('value'), int64('self'), { name: 'label', type: 'string', typeInfo: { frame: 'string' } }],
    },
    data: { values: [[], [], [], []] },
  };
}

/** treeToNestedSetDataFrame: pre-order rows (level, value, self, label enum) with labels in first-seen order. */
export function nestedSetFrame(fg: FlameGraphLevels, profileTypeId: string): FrameJson {
  const tree = levelsToTree(fg);
  if (!tree) {
    return emptyFlameGraphFrame();
  }
  const unit = unitOf(profileTypeId);
  const levels: number[] = [];
  const values: number[] = [];
  const selfs: number[] = [];
  const labels: number[] = [];
  const text: string[] = [];
  const index = new Map<string, number>();
  const stack: ProfileTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    levels.push(node.level);
    values.push(node.value);
    selfs.push(node.self);
    let i = index.get(node.name);
    if (i === undefined) {
      i = text.length;
      text.push(node.name);
      index.set(node.name, i);
    }
    labels.push(i);
    for (let c = node.nodes.length - 1; c >= 0; c--) {
      stack.push(node.nodes[c]);
    }
  }
  return {
    schema: {
      name: 'response',
      meta: META,
      fields: [
        { name: 'level', type: 'number', typeInfo: { frame: 'int64' } },
        { name: 'value', type: 'number', typeInfo: { frame: 'int64' }, config: { unit } },
        { name: 'self', type: 'number', typeInfo: { frame: 'int64' }, config: { unit } },
        { name: 'label', type: 'enum', typeInfo: { frame: 'enum' }, config: { type: { enum: { text } } } },
      ],
    },
    data: { values: [levels, values, selfs, labels] },
  };
}
