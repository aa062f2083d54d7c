import { type DataFrame, FieldType } from '@grafana/data';

// The flame graph frame is a nested set in depth-first pre-order (grafana-host.md §9.2): each row's ancestors are,
// for every shallower level, the closest earlier row at that level. That is all it takes to rebuild the root-first
// stack of names Pyroscope's stackTraceSelector.call_site wants.

/** The name at a row; Pyroscope sends labels as an enum (indexes into config.type.enum.text). */
export function labelAt(frame: DataFrame, row: number): string {
  const field = frame.fields.find((f) => f.name === 'label');
  if (!field) {
    throw new Error('The flame graph frame has no label field');
  }
  const raw = field.values[row];
  if (field.type === FieldType.enum) {
    const text = field.config.type?.enum?.text?.[Number(raw)];
    if (text === undefined) {
      throw new Error(`Label index ${raw} at row ${row} is not in the frame's enum`);
    }
    return text;
  }
  return String(raw);
}

/**
 * Root-first function names from the outermost frame down to `row`, without the synthetic root ("total", level 0).
 * Empty for the root itself.
 */
export function callSiteAt(frame: DataFrame, row: number): string[] {
  const levels = frame.fields.find((f) => f.name === 'level')?.values;
  if (!levels) {
    throw new Error('The flame graph frame has no level field');
  }
  if (row < 0 || row >= frame.length) {
    throw new Error(`Row ${row} is outside the flame graph frame (${frame.length} rows)`);
  }
  const path: string[] = [];
  let want = Number(levels[row]);
  for (let r = row; r >= 0 && want > 0; r--) {
    const level = Number(levels[r]);
    if (level === want) {
      path.push(labelAt(frame, r));
      want--;
    } else if (level < want) {
      // A malformed frame (a level skipped): stop rather than invent ancestors.
      throw new Error(`The flame graph frame skips from level ${level} to ${want} at row ${r}`);
    }
  }
  return path.reverse();
}
