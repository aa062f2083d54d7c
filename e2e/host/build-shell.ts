// Bundles the shell (React + the real @grafana/ui, data and runtime) with esbuild, for one Grafana/React combination
// (grafana-combinations.ts): `tsx e2e/host/build-shell.ts [--grafana 13.2]` writes that combination's shellDist.
import { build, type Plugin } from 'esbuild';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { grafanaCombination, installedVersions, packageDir, type GrafanaCombination } from './grafana-combinations';

// Every import of React, React DOM and @grafana/* in the bundle (the shell's and its dependencies', wherever npm
// hoisted them) resolves to the combination's copy: one React, one @grafana/runtime per shell.
// @grafana/*'s ESM builds import CommonJS packages with default imports, which breaks under esbuild's strict
// .mjs interop (React error #130 in CustomScrollbar); their CJS builds work.
const FROM_COMBINATION = Symbol('resolved from the combination');

function combinationPackages(c: GrafanaCombination): Plugin {
  return {
    name: 'grafana-combination',
    setup(b) {
      b.onResolve({ filter: /^@grafana\/(ui|data|runtime|i18n|schema|e2e-selectors)$/ }, (a) => ({
        path: path.join(packageDir(c.packagesDir, a.path), 'dist/cjs/index.cjs'),
      }));
      // esbuild's own resolution (browser conditions), started from the combination's folder; the marker stops the
      // recursion into this same callback.
      b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, async (a) =>
        a.pluginData === FROM_COMBINATION
          ? undefined
          : b.resolve(a.path, { kind: a.kind, resolveDir: c.packagesDir, pluginData: FROM_COMBINATION })
      );
    },
  };
}

export async function buildShell(opts: { minify?: boolean; grafana?: string } = {}): Promise<string> {
  const combination = grafanaCombination(opts.grafana);
  const outdir = combination.shellDist;
  await build({
    entryPoints: { shell: path.join(__dirname, 'shell/main.tsx') },
    bundle: true,
    outdir,
    format: 'iife',
    jsx: 'automatic',
    minify: opts.minify ?? true,
    sourcemap: false,
    logLevel: 'warning',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'dataurl', '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.png': 'file' },
    plugins: [combinationPackages(combination)],
  });
  return outdir;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { grafana: { type: 'string' } } });
  const t0 = Date.now();
  buildShell({ grafana: values.grafana }).then(
    (dir) => {
      const v = installedVersions(grafanaCombination(values.grafana));
      console.log(
        `shell for Grafana ${v.grafana} (@grafana/ui ${v.grafanaUi}, React ${v.react}) built in ${Date.now() - t0} ms → ${path.relative(process.cwd(), dir)}`
      );
    },
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
