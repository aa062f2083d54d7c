// A pprof string table being built: entry 0 is "", each string is stored once and named by its index.
export interface StringTable {
  strings: string[];
  index(text: string): bigint;
}

export function newStringTable(): StringTable {
  const strings = [''];
  const indexes = new Map<string, bigint>([['', 0n]]);
  return {
    strings,
    index(text) {
      let i = indexes.get(text);
      if (i === undefined) {
        i = BigInt(strings.length);
        strings.push(text);
        indexes.set(text, i);
      }
      return i;
    },
  };
}
