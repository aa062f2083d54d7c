// Pyroscope's function-name tree and its two outputs (flame graph levels and the binary tree format), as
// pkg/model/tree.go and pkg/model/flamegraph.go build them. Pure: no I/O.

/** One sample reduced to function names, root first, and its value. */
export interface NamedStack {
  names: string[];
  value: number;
}

export interface TreeNode {
  name: string;
  self: number;
  total: number;
  /** Sorted by name in byte order. */
  children: TreeNode[];
}

/** Pyroscope's tenant default and maximum for max_nodes (-querier.max-flamegraph-nodes-default/-max). */
export const DEFAULT_MAX_NODES = 8192;
export const MAX_MAX_NODES = 1048576;
const OTHER = 'other';

/** Byte-order comparison of UTF-8 strings (Go's string comparison); JS `<` compares UTF-16 units. */
export function compareBytes(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}

function newNode(name: string): TreeNode {
  return { name, self: 0, total: 0, children: [] };
}

function childNamed(parent: TreeNode, name: string): TreeNode {
  const list = parent.children;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareBytes(list[mid].name, name) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < list.length && list[lo].name === name) {
    return list[lo];
  }
  const node = newNode(name);
  list.splice(lo, 0, node);
  return node;
}

/** Builds the tree under a synthetic, nameless root; samples with value <= 0 are ignored as Pyroscope does. */
export function buildTree(stacks: Iterable<NamedStack>): TreeNode {
  const root = newNode('');
  for (const { names, value } of stacks) {
    if (!(value > 0) || names.length === 0) {
      continue;
    }
    let node = root;
    root.total += value;
    for (const name of names) {
      node = childNamed(node, name);
      node.total += value;
    }
    node.self += value;
  }
  return root;
}

function countNodes(root: TreeNode): number {
  let n = 0;
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    n++;
    stack.push(...node.children);
  }
  return n;
}

/** A tiny binary min-heap of numbers. */
class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  get min(): number {
    return this.items[0];
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) {
        break;
      }
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (a.length === 0) {
      return;
    }
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l] < a[m]) {
        m = l;
      }
      if (r < a.length && a[r] < a[m]) {
        m = r;
      }
      if (m === i) {
        return;
      }
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
}

/**
 * Tree.minValue: 0 (keep all) when maxNodes < 1 or the tree is small enough; otherwise roughly the maxNodes-th
 * largest node total, found by a depth-first walk that skips subtrees that cannot make it into the heap.
 */
export function minValue(root: TreeNode, maxNodes: number): number {
  if (maxNodes < 1 || countNodes(root) <= maxNodes) {
    return 0;
  }
  const heap = new MinHeap();
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (heap.size >= maxNodes) {
      if (node.total <= heap.min) {
        continue;
      }
      heap.pop();
    }
    heap.push(node.total);
    stack.push(...node.children);
  }
  return heap.min;
}

/**
 * StacktraceTree.MinValue, the threshold the query backend truncates with before it answers (and before the flame
 * graph's own minValue): the exact maxNodes-th largest total over every node, none skipped (unlike Tree.minValue);
 * 0 when the tree has at most maxNodes nodes counting the stack-trace tree's virtual root (whose total is 0).
 */
export function backendMinValue(root: TreeNode, maxNodes: number): number {
  if (maxNodes < 1 || countNodes(root) + 1 <= maxNodes) {
    return 0;
  }
  const heap = new MinHeap();
  const visit = (node: TreeNode) => {
    if (heap.size >= maxNodes) {
      if (node.total <= heap.min) {
        return;
      }
      heap.pop();
    }
    heap.push(node.total);
  };
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    stack.push(...node.children);
  }
  return heap.size < maxNodes ? 0 : heap.min;
}

/** Splits a node's children into the kept ones (byte order) and the sum folded into `other`. */
function keptChildren(node: TreeNode, minVal: number): { kept: TreeNode[]; other: number } {
  const kept: TreeNode[] = [];
  let other = 0;
  for (const child of node.children) {
    if (child.total >= minVal && child.name !== OTHER) {
      kept.push(child);
    } else {
      other += child.total;
    }
  }
  return { kept, other };
}

