// What `linescope annotate` and the annotate_function tool share: profile → per-file numbers → source beside them.
import { type AnnotateOptions, type AnnotatedFile, annotate, type Annotation } from './annotate';
import { type RenderedFile } from './render';
import type { SourceFiles } from './sourceFiles';

export interface AnnotateResult {
  annotation: Annotation;
  rendered: RenderedFile[];
  /** The JSON the command prints and the tool returns: one element per file. */
  json: AnnotatedFile[];
}

export async function annotateWithSource(
  profile: Uint8Array,
  functionName: string,
  options: AnnotateOptions,
  source: SourceFiles | undefined
): Promise<AnnotateResult> {
  const annotation = annotate(profile, functionName, options);
  const rendered = await Promise.all(
    annotation.files.map(async (file): Promise<RenderedFile> => {
      const base = { annotated: file.annotated, startLine: file.startLine };
      if (!source) {
        return base;
      }
      const found = await source.read(file);
      if ('missing' in found) {
        return { ...base, sourceNote: found.missing };
      }
      return { ...base, source: found.text.split(/\r?\n/), sourceNote: found.from };
    })
  );
  const json = rendered.map(({ annotated, source: lines }) => ({
    ...annotated,
    lines: annotated.lines.map((l) =>
      lines && lines[l.line - 1] !== undefined ? { ...l, text: lines[l.line - 1] } : l
    ),
  }));
  return { annotation, rendered, json };
}
