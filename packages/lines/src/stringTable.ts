/**
 * pprof's string table, indexed in place: where each string's bytes are, decoded only when asked for. The panel
 * needs a handful of a large profile's strings (the function's name, its files, the build ids), so comparing bytes
 * to find a function saves decoding the rest.
 */
import { Spans } from './spans';

/** A text to look for in the table, encoded once. */
export interface Utf8Text {
  text: string;
  bytes: Uint8Array;
  /**
   * U+FFFD is what a bad byte decodes to: bytes alone cannot tell whether a string decodes to such a text, so it is
   * looked for by decoding.
   */
  byDecoding: boolean;
}

export function utf8Text(text: string): Utf8Text {
  return { text, bytes: new TextEncoder().encode(text), byDecoding: text.includes('\uFFFD') };
}

export interface StringTable {
  count: number;
  /**
   * The string at `index` as pprof-format decodes it (TextDecoder: UTF-8, bad bytes replaced by U+FFFD, a leading
   * byte order mark dropped); '' for an index out of the table, as for pprof's reserved index 0.
   */
  get(index: number): string;
  /** Whether the string at `index` decodes to `text` (mostly without decoding it). */
  is(index: number, text: Utf8Text): boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

export class PprofStrings {
  /** Where each string's bytes are, filled while the profile is read. */
  readonly spans = new Spans();

  constructor(private readonly buf: Uint8Array) {}

  build(): StringTable {
    const { buf } = this;
    const { start, end, count } = this.spans;
    const decoded = new Map<number, string>();
    const decoder = new TextDecoder();
    const inTable = (index: number) => Number.isInteger(index) && index >= 0 && index < count;
    const get = (index: number): string => {
      if (!inTable(index)) {
        return '';
      }
      let text = decoded.get(index);
      if (text === undefined) {
        text = decoder.decode(buf.subarray(start[index], end[index]));
        decoded.set(index, text);
      }
      return text;
    };
    return {
      count,
      get,
      is(index, wanted) {
        if (!inTable(index) || wanted.byDecoding) {
          return get(index) === wanted.text;
        }
        let from = start[index];
        const to = end[index];
        // The decoder drops one leading byte order mark.
        if (to - from >= 3 && buf[from] === BOM[0] && buf[from + 1] === BOM[1] && buf[from + 2] === BOM[2]) {
          from += 3;
        }
        const bytes = wanted.bytes;
        if (to - from !== bytes.length) {
          return false;
        }
        for (let k = 0; k < bytes.length; k++) {
          if (buf[from + k] !== bytes[k]) {
            return false;
          }
        }
        return true;
      },
    };
  }
}
