// The static files Grafana serves from its own build that @grafana/ui asks for at run time: icons under
// public/build/img/icons/ and the Inter and Roboto Mono fonts under public/fonts/ (see @grafana/ui's
// GlobalStyles/fonts). Each comes from the npm package that ships it.
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

/** Where icons are looked up, in order: @grafana/ui's own, then the Unicons it lacks (assets/icons). */
export const ICON_DIRS = [
  path.join(NODE_MODULES, '@grafana/ui/dist/public/img/icons'),
  path.join(__dirname, 'assets/icons'),
];

/** The Roboto Mono face @grafana/ui names by its Google Fonts file name; @fontsource ships the same latin subset. */
const ROBOTO_MONO = path.join(NODE_MODULES, '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2');

/** The file for a public/fonts/... path (the rest after "fonts/"), or undefined when no package ships it. */
export function fontFile(rest: string): { root: string; file: string } | undefined {
  const inter = /^inter\/(Inter-[A-Za-z]+\.woff2)$/.exec(rest);
  if (inter) {
    // Inter as its author publishes it (rsms.me/inter), which Grafana's fonts comment asks for.
    return { root: path.join(NODE_MODULES, 'inter-ui/web'), file: inter[1] };
  }
  if (/^roboto\/[A-Za-z0-9_-]+\.woff2$/.test(rest)) {
    return { root: path.dirname(ROBOTO_MONO), file: path.basename(ROBOTO_MONO) };
  }
  return undefined;
}
