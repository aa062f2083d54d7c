import fc from 'fast-check';

import { PprofStrings, utf8Text } from './stringTable';

/** A string table over the bytes of these entries, laid end to end as in a profile. */
function tableOf(entries: Uint8Array[]) {
  const buf = new Uint8Array(entries.reduce((n, e) => n + e.length, 0));
  const strings = new PprofStrings(buf);
  let at = 0;
  for (const entry of entries) {
    buf.set(entry, at);
    strings.spans.add(at, at + entry.length);
    at += entry.length;
  }
  return strings.build();
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe('the string table, read in place', () => {
  it('finds a name by its bytes, as the decoder would read it', () => {
    const table = tableOf([utf8(''), utf8('main.work'), utf8('main.wore'), utf8('main.worker'), utf8('Größe')]);
    expect(table.is(1, utf8Text('main.work'))).toBe(true);
    expect(table.is(2, utf8Text('main.work'))).toBe(false);
    expect(table.is(3, utf8Text('main.work'))).toBe(false);
    expect(table.is(4, utf8Text('Größe'))).toBe(true);
    expect(table.get(4)).toBe('Größe');
    expect(table.is(0, utf8Text(''))).toBe(true);
  });

  it('drops one leading byte order mark, as TextDecoder does', () => {
    const table = tableOf([new Uint8Array([...BOM, ...utf8('f')]), new Uint8Array([...BOM, ...BOM, ...utf8('f')])]);
    expect(table.get(0)).toBe('f');
    expect(table.is(0, utf8Text('f'))).toBe(true);
    expect(table.is(0, utf8Text('\uFEFFf'))).toBe(false);
    expect(table.get(1)).toBe('\uFEFFf');
    expect(table.is(1, utf8Text('\uFEFFf'))).toBe(true);
    expect(table.is(1, utf8Text('f'))).toBe(false);
  });

  it('matches bad bytes only to the replacement character they decode to', () => {
    const table = tableOf([new Uint8Array([0x66, 0xff]), utf8('f\uFFFD')]);
    expect(table.is(0, utf8Text('f\uFFFD'))).toBe(true);
    expect(table.is(1, utf8Text('f\uFFFD'))).toBe(true);
    expect(table.is(0, utf8Text('f'))).toBe(false);
  });

  it("reads an index outside the table as '' (pprof's index 0)", () => {
    const table = tableOf([utf8(''), utf8('x')]);
    for (const index of [-1, 2, 1.5, 2 ** 53, Number.NaN]) {
      expect(table.get(index)).toBe('');
      expect(table.is(index, utf8Text(''))).toBe(true);
      expect(table.is(index, utf8Text('x'))).toBe(false);
    }
  });

  it('says a string is a text exactly when TextDecoder decodes it to that text, for any bytes', () => {
    const bytes = fc.uint8Array({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(bytes, { minLength: 1, maxLength: 6 }), bytes, fc.nat(), (entries, other, pick) => {
        const table = tableOf(entries);
        const decode = (b: Uint8Array) => new TextDecoder().decode(b);
        // Texts that some entry decodes to, and one that perhaps none does.
        for (const text of [decode(entries[pick % entries.length]), decode(other)]) {
          const wanted = utf8Text(text);
          entries.forEach((_, i) => expect(table.is(i, wanted)).toBe(table.get(i) === text));
        }
      })
    );
  });
});
