// `linescope annotate` without I/O: one function of a pprof as the panel computes it, per file, as the JSON the
// command prints and the MCP tool returns; and the errors a user can act on.
import {
  computeFunctionDetails,
  type FunctionDetails,
  readPprof,
  type SampleTypeChoice,
  type SourceVersion,
  UnknownSampleTypeError,
} from '@linescope/lines';

import { closestNames } from './closest';
import { CliError } from './errors';

export const NO_SAMPLES =
  'the profile has no samples: for a Pyroscope query, check the service, the time range and the profile type';

export interface AnnotatedLine {
  line: number;
  self: number;
  total: number;
  /** The source line, when the source was found. */
  text?: string;
}

/** One file of the function: what `--format json` prints per element, and annotate_function returns. */
export interface AnnotatedFile {
  function: string;
  file: string;
  self: number;
  total: number;
  unit: string;
  /** Lines with samples, ascending (all the lines of the function's span once its source is known). */
  lines: AnnotatedLine[];
}

/** An annotated file with what it takes to find its source. */
export interface FileWithOrigin {
  annotated: AnnotatedFile;
  /** The smallest declared start line of the function in this file, when the profile records one. */
  startLine?: number;
  /** Where the binary's source is (Pyroscope's build id JSON), when the profile says. */
  version?: SourceVersion;
}

export interface Annotation {
  function: string;
  sampleType: string;
  unit: string;
  files: FileWithOrigin[];
  /** Set when Pyroscope cut the profile: the numbers may be low. */
  truncated?: FunctionDetails['truncated'];
}

export interface AnnotateOptions {
  sampleType?: SampleTypeChoice;
  file?: string;
}

/**
 * The function's self and total per line, grouped per file over every version (mapping) of it, as `pprof -list`
 * prints one routine per function and file. Throws CliError for a missing function (naming the closest ones), a
 * function whose frames have no line numbers, and a sample type the profile lacks (naming those it has).
 */
export function annotate(profile: Uint8Array, functionName: string, options: AnnotateOptions = {}): Annotation {
  let details: FunctionDetails;
  try {
    details = computeFunctionDetails(profile, functionName, {
      sampleType: options.sampleType,
      fileName: options.file,
    });
  } catch (error) {
    throw asCliError(error);
  }
  if (details.versions.length === 0) {
    throw missingFunction(profile, functionName, options.file);
  }
  const byFile = new Map<string, FileWithOrigin>();
  const linesByFile = new Map<string, Map<number, AnnotatedLine>>();
  for (const version of details.versions) {
    let entry = byFile.get(version.fileName);
    if (!entry) {
      entry = {
        annotated: { function: functionName, file: version.fileName, self: 0, total: 0, unit: details.unit, lines: [] },
      };
      byFile.set(version.fileName, entry);
      linesByFile.set(version.fileName, new Map());
    }
    entry.annotated.self += version.self;
    entry.annotated.total += version.total;
    if (version.startLine && (!entry.startLine || version.startLine < entry.startLine)) {
      entry.startLine = version.startLine;
    }
    entry.version ??= version.version;
    const lines = linesByFile.get(version.fileName)!;
    for (const cost of version.lines) {
      const sum = lines.get(cost.line) ?? { line: cost.line, self: 0, total: 0 };
      sum.self += cost.self;
      sum.total += cost.total;
      lines.set(cost.line, sum);
    }
  }
  for (const [file, entry] of byFile) {
    entry.annotated.lines = [...linesByFile.get(file)!.values()].sort((a, b) => a.line - b.line);
  }
  const files = [...byFile.values()].sort((a, b) => b.annotated.total - a.annotated.total);
  if (files.every((f) => f.annotated.lines.length === 0)) {
    const total = details.versions.reduce((sum, v) => sum + v.withoutLineNumber.total, 0);
    throw new CliError(
      `the profile has no line numbers for ${functionName} (its ${total} ${details.unit} of ${details.sampleType} ` +
        'are on frames without a line): it was recorded without line information (symbolised by address only, ' +
        'stripped debug info, or a runtime that does not report lines), so there is nothing to put beside the source'
    );
  }
  const annotation: Annotation = { function: functionName, sampleType: details.sampleType, unit: details.unit, files };
  if (details.truncated) {
    annotation.truncated = details.truncated;
  }
  return annotation;
}

/** A sample type error of the package, told the way the command line and the MCP tools speak. */
export function asCliError(error: unknown): unknown {
  if (error instanceof UnknownSampleTypeError) {
    const there = error.available.length ? error.available.join(', ') : 'none: the profile has no sample types';
    return new CliError(`the profile has no sample type ${JSON.stringify(error.choice)}; it has: ${there}`);
  }
  if (error instanceof Error && /^The profile (looks gzipped|is not a valid pprof)/.test(error.message)) {
    return new CliError(error.message);
  }
  return error;
}

function missingFunction(profile: Uint8Array, functionName: string, file: string | undefined): CliError {
  const functions = readPprof(profile).functions;
  if (functions.length === 0) {
    return new CliError(NO_SAMPLES);
  }
  const known = functions.filter((fn) => fn.name === functionName && (file === undefined || fn.filename === file));
  if (known.length > 0) {
    return new CliError(`${functionName} is in the profile, but none of its samples of this sample type reached it`);
  }
  if (file !== undefined && functions.some((fn) => fn.name === functionName)) {
    const files = [...new Set(functions.filter((fn) => fn.name === functionName).map((fn) => fn.filename))];
    return new CliError(`${functionName} is not in ${file}; its files: ${files.join(', ')}`);
  }
  const closest = closestNames(
    functionName,
    functions.map((fn) => fn.name)
  );
  const hint = closest.length
    ? `; closest names:\n${closest.map((name) => `  ${name}`).join('\n')}`
    : '; `linescope top <profile>` lists the functions it has';
  return new CliError(`no function named ${JSON.stringify(functionName)} in the profile${hint}`);
}
