import { createDataFrame, FieldType } from '@grafana/data';
import { type ClickedItem, functionDetailsMenu, selectionFor, selectionForRows } from './contextMenu';
import { indexFunctions } from './functionIndex';

// total → main → {work → io, serve → work → io}
const frame = createDataFrame({
  fields: [
    { name: 'level', type: FieldType.number, values: [0, 1, 2, 3, 2, 3, 4] },
    { name: 'value', type: FieldType.number, values: [7, 7, 2, 1, 5, 3, 1] },
    { name: 'self', type: FieldType.number, values: [0, 0, 1, 1, 2, 2, 1] },
    { name: 'label', type: FieldType.string, values: ['total', 'main', 'work', 'io', 'serve', 'work', 'io'] },
  ],
});

const clicked = (itemIndexes: number[], level = 1): ClickedItem =>
  ({ posX: 0, posY: 0, label: '', item: { start: 0, value: 1, itemIndexes, children: [], level } }) as ClickedItem;

describe('Function details menu item', () => {
  it('selects the exact path of a plain node', () => {
    expect(selectionFor(clicked([6], 4), frame)).toEqual({
      callSite: ['main', 'serve', 'work', 'io'],
      functionName: 'io',
      callSiteCount: 1,
    });
  });

  it('narrows a node that merges several places (sandwich view) to their shared prefix', () => {
    // Sandwich view on "work": its node stands for rows 2 and 5, drawn at level 0 of the callees graph.
    expect(selectionFor(clicked([2, 5], 0), frame)).toEqual({
      callSite: ['main'],
      functionName: 'work',
      callSiteCount: 2,
    });
  });

  it('is absent on the root, even when a view draws another node at level 0', () => {
    const menu = functionDetailsMenu(true, jest.fn())!;
    expect(menu(clicked([0], 0), frame, { isDiff: false, search: '' } as never)).toEqual([]);
    expect(menu(clicked([2, 5], 0), frame, { isDiff: false, search: '' } as never).map((b) => b.label)).toEqual([
      'Function details',
    ]);
  });

  it('is absent when the feature is off', () => {
    expect(functionDetailsMenu(false, jest.fn())).toBeUndefined();
  });

  it('hands the selection to the page when clicked', () => {
    const open = jest.fn();
    functionDetailsMenu(true, open)!(clicked([3], 3), frame, { isDiff: false, search: '' } as never)[0].onClick();
    expect(open).toHaveBeenCalledWith({ callSite: ['main', 'work', 'io'], functionName: 'io', callSiteCount: 1 });
  });
});

describe('function index (picking a function by name)', () => {
  it('lists every function once, hottest first, with all its rows', () => {
    expect(indexFunctions(frame).map((e) => [e.name, e.rows, e.total])).toEqual([
      ['main', [1], 7],
      ['serve', [4], 5],
      ['work', [2, 5], 5],
      ['io', [3, 6], 2],
    ]);
  });

  it('counts a recursive function once', () => {
    const recursive = createDataFrame({
      fields: [
        { name: 'level', type: FieldType.number, values: [0, 1, 2, 3] },
        { name: 'value', type: FieldType.number, values: [9, 9, 6, 4] },
        { name: 'label', type: FieldType.string, values: ['total', 'f', 'f', 'f'] },
      ],
    });
    expect(indexFunctions(recursive)).toEqual([{ name: 'f', rows: [1, 2, 3], total: 9 }]);
  });

  it('selects all call sites of a picked function', () => {
    expect(selectionForRows(frame, [3, 6])).toEqual({ callSite: ['main'], functionName: 'io', callSiteCount: 2 });
  });
});
