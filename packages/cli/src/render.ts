// Text renderings: the panel's view in a terminal (source beside self and total, the hottest lines marked) and the
// hottest functions. Numbers in the profile's unit, "." for a line without samples as `pprof -list` prints it.
import { formatShare, type FunctionCost, type TopFunctions } from '@linescope/lines';

import type { AnnotatedFile, AnnotatedLine, Annotation } from './annotate';
import { formatValue } from './format';

/** No function is believed longer than this: a declared start further above the first sample is not trusted. */
const MAX_FUNCTION_LINES = 2000;
/** How many of the hottest lines are marked. */
const MARKED_LINES = 3;

export interface RenderedFile {
  annotated: AnnotatedFile;
  startLine?: number;
  /** The file's lines (without line ends), when its source was found. */
  source?: string[];
  /** Where the source came from, or why there is none. */
  sourceNote?: string;
}

/** The lines to print: with source, the function's span (declared start to last sampled line); else the sampled ones. */
function shownLines(file: RenderedFile, compact: boolean): AnnotatedLine[] {
  const { lines } = file.annotated;
  const source = file.source;
  if (!source || compact || lines.length === 0) {
    return lines.map((l) => ({ ...l, text: source?.[l.line - 1] }));
  }
  const first = lines[0].line;
  const last = lines[lines.length - 1].line;
  const declared = file.startLine;
  const start = declared && declared <= first && last - declared < MAX_FUNCTION_LINES ? declared : first;
  const end = Math.min(last, Math.max(source.length, first));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const shown: AnnotatedLine[] = [];
  for (let n = start; n <= end; n++) {
    shown.push({ line: n, self: byLine.get(n)?.self ?? 0, total: byLine.get(n)?.total ?? 0, text: source[n - 1] });
  }
  // A sampled line past the end of the file (the source is of another version) is still shown.
  return [...shown, ...lines.filter((l) => l.line > end)];
}

/** A sum in a header: 0 rather than pprof's "." for a row. */
function formatSum(value: number, unit: string): string {
  return value === 0 ? '0' : formatValue(value, unit);
}

/** The lines the eye should go to: highest total, then highest self; only lines with samples. */
export function hottestLines(lines: AnnotatedLine[], count = MARKED_LINES): Set<number> {
  const ranked = lines
    .filter((l) => l.total > 0)
    .sort((a, b) => b.total - a.total || b.self - a.self || a.line - b.line)
    .slice(0, count);
  return new Set(ranked.map((l) => l.line));
}

/** One function, per file: a header with its self and total, then self, total, line and source per line. */
export function renderAnnotation(annotation: Annotation, files: RenderedFile[], options: { compact?: boolean } = {}) {
  const { unit, sampleType } = annotation;
  const out: string[] = [];
  if (annotation.truncated) {
    const { cutValue, profileTotal } = annotation.truncated;
    out.push(
      `note: Pyroscope cut ${formatShare(cutValue, profileTotal)} of this profile's ${sampleType} to keep it under ` +
        'its node limit: the numbers may be low'
    );
  }
  for (const file of files) {
    const { annotated } = file;
    const lines = shownLines(file, options.compact ?? false);
    const hottest = hottestLines(annotated.lines);
    const width = Math.max(7, ...lines.map((l) => formatValue(Math.max(l.self, l.total), unit).length));
    const lineWidth = String(Math.max(1, ...lines.map((l) => l.line))).length;
    out.push(`${annotated.function}  ${annotated.file}`);
    out.push(
      `${sampleType} (${unit}): self ${formatSum(annotated.self, unit)}, total ${formatSum(annotated.total, unit)}` +
        (file.sourceNote ? `; source: ${file.sourceNote}` : '')
    );
    out.push(`${'self'.padStart(width)} ${'total'.padStart(width)}   ${'line'.padStart(lineWidth)}`);
    for (const line of lines) {
      const mark = hottest.has(line.line) ? '>' : ' ';
      const text = line.text === undefined ? '' : `  ${line.text.replace(/\t/g, '    ')}`;
      out.push(
        `${formatValue(line.self, unit).padStart(width)} ${formatValue(line.total, unit).padStart(width)} ${mark} ` +
          `${String(line.line).padStart(lineWidth)}${text}`.trimEnd()
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** The hottest functions: self and total with their shares of the profile, then the name and its file. */
export function renderTop(top: TopFunctions, functions: FunctionCost[]): string {
  const { unit, profileTotal } = top;
  const cells = functions.map((fn) => [
    formatValue(fn.self, unit),
    formatShare(fn.self, profileTotal),
    formatValue(fn.total, unit),
    formatShare(fn.total, profileTotal),
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(['self', 'self%', 'total', 'total%'][i].length, ...cells.map((c) => c[i].length))
  );
  const row = (c: string[]) => c.map((cell, i) => cell.padStart(widths[i])).join('  ');
  const out = [
    `${top.sampleType} (${unit}), profile total ${formatSum(profileTotal, unit)}; ${functions.length} of ${top.functions.length} functions`,
    `${row(['self', 'self%', 'total', 'total%'])}  function`,
  ];
  functions.forEach((fn, i) => {
    const files = fn.files.filter(Boolean);
    out.push(`${row(cells[i])}  ${fn.name}${files.length ? `  (${files.join(', ')})` : ''}`);
  });
  return out.join('\n') + '\n';
}
