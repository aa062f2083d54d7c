/**
 * Golden answers: what `go tool pprof -list REGEX` prints for a profile, kept both as text and as numbers.
 *
 * `-list` prints, per function ("ROUTINE"), a header with the function's flat and cum (each the sum over the
 * listed lines, so cum can pass 100% of the total under recursion) and one row per source line:
 * flat, cum, line number, source. A "." means zero.
 */

export interface GoldenLine {
  line: number;
  flat: number;
  cum: number;
}

export interface GoldenFunction {
  name: string;
  file: string;
  /** The ROUTINE header's flat and cum: sums over the function's rows. */
  flat: number;
  cum: number;
  /** Only the rows with a non-zero flat or cum, in line order. */
  lines: GoldenLine[];
}

export interface GoldenReport {
  /** The -sample_index the numbers are in, e.g. cpu, samples, alloc_space. */
  sampleIndex: string;
  command: string;
  /** The "Total:" line: the sum of that sample index over all samples. */
  total: number;
  functions: GoldenFunction[];
  /** go tool pprof's output, unchanged. */
  text: string;
}

export interface GoldenFile {
  profile: string;
  tool: string;
  reports: GoldenReport[];
}

const ROUTINE = /^ROUTINE =+ (.+) in (.+)$/;
const HEADER = /^\s*(\S+)\s+(\S+) \(flat, cum\)/;
const ROW = /^\s*(\S+)\s+(\S+)\s+(\d+):/;

/** Parses `go tool pprof -list` output printed with `-unit=<unit>` (or none for counts) into numbers. */
export function parsePprofList(text: string, unit: string): Omit<GoldenReport, 'sampleIndex' | 'command' | 'text'> {
  const value = (token: string, where: string): number => {
    if (token === '.') {
      return 0;
    }
    const match = /^(\d+)([A-Za-z]*)$/.exec(token);
    if (!match || (match[2] !== unit && !(match[1] === '0' && match[2] === ''))) {
      throw new Error(`unexpected value "${token}" (${where}); expected an integer in "${unit}"`);
    }
    return Number(match[1]);
  };

  let total: number | undefined;
  const functions: GoldenFunction[] = [];
  let current: GoldenFunction | undefined;
  text.split('\n').forEach((line, i) => {
    const where = `line ${i + 1}`;
    const totalMatch = /^Total: (\S+)$/.exec(line);
    const routine = ROUTINE.exec(line);
    const header = HEADER.exec(line);
    const row = ROW.exec(line);
    if (totalMatch) {
      total = value(totalMatch[1], where);
    } else if (routine) {
      current = { name: routine[1], file: routine[2], flat: 0, cum: 0, lines: [] };
      functions.push(current);
    } else if (header && current) {
      current.flat = value(header[1], where);
      current.cum = value(header[2], where);
    } else if (row && current) {
      const flat = value(row[1], where);
      const cum = value(row[2], where);
      if (flat !== 0 || cum !== 0) {
        current.lines.push({ line: Number(row[3]), flat, cum });
      }
    }
  });
  if (total === undefined) {
    throw new Error('go tool pprof -list output has no "Total:" line');
  }
  return { total, functions };
}
