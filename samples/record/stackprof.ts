/**
 * stackprof's `--method` report as numbers: per source line, the samples in which that line was on the stack
 * (`total`) and at the top of it (`self`).
 *
 * stackprof counts a sample once per frame: where a method's line is on the stack twice (recursion, or a block
 * called from a line of the same method, which stackprof folds into the method), that sample counts twice on it,
 * so a line's total can pass the method's. Linescope, like `pprof -list`, counts a sample once per line.
 */

export interface StackprofLine {
  line: number;
  total: number;
  self: number;
}

export interface StackprofReport {
  /** The method given to --method, e.g. Shop::Catalog#search. */
  method: string;
  command: string;
  /** The file named in the report's header, as in the profile. */
  file: string;
  /** The header's "samples: N self / M total". */
  self: number;
  total: number;
  /** Only lines with samples, in line order. */
  lines: StackprofLine[];
  /** stackprof's output, unchanged. */
  text: string;
}

export interface StackprofFile {
  tool: string;
  /** The fixed workload both profilers ran. */
  workload: string;
  /** All samples of the stackprof run (the base of its percentages). */
  samples: number;
  reports: StackprofReport[];
}

const HEADER = /^(.+) \((.+):(\d+)\)$/;
const SAMPLES = /^\s*samples:\s+(\d+) self \([\d.]+%\)\s+\/\s+(\d+) total \([\d.]+%\)/;
const ROW = /^\s*(\d+)\s+\(\s*[\d.]+%\)\s+\/\s+(\d+)\s+\(\s*[\d.]+%\)\s+\|\s+(\d+)\s+\|/;

/** Parses the first report of `method` in `stackprof <dump> --method <method>` output. */
export function parseStackprofMethod(
  text: string,
  method: string
): Omit<StackprofReport, 'method' | 'command' | 'text'> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => HEADER.exec(l)?.[1] === method);
  if (start < 0) {
    throw new Error(`stackprof output has no report for ${method}`);
  }
  const header = HEADER.exec(lines[start])!;
  const samples = SAMPLES.exec(lines[start + 1] ?? '');
  if (!samples) {
    throw new Error(`stackprof report for ${method} has no "samples:" line`);
  }
  const rows: StackprofLine[] = [];
  for (const line of lines.slice(start + 2)) {
    if (HEADER.test(line)) {
      break;
    }
    const row = ROW.exec(line);
    if (row) {
      rows.push({ line: Number(row[3]), total: Number(row[1]), self: Number(row[2]) });
    }
  }
  return { file: header[2], self: Number(samples[1]), total: Number(samples[2]), lines: rows };
}
