import { type DataFrame } from '@grafana/data';
import { labelAt } from './callSite';

// Every function in the flame graph frame with the rows it appears at, for picking a function by name (the
// keyboard way to Function details: the canvas itself can only be clicked).

export interface FunctionEntry {
  name: string;
  rows: number[];
  /** Sum of the totals of its outermost occurrences (recursion is not counted twice). */
  total: number;
}

export function indexFunctions(frame: DataFrame): FunctionEntry[] {
  const levels = frame.fields.find((f) => f.name === 'level')?.values ?? [];
  const values = frame.fields.find((f) => f.name === 'value')?.values ?? [];
  const byName = new Map<string, FunctionEntry>();
  // Per name, the level of the occurrence that currently encloses the walk (pre-order: a deeper row with the same
  // name inside it is recursion and adds no total).
  const enclosing = new Map<string, number>();
  const open: Array<{ name: string; level: number }> = [];
  for (let row = 0; row < frame.length; row++) {
    const level = Number(levels[row]);
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const closed = open.pop()!;
      if (enclosing.get(closed.name) === closed.level) {
        enclosing.delete(closed.name);
      }
    }
    if (level === 0) {
      continue;
    }
    const name = labelAt(frame, row);
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, rows: [], total: 0 };
      byName.set(name, entry);
    }
    entry.rows.push(row);
    if (!enclosing.has(name)) {
      entry.total += Number(values[row]) || 0;
      enclosing.set(name, level);
    }
    open.push({ name, level });
  }
  return [...byName.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}
