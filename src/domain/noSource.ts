// Frames that have no source file to fetch: the runtime's own work (garbage collection, the engine, regular
// expressions) and methods written in C. For them the panel says why there is no source instead of asking the
// source server for a file that cannot exist. The cases and their words are in noSourceText.ts.
import type { NoSourceReason } from './noSourceText';

export type { NoSourceReason };

const V8_GC = new Set(['Garbage Collection', '(garbage collector)']);
const V8_OWN = new Set(['(program)', '(idle)', '(root)', 'Node.js', '(Node.js)']);
const RUBY_GC = new Set(['(marking)', '(sweeping)', '(garbage collection)', '(GC)']);
/**
 * Pyroscope's Java agent writes no file for any frame, only class-qualified names (`com/acme/Foo.bar`): the source
 * server finds the class file from the name (server/src/resolve/resolver.ts languageOfFrame).
 */
const JAVA_FRAME_NAME = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)+\.[\w$<>]+$/;
const REGEXP_PREFIX = 'RegExp: ';

/** Why a frame has no source, or undefined when it has a file worth looking up. */
export function whyNoSourceFile(functionName: string, fileName: string): NoSourceReason | undefined {
  const file = fileName.trim();
  if (file === '<cfunc>') {
    return { kind: 'c-method', functionName };
  }
  if (file !== '' || JAVA_FRAME_NAME.test(functionName)) {
    return undefined;
  }
  if (RUBY_GC.has(functionName)) {
    return { kind: 'ruby-gc', functionName };
  }
  if (V8_GC.has(functionName)) {
    return { kind: 'gc' };
  }
  if (V8_OWN.has(functionName)) {
    return { kind: 'engine', functionName };
  }
  if (functionName.startsWith(REGEXP_PREFIX)) {
    return { kind: 'regexp', pattern: functionName.slice(REGEXP_PREFIX.length) };
  }
  return { kind: 'no-file', functionName };
}

// The Function details panel takes the sentence from here.
export { noSourceSentence } from './noSourceText';
