import { createDataFrame, FieldType } from '@grafana/data';
import { callSiteAt, labelAt } from './callSite';

// The §9.2 example frame (main;a;b=30, main;a=10, main;c=60) with Pyroscope's enum labels.
const frame = createDataFrame({
  fields: [
    { name: 'level', type: FieldType.number, values: [0, 1, 2, 3, 2] },
    { name: 'value', type: FieldType.number, values: [100, 100, 40, 30, 60] },
    { name: 'self', type: FieldType.number, values: [0, 0, 10, 30, 60] },
    {
      name: 'label',
      type: FieldType.enum,
      values: [0, 1, 2, 3, 4],
      config: { type: { enum: { text: ['total', 'main', 'a', 'b', 'c'] } } },
    },
  ],
});

describe('call-site path', () => {
  it('reads enum and string labels', () => {
    expect(labelAt(frame, 3)).toBe('b');
    const strings = createDataFrame({ fields: [{ name: 'label', type: FieldType.string, values: ['total', 'x'] }] });
    expect(labelAt(strings, 1)).toBe('x');
  });

  it('builds the root-first path without the synthetic root', () => {
    expect(callSiteAt(frame, 3)).toEqual(['main', 'a', 'b']);
    expect(callSiteAt(frame, 4)).toEqual(['main', 'c']);
    expect(callSiteAt(frame, 1)).toEqual(['main']);
    expect(callSiteAt(frame, 0)).toEqual([]);
  });

  it('follows the right parent among same-named siblings at other positions', () => {
    // total → main → {work → io, serve → work → io}: the second io's path goes through serve.
    const f = createDataFrame({
      fields: [
        { name: 'level', type: FieldType.number, values: [0, 1, 2, 3, 2, 3, 4] },
        { name: 'value', type: FieldType.number, values: [7, 7, 2, 1, 5, 3, 1] },
        { name: 'self', type: FieldType.number, values: [0, 0, 1, 1, 2, 2, 1] },
        { name: 'label', type: FieldType.string, values: ['total', 'main', 'work', 'io', 'serve', 'work', 'io'] },
      ],
    });
    expect(callSiteAt(f, 6)).toEqual(['main', 'serve', 'work', 'io']);
  });

  it('rejects rows outside the frame and malformed frames', () => {
    expect(() => callSiteAt(frame, 9)).toThrow(/outside/);
    const broken = createDataFrame({
      fields: [
        { name: 'level', type: FieldType.number, values: [0, 2] },
        { name: 'label', type: FieldType.string, values: ['total', 'x'] },
      ],
    });
    expect(() => callSiteAt(broken, 1)).toThrow(/skips/);
  });
});
