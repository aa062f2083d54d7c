// How a change reads: shares as percentages of each whole, their difference in percentage points.

/** A share (0..1) as a percentage, as the per-line views show it. */
export function formatSharePercent(share: number): string {
  if (!Number.isFinite(share) || share === 0) {
    return '0%';
  }
  const pct = share * 100;
  if (Math.abs(pct) < 0.1) {
    return pct > 0 ? '<0.1%' : '>-0.1%';
  }
  return `${Math.abs(pct) >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** A change of share in percentage points, always signed ("+7.2 pp", "−17.8 pp", "±0 pp"). */
export function formatSharePoints(deltaShare: number): string {
  if (!Number.isFinite(deltaShare) || deltaShare === 0) {
    return '±0 pp';
  }
  const points = deltaShare * 100;
  const size = Math.abs(points);
  const text = size < 0.1 ? '<0.1' : size >= 10 ? size.toFixed(0) : size.toFixed(1);
  return `${points > 0 ? '+' : '−'}${text} pp`;
}

/** A signed change of a value, formatted by `format` for its size ("+640 ms", "−1.35 s"). */
export function formatSignedValue(delta: number, format: (value: number) => string): string {
  if (delta === 0) {
    return '±0';
  }
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}
