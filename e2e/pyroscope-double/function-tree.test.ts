import { buildTree, marshalTree, minValue, toFlameGraph, truncateTree } from './function-tree';

// pyroscope-querier.md §3.5: main;a;b=30, main;a=10, main;c=60.
const stacks = [
  { names: ['main', 'a', 'b'], value: 30 },
  { names: ['main', 'a'], value: 10 },
  { names: ['main', 'c'], value: 60 },
];

describe('flame graph levels', () => {
  it('matches the worked example without truncation', () => {
    const fg = toFlameGraph(buildTree(stacks), 0);
    expect(fg).toEqual({
      names: ['total', 'main', 'c', 'a', 'b'],
      levels: [
        [0, 100, 0, 0],
        [0, 100, 0, 1],
        [0, 40, 10, 3, 0, 60, 60, 2],
        [10, 30, 30, 4],
      ],
      total: 100,
      maxSelf: 60,
    });
    expect(toFlameGraph(buildTree(stacks), 4)).toEqual(fg);
  });

  it('folds children below the maxNodes threshold into a right-most `other`', () => {
    const fg = toFlameGraph(buildTree(stacks), 2);
    expect(fg.names).toEqual(['total', 'main', 'other', 'c']);
    expect(fg.levels).toEqual([
      [0, 100, 0, 0],
      [0, 100, 0, 1],
      [0, 60, 60, 3, 0, 40, 40, 2],
    ]);
  });

  it('gives the empty graph shape for no data and ignores non-positive samples', () => {
    const tree = buildTree([
      { names: ['x'], value: 0 },
      { names: ['y'], value: -5 },
    ]);
    expect(tree.children).toEqual([]);
  });

  it('reuses index 0 for a function literally named total and orders siblings by bytes', () => {
    const fg = toFlameGraph(
      buildTree([
        { names: ['total'], value: 1 },
        { names: ['Z'], value: 1 },
        { names: ['a'], value: 1 },
      ]),
      0
    );
    expect(fg.names).toEqual(['total', 'a', 'Z']);
    // Z (0x5a) sorts before a (0x61) and before total: x offsets 0, 1, 2.
    expect(fg.levels[1]).toEqual([0, 1, 1, 2, 0, 1, 1, 1, 0, 1, 1, 0]);
  });
});

describe('minValue', () => {
  it('is 0 when the tree fits and the maxNodes-th largest total otherwise', () => {
    const tree = buildTree(stacks);
    expect(minValue(tree, 0)).toBe(0);
    expect(minValue(tree, 4)).toBe(0);
    expect(minValue(tree, 2)).toBe(60);
    expect(minValue(tree, 3)).toBe(40);
  });

  it('merges truncated children into an existing other node', () => {
    const tree = buildTree([
      { names: ['m', 'other'], value: 5 },
      { names: ['m', 'x'], value: 1 },
      { names: ['m', 'y'], value: 50 },
    ]);
    const t = truncateTree(tree, 5);
    expect(t.children[0].children.map((c) => [c.name, c.total])).toEqual([
      ['other', 6],
      ['y', 50],
    ]);
  });
});

describe('tree format', () => {
  it('serialises the worked example as Pyroscope does', () => {
    const hex = Buffer.from(marshalTree(buildTree(stacks), 0)).toString('hex');
    expect(hex).toBe('000001046d61696e000201633c0001610a0101621e00');
  });
  it('is empty for an empty tree', () => {
    expect(marshalTree(buildTree([]), 0)).toHaveLength(0);
  });
});
