/**
 * The file a frame's path names, for every rule and for the `.pyroscope.yaml` mappings alike. Some runtimes wrap
 * the file's path: Node's ES modules report a `file://` URL, and RubyGems hides its Kernel#require from
 * backtraces as `<internal:/…/rubygems/core_ext/kernel_require.rb>` (with the real file's line numbers).
 */
const INTERNAL_PATH = /^<internal:(\/[^<>]+)>$/;

/**
 * `file:///srv/my%20app/index.mjs` → `/srv/my app/index.mjs`, `<internal:/usr/lib/ruby/x.rb>` → `/usr/lib/ruby/x.rb`,
 * unwrapped once; any other path (`node:fs`, Ruby's own `<internal:numeric>`) is itself.
 */
export function unwrapFramePath(path: string): string {
  if (path.startsWith('file://')) {
    try {
      return decodeURIComponent(new URL(path).pathname);
    } catch {
      return path.slice('file://'.length);
    }
  }
  return INTERNAL_PATH.exec(path)?.[1] ?? path;
}

/**
 * The forms a mapping prefix is matched against: unwrapped, then as the frame gives it (when it differs), so a
 * mapping written for either applies (one for `/app` or for `file:///app`).
 */
export function framePathForms(path: string): string[] {
  const unwrapped = unwrapFramePath(path);
  return unwrapped === path ? [path] : [unwrapped, path];
}
