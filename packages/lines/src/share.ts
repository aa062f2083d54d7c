// Shares read the same in the panel, the CLI and the MCP server's text.

/** A share of a whole as a percentage; "–" when there is no whole to compare with. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) {
    return '–';
  }
  const pct = (part / whole) * 100;
  if (part > 0 && pct < 0.1) {
    return '<0.1%';
  }
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}
