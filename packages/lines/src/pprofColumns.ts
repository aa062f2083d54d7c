// The column shapes a pprof's tables are read into (typed arrays, no object per entry), shared by the reader and
// the table readers.

export interface PprofFunctions {
  count: number;
  id: Float64Array;
  name: Float64Array;
  filename: Float64Array;
  startLine: Float64Array;
}

/** Locations as columns; the line entries of location i are [lineStart[i], lineStart[i + 1]), innermost first. */
export interface PprofLocations {
  count: number;
  id: Float64Array;
  mappingId: Float64Array;
  lineStart: Int32Array;
  lineFunctionId: Float64Array;
  lineNumber: Float64Array;
}

/**
 * One location: its id, its mapping's id, and its line entries (innermost first) as the first `lineCount` entries
 * of buffers reused between calls.
 */
export type LocationVisitor = (
  id: number,
  mappingId: number,
  lineFunctionIds: Float64Array,
  lineNumbers: Float64Array,
  lineCount: number
) => void;
