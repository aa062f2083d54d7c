// The floor of any pprof reader that reads the numbers: one walk over the profile's bytes that reads every tag and
// steps over every varint (packed ones included), descends into every message pprof nests, skips strings by their
// length, and keeps nothing but a count. No decoder objects, no tables: whatever reads the per-line numbers does at
// least this much.

let buf: Uint8Array = new Uint8Array(0);
let pos = 0;
let count = 0;

/** A tag or a length (both fit 32 bits in any profile that fits memory). */
function readSmall(): number {
  let b = buf[pos++];
  let value = b & 0x7f;
  for (let shift = 7; b >= 0x80 && shift < 35; shift += 7) {
    b = buf[pos++];
    value |= (b & 0x7f) << shift;
  }
  count++;
  return value >>> 0;
}

/** Steps over a varint without computing it. */
function skipVarint(): void {
  while (buf[pos++] >= 0x80) {
    // every byte with the continuation bit
  }
  count++;
}

function skipOther(wireType: number): void {
  if (wireType === 1) {
    pos += 8;
  } else if (wireType === 5) {
    pos += 4;
  } else {
    throw new Error(`wire type ${wireType} at byte ${pos}`);
  }
}

/** A message of varints only (value type, mapping, function, line, label). */
function scanFlat(end: number): void {
  while (pos < end) {
    const tag = readSmall();
    if ((tag & 7) === 0) {
      skipVarint();
    } else if ((tag & 7) === 2) {
      pos += readSmall();
    } else {
      skipOther(tag & 7);
    }
  }
}

/** Messages whose length-delimited fields are packed varints (sample) or nested flat messages (location). */
function scanNesting(end: number, packed: boolean): void {
  while (pos < end) {
    const tag = readSmall();
    if ((tag & 7) === 0) {
      skipVarint();
    } else if ((tag & 7) === 2) {
      const fieldEnd = readSmall() + pos;
      if (packed && tag >>> 3 !== 3) {
        while (pos < fieldEnd) {
          skipVarint();
        }
      } else {
        scanFlat(fieldEnd); // a sample's label, a location's line
      }
    } else {
      skipOther(tag & 7);
    }
  }
}

/** Returns how many varints the profile holds (tags, lengths and values), so that the walk is not optimised away. */
export function scanVarints(bytes: Uint8Array): number {
  buf = bytes;
  pos = 0;
  count = 0;
  while (pos < buf.length) {
    const tag = readSmall();
    const field = tag >>> 3;
    if ((tag & 7) === 0) {
      skipVarint();
    } else if ((tag & 7) === 2) {
      const end = readSmall() + pos;
      if (field === 2) {
        scanNesting(end, true);
      } else if (field === 4) {
        scanNesting(end, false);
      } else if (field === 6) {
        pos = end; // a string
      } else {
        scanFlat(end); // sample type, mapping, function, period type
      }
    } else {
      skipOther(tag & 7);
    }
  }
  buf = new Uint8Array(0);
  return count;
}
