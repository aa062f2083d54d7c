import { sourceStretches, stretchRanges, viewItems } from './stretches';

describe('sourceStretches', () => {
  it('is the span alone when every sampled line is inside it', () => {
    expect(sourceStretches({ start: 38, end: 61 }, [40, 49, 60], 72)).toEqual([{ start: 38, end: 61, own: true }]);
  });

  it('shows an inlined helper far above the function apart from it, with context', () => {
    // A tokenizer at 6,278-6,300 with samples on 80-85, the body of a helper it inlined.
    const stretches = sourceStretches({ start: 6278, end: 6300 }, [80, 82, 85, 6280, 6290], 7000);
    expect(stretches).toEqual([
      { start: 78, end: 87, own: false },
      { start: 6278, end: 6300, own: true },
    ]);
    const items = viewItems(stretches, 7000);
    expect(items.filter((i) => i.kind === 'line')).toHaveLength(10 + 23);
    expect(items).toContainEqual({ kind: 'gap', from: 88, to: 6277 });
  });

  it('joins a stretch close to the span into it', () => {
    expect(sourceStretches({ start: 38, end: 61 }, [40, 67, 69], 72)).toEqual([{ start: 38, end: 71, own: true }]);
  });

  it('keeps a sampled line past the end of the file as a stretch of its own', () => {
    const stretches = sourceStretches({ start: 14, end: 24 }, [15, 133], 25);
    expect(stretches).toEqual([
      { start: 14, end: 24, own: true },
      { start: 133, end: 133, own: false },
    ]);
    // The gap stops at the file's last line: lines 26-132 do not exist, so they are not "hidden".
    expect(viewItems(stretches, 25)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => ({ kind: 'line', line: 14 + i })),
      { kind: 'gap', from: 25, to: 25 },
      { kind: 'line', line: 133 },
    ]);
  });

  it('never leaves a sampled line out, whatever the lines', () => {
    const cases: Array<[number, number, number[], number]> = [
      [1, 1, [1, 2, 3, 500, 501, 9000], 600],
      [100, 90, [5, 95, 100, 1000], 200],
      [50, 60, [], 10],
      [1, 10, [10_000, 20_000, 19_999], 100],
    ];
    for (const [start, end, sampled, fileLines] of cases) {
      const shown = new Set(
        viewItems(sourceStretches({ start, end }, sampled, fileLines), fileLines).flatMap((i) =>
          i.kind === 'line' ? [i.line] : []
        )
      );
      for (const line of sampled) {
        expect([line, shown.has(line)]).toEqual([line, true]);
      }
    }
  });

  it('shows a few dozen rows, not thousands, for a function with far samples', () => {
    const items = viewItems(sourceStretches({ start: 6000, end: 6020 }, [10, 3000, 6010], 9000), 9000);
    expect(items.length).toBeLessThan(40);
    expect(items.filter((i) => i.kind === 'gap')).toEqual([
      { kind: 'gap', from: 13, to: 2997 },
      { kind: 'gap', from: 3003, to: 5999 },
    ]);
  });
});

describe('stretchRanges', () => {
  it('names each stretch by its first and last line, one line by its number', () => {
    expect(
      stretchRanges([
        { start: 1, end: 3 },
        { start: 133, end: 133 },
        { start: 40, end: 41 },
      ])
    ).toEqual(['1–3', '133', '40–41']);
  });
});
