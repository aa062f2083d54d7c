import { nestedSetFrame } from '../../host/grafana-api/pyroscope-frame';
import { buildTree, toFlameGraph } from '../../pyroscope-double/function-tree';
import { flameNodes, onlyNode, pointOf } from './flame-geometry';

function frameOf(stacks: Array<[string, number]>) {
  const fg = toFlameGraph(buildTree(stacks.map(([s, value]) => ({ names: s.split(';'), value }))), 0);
  return nestedSetFrame(fg, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds');
}

describe('flame graph geometry', () => {
  it('lays children out from the left edge of their parent, one row per level', () => {
    const { root, nodes } = flameNodes(
      frameOf([
        ['main;a;b', 30],
        ['main;a', 10],
        ['main;c', 60],
      ])
    );
    const at = (label: string) => onlyNode(nodes, label);
    expect([root.value, at('a').start, at('c').start, at('b').start]).toEqual([100, 0, 40, 0]);
    // main holds 100% of total and is its only child: it shares total's row (a collapsed group).
    expect([root.row, at('main').row, at('a').row, at('c').row, at('b').row]).toEqual([0, undefined, 1, 1, 2]);
    expect(pointOf(at('c'), root, 1000)).toEqual({ x: 440, y: 33 });
    expect(() => pointOf(at('main'), root, 1000)).toThrow('collapsed group');
  });

  it('refuses functions that appear at several call sites', () => {
    const { nodes } = flameNodes(
      frameOf([
        ['main;a;x', 5],
        ['main;b;x', 5],
      ])
    );
    expect(() => onlyNode(nodes, 'x')).toThrow('appears 2 times');
  });

  it('takes the outermost bar of a function that also runs inside itself', () => {
    const { nodes } = flameNodes(
      frameOf([
        ['main;s;each;s;each;s', 5],
        ['main;s;each;s', 3],
        ['main;s', 2],
      ])
    );
    const s = onlyNode(nodes, 's');
    expect([s.level, s.value, s.parent?.label]).toEqual([2, 10, 'main']);
    // Two separate call sites, each recursive, are still two.
    const two = flameNodes(
      frameOf([
        ['main;a;x;x', 5],
        ['main;b;x;x', 5],
      ])
    );
    expect(() => onlyNode(two.nodes, 'x')).toThrow('appears 2 times');
  });
});
