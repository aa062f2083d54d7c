// Bundles the shell (React 18 + the real @grafana/ui, data and runtime) with esbuild into e2e/host/dist/.
import { build, type Plugin } from 'esbuild';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

// @grafana/*'s ESM builds import CommonJS packages with default imports, which breaks under esbuild's strict
// .mjs interop (React error #130 in CustomScrollbar); their CJS builds work.
const grafanaCjs: Plugin = {
  name: 'grafana-cjs',
  setup(b) {
    b.onResolve({ filter: /^@grafana\/(ui|data|runtime|flamegraph|i18n|schema|e2e-selectors)$/ }, (a) => ({
      path: path.join(root, 'node_modules', a.path, 'dist/cjs/index.cjs'),
    }));
  },
};

export async function buildShell(opts: { minify?: boolean } = {}): Promise<string> {
  const outdir = path.join(__dirname, 'dist');
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
    plugins: [grafanaCjs],
  });
  return outdir;
}

if (require.main === module) {
  const t0 = Date.now();
  buildShell().then(
    (dir) => console.log(`shell built in ${Date.now() - t0} ms → ${path.relative(process.cwd(), dir)}`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
