// Frames that have no source file to fetch: the runtime's own work (garbage collection, the engine, regular
// expressions) and methods written in C. For them the panel says why there is no source instead of asking the
// source server for a file that cannot exist.

export interface NoSourceReason {
  title: string;
  detail: string;
}

const V8_GC = new Set(['Garbage Collection', '(garbage collector)']);
const V8_OWN = new Set(['(program)', '(idle)', '(root)', 'Node.js', '(Node.js)']);
const RUBY_GC = new Set(['(marking)', '(sweeping)', '(garbage collection)', '(GC)']);
/**
 * Pyroscope's Java agent writes no file for any frame, only class-qualified names (`com/acme/Foo.bar`): the source
 * server finds the class file from the name (server/src/resolve/resolver.ts languageOfFrame).
 */
const JAVA_FRAME_NAME = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)+\.[\w$<>]+$/;

/** The reason as the panel's "Source not loaded: …" sentence continues it. */
export function noSourceSentence(reason: NoSourceReason): string {
  return `${reason.title.charAt(0).toLowerCase()}${reason.title.slice(1)}, which has no source file. ${reason.detail}`;
}

/** Why a frame has no source, or undefined when it has a file worth looking up. */
export function whyNoSourceFile(functionName: string, fileName: string): NoSourceReason | undefined {
  const file = fileName.trim();
  if (file === '<cfunc>') {
    return {
      title: 'A method written in C',
      detail: `${functionName || 'This method'} is part of Ruby or of a C extension, so it has no Ruby file. Its time is also counted on the Ruby line that called it.`,
    };
  }
  if (file !== '' || JAVA_FRAME_NAME.test(functionName)) {
    return undefined;
  }
  if (RUBY_GC.has(functionName)) {
    return {
      title: 'Ruby’s garbage collector',
      detail: `${functionName} is a phase of Ruby’s garbage collection, not code of the service. Allocating less on the hot lines makes it shorter.`,
    };
  }
  if (V8_GC.has(functionName)) {
    return {
      title: 'Garbage collection',
      detail:
        'Time V8 spent collecting garbage, not in any line of the service. Allocating less on the hot lines makes it shorter.',
    };
  }
  if (V8_OWN.has(functionName)) {
    return {
      title: 'The engine’s own work',
      detail: `${functionName} is time in V8 or Node.js itself (native code, the event loop, idle), outside any JavaScript file.`,
    };
  }
  if (functionName.startsWith('RegExp: ')) {
    return {
      title: 'A regular expression',
      detail: `V8 runs the regular expression /${functionName.slice('RegExp: '.length)}/ in its own compiled matcher, so it has no source file; the line that uses it is in the calling function.`,
    };
  }
  return {
    title: 'No file in the profile',
    detail: `The profiler recorded ${functionName ? `“${functionName}”` : 'this frame'} without a file: native or built-in code of the runtime, which has no source to show.`,
  };
}
