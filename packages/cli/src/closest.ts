// "No such function": the names of the profile a user most likely meant, so they can copy one.

/** Levenshtein distance, with the row cut short past `limit` (names are short, profiles have thousands). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return previous[b.length];
}

/** The last part of a qualified name: `handleRequest` of `main.handleRequest` or `com/acme/Shop.search`. */
function shortName(name: string): string {
  return (
    name
      .split(/[./:#\\]/)
      .filter(Boolean)
      .pop() ?? name
  );
}

/**
 * Up to `count` names closest to `query`: names containing it (case aside) first, shortest first; then names whose
 * full or short form is a few edits away. Names far from it are not offered.
 */
export function closestNames(query: string, names: Iterable<string>, count = 5): string[] {
  const wanted = query.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of new Set(names)) {
    const lower = name.toLowerCase();
    if (lower.includes(wanted) || (wanted.includes(lower) && lower.length >= 3)) {
      scored.push({ name, score: Math.abs(lower.length - wanted.length) / 1000 });
      continue;
    }
    const edits = Math.min(distance(wanted, lower, limit), distance(shortName(wanted), shortName(lower), limit));
    if (edits <= limit) {
      scored.push({ name, score: edits });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, count)
    .map((s) => s.name);
}
