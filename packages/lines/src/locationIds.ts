/**
 * Location id → position in the location table (-1: unknown id). pprof ids are usually 1..n: then a table indexed
 * by id (`dense`) is the cheapest lookup; scattered ids get a Map (`sparse`). The sample loops read the two fields
 * inline rather than through a function call.
 */
export interface LocationPositions {
  dense: Int32Array | undefined;
  sparse: Map<number, number> | undefined;
}

export function locationPositions(id: ArrayLike<number>, count: number): LocationPositions {
  let maxId = 0;
  for (let i = 0; i < count; i++) {
    maxId = Math.max(maxId, id[i]);
  }
  if (maxId <= 4 * count + 1024) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    for (let i = 0; i < count; i++) {
      dense[id[i]] = i;
    }
    return { dense, sparse: undefined };
  }
  const sparse = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    sparse.set(id[i], i);
  }
  return { dense: undefined, sparse };
}
