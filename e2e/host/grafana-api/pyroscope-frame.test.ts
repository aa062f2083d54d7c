import { buildTree, toFlameGraph } from '../../pyroscope-double/function-tree';
import { emptyFlameGraphFrame, levelsToTree, nestedSetFrame, unitOf } from './pyroscope-frame';

// grafana-host.md §9.2 worked example: main;a;b=30, main;a=10, main;c=60.
const fg = {
  names: ['total', 'main', 'c', 'a', 'b'],
  levels: [[0, 100, 0, 0], [0, 100, 0, 1], [0, 40, 10, 3, 0, 60, 60, 2], [10, 30, 30, 4]],
};

describe('nested-set frame', () => {
  it('matches the frame Grafana returns for the worked example', () => {
    expect(nestedSetFrame(fg, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds')).toEqual({
      schema: {
        name: 'response',
        meta: { typeVersion: [0, 0], preferredVisualisationType: 'flamegraph' },
        fields: [
          { name: 'level', type: 'number', typeInfo: { frame: 'int64' } },
          { name: 'value', type: 'number', typeInfo: { frame: 'int64' }, config: { unit: 'ns' } },
          { name: 'self', type: 'number', typeInfo: { frame: 'int64' }, config: { unit: 'ns' } },
          { name: 'label', type: 'enum', typeInfo: { frame: 'enum' }, config: { type: { enum: { text: ['total', 'main', 'a', 'b', 'c'] } } } },
        ],
      },
      data: { values: [[0, 1, 2, 3, 2], [100, 100, 40, 30, 60], [0, 0, 10, 30, 60], [0, 1, 2, 3, 4]] },
    });
  });

  it('round-trips any querier flame graph: children inside parents, pre-order rows', () => {
    const stacks = Array.from({ length: 200 }, (_, i) => ({
      names: ['main', `f${i % 7}`, `g${i % 3}`, ...(i % 2 ? ['h'] : [])],
      value: (i % 11) + 1,
    }));
    const levels = toFlameGraph(buildTree(stacks), 0);
    const frame = nestedSetFrame(levels, 'memory:alloc_space:bytes:space:bytes');
    const [lv, value, self] = frame.data.values as number[][];
    expect(value[0]).toBe(levels.total);
    // Each node's value = its self + the values of its direct children.
    for (let i = 0; i < lv.length; i++) {
      let children = 0;
      for (let j = i + 1; j < lv.length && lv[j] > lv[i]; j++) {
        if (lv[j] === lv[i] + 1) {
          children += value[j];
        }
      }
      expect(self[i] + children).toBe(value[i]);
    }
    expect((frame.schema.fields[1].config as { unit: string }).unit).toBe('bytes');
  });

  it('gives the empty frame for no levels and maps units', () => {
    expect(levelsToTree({ names: [], levels: [] })).toBeUndefined();
    expect(nestedSetFrame({ names: [], levels: [] }, 'x:y:count:a:b')).toEqual(emptyFlameGraphFrame());
    expect(emptyFlameGraphFrame().schema.fields[3]).toEqual({ name: 'label', type: 'string', typeInfo: { frame: 'string' } });
    expect([unitOf('a:b:nanoseconds:c:d'), unitOf('a:b:count:c:d'), unitOf('a:b:bytes:c:d')]).toEqual(['ns', 'short', 'bytes']);
  });
});
