// What the panel says about a frame without source (noSource.ts tells which case it is), through @grafana/i18n.
import { t } from '@grafana/i18n';

/** Why a frame has no source file (whyNoSourceFile in noSource.ts tells which). */
export type NoSourceReason =
  | { kind: 'c-method'; functionName: string }
  | { kind: 'ruby-gc'; functionName: string }
  | { kind: 'gc' }
  | { kind: 'engine'; functionName: string }
  | { kind: 'regexp'; pattern: string }
  | { kind: 'no-file'; functionName: string };

// constants.ts's PLAIN_TEXT, which the domain layer may not import: names go into React's text unescaped.
const PLAIN_TEXT = { escapeValue: false } as const;

/** The reason's heading: "Garbage collection". */
export function noSourceTitle(reason: NoSourceReason): string {
  switch (reason.kind) {
    case 'c-method':
      return t('domain.no-source.c-method.title', 'A method written in C');
    case 'ruby-gc':
      return t('domain.no-source.ruby-gc.title', 'Ruby’s garbage collector');
    case 'gc':
      return t('domain.no-source.gc.title', 'Garbage collection');
    case 'engine':
      return t('domain.no-source.engine.title', 'The engine’s own work');
    case 'regexp':
      return t('domain.no-source.regexp.title', 'A regular expression');
    case 'no-file':
      return t('domain.no-source.no-file.title', 'No file in the profile');
  }
}

/** What the frame is and what to do about it. */
export function noSourceDetail(reason: NoSourceReason): string {
  switch (reason.kind) {
    case 'c-method':
      return reason.functionName
        ? t(
            'domain.no-source.c-method.detail',
            '{{name}} is part of Ruby or of a C extension, so it has no Ruby file. Its time is also counted on the Ruby line that called it.',
            { name: reason.functionName, interpolation: PLAIN_TEXT }
          )
        : t(
            'domain.no-source.c-method.detail-unnamed',
            'This method is part of Ruby or of a C extension, so it has no Ruby file. Its time is also counted on the Ruby line that called it.'
          );
    case 'ruby-gc':
      return t(
        'domain.no-source.ruby-gc.detail',
        '{{name}} is a phase of Ruby’s garbage collection, not code of the service. Allocating less on the hot lines makes it shorter.',
        { name: reason.functionName, interpolation: PLAIN_TEXT }
      );
    case 'gc':
      return t(
        'domain.no-source.gc.detail',
        'Time V8 spent collecting garbage, not in any line of the service. Allocating less on the hot lines makes it shorter.'
      );
    case 'engine':
      return t(
        'domain.no-source.engine.detail',
        '{{name}} is time in V8 or Node.js itself (native code, the event loop, idle), outside any JavaScript file.',
        { name: reason.functionName, interpolation: PLAIN_TEXT }
      );
    case 'regexp':
      return t(
        'domain.no-source.regexp.detail',
        'V8 runs the regular expression /{{pattern}}/ in its own compiled matcher, so it has no source file; the line that uses it is in the calling function.',
        { pattern: reason.pattern, interpolation: PLAIN_TEXT }
      );
    case 'no-file':
      return reason.functionName
        ? t(
            'domain.no-source.no-file.detail',
            'The profiler recorded “{{name}}” without a file: native or built-in code of the runtime, which has no source to show.',
            { name: reason.functionName, interpolation: PLAIN_TEXT }
          )
        : t(
            'domain.no-source.no-file.detail-unnamed',
            'The profiler recorded this frame without a file: native or built-in code of the runtime, which has no source to show.'
          );
  }
}

/** The reason as the panel's "Source not loaded: …" sentence continues it. */
export function noSourceSentence(reason: NoSourceReason): string {
  const detail = noSourceDetail(reason);
  switch (reason.kind) {
    case 'c-method':
      return t('domain.no-source.c-method.sentence', 'a method written in C, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
    case 'ruby-gc':
      return t('domain.no-source.ruby-gc.sentence', 'Ruby’s garbage collector, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
    case 'gc':
      return t('domain.no-source.gc.sentence', 'garbage collection, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
    case 'engine':
      return t('domain.no-source.engine.sentence', 'the engine’s own work, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
    case 'regexp':
      return t('domain.no-source.regexp.sentence', 'a regular expression, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
    case 'no-file':
      return t('domain.no-source.no-file.sentence', 'no file in the profile, which has no source file. {{detail}}', {
        detail,
        interpolation: PLAIN_TEXT,
      });
  }
}
