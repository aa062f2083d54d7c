/**
 * Which gem a Ruby frame's file lies in: `<GEM_HOME>/gems/<name>-<version>[-<platform>]/<file>`. Gem names may
 * hold dashes (`net-http`), so the version is the first dash-separated part that starts with a digit; what
 * follows it is the platform (`x86_64-linux`). Bundler's git checkouts (`bundler/gems/<repo>-<sha>`) are not
 * registry gems.
 */
export interface GemFrame {
  name: string;
  version: string;
  platform?: string;
  path: string;
}

const VERSION = /^\d+(\.[0-9a-zA-Z]+)*$/;

export function gemFrameOf(framePath: string): GemFrame | undefined {
  const segments = framePath.replace(/\\/g, '/').split('/');
  const at = segments.lastIndexOf('gems');
  if (at < 0 || segments[at - 1] === 'bundler' || segments.includes('..')) {
    return undefined;
  }
  const folder = segments[at + 1];
  const inside = segments.slice(at + 2);
  if (!folder || inside.length === 0 || inside.includes('')) {
    return undefined;
  }
  const parts = folder.split('-');
  const versionAt = parts.findIndex((part, i) => i > 0 && VERSION.test(part));
  if (versionAt < 0) {
    return undefined;
  }
  const platform = parts.slice(versionAt + 1).join('-');
  return {
    name: parts.slice(0, versionAt).join('-'),
    version: parts[versionAt],
    ...(platform ? { platform } : {}),
    path: inside.join('/'),
  };
}
