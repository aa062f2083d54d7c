// Where @grafana/flamegraph draws each node, computed from the nested-set frame the page received: the same layout
// as its nestedSetToLevels (children from the parent's left edge), CollapsedMapBuilder (a single child with more
// than 99% of its parent shares the parent's row) and walkTree, at 22 CSS pixels per row.

export const PIXELS_PER_ROW = 22;

/** Grafana's frame JSON (grafana-host.md §8.3), as /api/ds/query returns it. */
interface FrameJson {
  schema: { fields: Array<Record<string, unknown>> };
  data: { values: unknown[][] };
}

type EnumConfig = { type?: { enum?: { text?: string[] } } } | undefined;

export interface FlameNode {
  label: string;
  level: number;
  start: number;
  value: number;
  self: number;
  parent?: FlameNode;
  children: FlameNode[];
  /** The row it is drawn on, after collapsing; undefined when hidden inside a collapsed group. */
  row?: number;
}

export function flameNodes(frame: FrameJson): { root: FlameNode; nodes: FlameNode[] } {
  const field = (name: string) => frame.schema.fields.findIndex((f) => f.name === name);
  const [levels, values, selfs, labels] = ['level', 'value', 'self', 'label'].map((n) => frame.data.values[field(n)]);
  const text = (frame.schema.fields[field('label')].config as EnumConfig)?.type?.enum?.text;
  const nodes: FlameNode[] = [];
  const lastAtLevel: FlameNode[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = Number(levels[i]);
    const parent = level > 0 ? lastAtLevel[level - 1] : undefined;
    const prevSibling = lastAtLevel[level];
    const start =
      prevSibling && prevSibling.parent === parent ? prevSibling.start + prevSibling.value : (parent?.start ?? 0);
    const node: FlameNode = {
      label: text ? text[Number(labels[i])] : String(labels[i]),
      level,
      start,
      value: Number(values[i]),
      self: Number(selfs[i]),
      parent,
      children: [],
    };
    parent?.children.push(node);
    lastAtLevel[level] = node;
    lastAtLevel.length = level + 1;
    nodes.push(node);
  }
  const root = nodes[0];
  // Collapsing: a node whose parent has only it as child and which holds > 99% of the parent joins its group.
  const groupHead = new Map<FlameNode, FlameNode>();
  for (const n of nodes) {
    const p = n.parent;
    if (p && p.children.length === 1 && n.value > p.value * 0.99) {
      groupHead.set(n, groupHead.get(p) ?? p);
    }
  }
  // A hidden group member takes no row: its children are drawn on the row it would have had.
  const assign = (n: FlameNode, row: number) => {
    const hidden = groupHead.has(n);
    n.row = hidden ? undefined : row;
    n.children.forEach((c) => assign(c, hidden ? row : row + 1));
  };
  assign(root, 0);
  return { root, nodes };
}

/** The point (CSS px, relative to the canvas) at the middle of a node's bar. */
export function pointOf(node: FlameNode, root: FlameNode, canvasWidth: number): { x: number; y: number } {
  if (node.row === undefined) {
    throw new Error(`${node.label} is drawn inside a collapsed group; pick another node`);
  }
  const perTick = canvasWidth / root.value;
  const x0 = node.start * perTick;
  const x1 = (node.start + node.value) * perTick;
  return { x: Math.min(x0 + (x1 - x0) / 2, x0 + 40), y: node.row * PIXELS_PER_ROW + PIXELS_PER_ROW / 2 };
}

/**
 * The single node of a function; fails when it appears at several call sites (its totals would be split). Calls
 * nested inside the function's own bar (recursion, or a Ruby block run by the method it belongs to) are within
 * that call site, so its outermost bar is the one.
 */
export function onlyNode(nodes: FlameNode[], label: string): FlameNode {
  const insideItself = (n: FlameNode) => {
    for (let p = n.parent; p; p = p.parent) {
      if (p.label === label) {
        return true;
      }
    }
    return false;
  };
  const found = nodes.filter((n) => n.label === label && !insideItself(n));
  if (found.length !== 1) {
    throw new Error(`${label} appears ${found.length} times in the flame graph`);
  }
  return found[0];
}