/**
 * The tree truncated as the query backend does before it answers: children below minVal are summed into an
 * `other` child (self = total = the sum), merged into an existing `other` when there is one.
 */
export function truncateTree(root: TreeNode, minVal: number): TreeNode {
  if (minVal <= 0) {
    return root;
  }
  const copy = (node: TreeNode): TreeNode => {
    const out: TreeNode = { name: node.name, self: node.self, total: node.total, children: [] };
    let other: TreeNode | undefined;
    let folded = 0;
    for (const child of node.children) {
      if (child.total >= minVal) {
        const c = copy(child);
        out.children.push(c);
        if (c.name === OTHER) {
          other = c;
        }
      } else {
        folded += child.total;
      }
    }
    if (folded > 0) {
      if (other) {
        other.self += folded;
        other.total += folded;
      } else {
        out.children.push({ name: OTHER, self: folded, total: folded, children: [] });
        out.children.sort((a, b) => compareBytes(a.name, b.name));
      }
    }
    return out;
  };
  return copy(root);
}

export interface FlameGraphData {
  names: string[];
  /** Per level, flat 4-tuples [x (delta-encoded), total, self, nameIndex]. */
  levels: number[][];
  total: number;
  maxSelf: number;
}

/** NewFlameGraph: levels of delta-encoded 4-tuples, names indexed in rightmost-first DFS order. */
export function toFlameGraph(root: TreeNode, maxNodes: number): FlameGraphData {
  const total = root.children.reduce((s, c) => s + c.total, 0);
  const minVal = minValue(root, maxNodes);
  const names = ['total'];
  const nameIndex = new Map<string, number>([['total', 0]]);
  const rows: Array<Array<{ x: number; total: number; self: number; name: number }>> = [];
  let maxSelf = 0;
  interface Visit {
    node: TreeNode;
    level: number;
    x: number;
    isRoot: boolean;
  }
  const stack: Visit[] = [{ node: { ...root, self: 0, total }, level: 0, x: 0, isRoot: true }];
  while (stack.length > 0) {
    const { node, level, x, isRoot } = stack.pop()!;
    let idx = 0;
    if (!isRoot) {
      const known = nameIndex.get(node.name);
      if (known === undefined) {
        idx = names.length;
        names.push(node.name);
        nameIndex.set(node.name, idx);
      } else {
        idx = known;
      }
    }
    (rows[level] ??= []).push({ x, total: node.total, self: node.self, name: idx });
    maxSelf = Math.max(maxSelf, node.self);
    const { kept, other } = keptChildren(node, minVal);
    let offset = x + node.self;
    const visits: Visit[] = [];
    for (const child of kept) {
      visits.push({ node: child, level: level + 1, x: offset, isRoot: false });
      offset += child.total;
    }
    if (other > 0) {
      visits.push({
        node: { name: OTHER, self: other, total: other, children: [] },
        level: level + 1,
        x: offset,
        isRoot: false,
      });
    }
    // Pushed left to right, so the rightmost child is visited first.
    stack.push(...visits);
  }
  const levels = rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const values: number[] = [];
    let end = 0;
    for (const n of row) {
      values.push(n.x - end, n.total, n.self, n.name);
      end = n.x + n.total;
    }
    return values;
  });
  return { names, levels, total, maxSelf };
}

/** MarshalTruncate: pre-order, virtual empty root first, siblings in descending name order, uvarints. */
export function marshalTree(root: TreeNode, minVal: number): Uint8Array {
  if (root.children.length === 0) {
    return new Uint8Array(0);
  }
  const truncated = truncateTree(root, minVal);
  const out: number[] = [];
  const uvarint = (v: number) => {
    let n = v;
    while (n >= 0x80) {
      out.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    out.push(n);
  };
  const stack: TreeNode[] = [{ name: '', self: 0, total: truncated.total, children: truncated.children }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const name = Buffer.from(node.name, 'utf8');
    uvarint(name.length);
    out.push(...name);
    uvarint(node.self);
    uvarint(node.children.length);
    stack.push(...node.children);
  }
  return Uint8Array.from(out);
}
