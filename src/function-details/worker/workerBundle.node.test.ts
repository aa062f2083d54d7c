import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import vm from 'vm';

import webpack, { Configuration } from 'webpack';

import { computeFunctionDetails } from '@linescope/lines';
import { FunctionDetailsWorkerMessage } from './protocol';

// Builds the worker client with the plugin's own production webpack config and runs the output the way Grafana
// and a browser would: module.js loaded as an AMD module from a sub-path (/grafana/public/plugins/linescope-app/),
// the worker chunk started from the URL the client computes, and the worker's own chunks fetched with
// importScripts. Guards the two things that silently break workers in an AMD plugin: the AMD wrapper on the
// worker chunk (no `define` in a worker) and chunk URLs relative to a fixed public path.

const pluginBase = 'http://grafana.example/grafana/public/plugins/linescope-app/';
const profile = readFileSync(resolve(__dirname, '../../../samples/profiles/shop-go-v1.cpu.pb.gz'));

async function build(outputDir: string, entryDir: string): Promise<void> {
  // Loaded by path so that the scaffold's config (its own tsconfig rules) stays out of the app's typecheck.
  const configPath = resolve(__dirname, '../../../.config/webpack/webpack.config.ts');
  const { default: createConfig } = (await import(configPath)) as {
    default: (env: Record<string, boolean>) => Promise<Configuration>;
  };
  const config = await createConfig({ production: true });
  config.entry = { module: join(entryDir, 'src', 'module.ts') };
  config.context = join(entryDir, 'src');
  config.cache = false;
  config.output = { ...config.output, path: outputDir, clean: false };
  config.resolve = { ...config.resolve, modules: [...(config.resolve?.modules ?? []), resolve('node_modules')] };
  config.resolveLoader = { modules: [resolve('node_modules')] };
  // Only the JavaScript matters here: no plugin.json, README or images to copy or rewrite.
  config.plugins = config.plugins?.filter(
    (plugin) => !/^(CopyPlugin|CopyWebpackPlugin|ReplaceInFilePlugin)$/.test(plugin?.constructor.name ?? '')
  );
  const stats = await new Promise<webpack.Stats>((done, fail) =>
    webpack(config, (error, result) => (error || !result ? fail(error) : done(result)))
  );
  if (stats.hasErrors()) {
    throw new Error(stats.toString('errors-only'));
  }
}

describe('the function details worker bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'linescope-worker-'));
  const dist = join(work, 'dist');
  const fileOf = (url: string) => join(dist, new URL(url).pathname.slice(new URL(pluginBase).pathname.length));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loads from the plugin sub-path and computes in the worker', async () => {
    // An entry in a `src/module.ts`, as the plugin's, so the config's public-path prelude applies to it.
    mkdirSync(join(work, 'src'), { recursive: true });
    mkdirSync(join(work, 'node_modules'));
    const client = resolve(__dirname, 'computeFunctionDetailsInWorker.ts');
    writeFileSync(join(work, 'src', 'module.ts'), `export { computeFunctionDetailsInWorker } from '${client}';\n`);
    await build(dist, work);

    // Main thread: module.js as Grafana's AMD loader runs it; a Worker constructor that records the URL asked for.
    const workerUrls: string[] = [];
    let plugin: { computeFunctionDetailsInWorker?: unknown } = {};
    const page = vm.createContext({
      document: { baseURI: 'http://grafana.example/grafana/' },
      URL,
      Worker: class {
        constructor(url: URL) {
          workerUrls.push(url.href);
          throw new Error('recorded');
        }
      },
      define: (deps: string[], factory: (...args: unknown[]) => typeof plugin) => {
        plugin = factory(...deps.map((dep) => (dep === 'module' ? { uri: `${pluginBase}module.js` } : undefined)));
      },
      // The recorded constructor failure sends the call to the main-thread fallback, which runs here.
      console: { warn: () => {} },
      setTimeout,
      TextDecoder,
      TextEncoder,
    });
    vm.runInContext(readFileSync(join(dist, 'module.js'), 'utf8'), page);
    const compute = plugin.computeFunctionDetailsInWorker as (bytes: Uint8Array, name: string) => Promise<unknown>;
    await compute(new Uint8Array(profile), 'main.main');
    expect(workerUrls).toHaveLength(1);
    expect(workerUrls[0].startsWith(`${pluginBase}function-details-worker.js`)).toBe(true);

    // Worker thread: the chunk at that URL in a worker-like global scope.
    const posted: FunctionDetailsWorkerMessage[] = [];
    const imported: string[] = [];
    const scope: Record<string, unknown> = {
      location: { href: workerUrls[0], toString: () => workerUrls[0] },
      postMessage: (message: FunctionDetailsWorkerMessage) => posted.push(message),
      importScripts: (...urls: string[]) =>
        urls.forEach((url) => {
          imported.push(url);
          vm.runInContext(readFileSync(fileOf(url), 'utf8'), worker);
        }),
      // What the reader uses of a worker's globals (both are in every browser's worker scope).
      TextDecoder,
      TextEncoder,
    };
    const worker = vm.createContext(scope);
    scope.self = worker;
    vm.runInContext(readFileSync(fileOf(workerUrls[0]), 'utf8'), worker);
    await new Promise((done) => setTimeout(done, 0)); // the chunk starts once its own chunks have loaded

    expect(posted).toEqual([{ type: 'ready' }]);
    expect(imported.every((url) => url.startsWith(pluginBase))).toBe(true);
    const onmessage = scope.onmessage as (event: { data: unknown }) => void;
    onmessage({ data: { id: 1, bytes: new Uint8Array(profile), functionName: 'main.handleRequest', options: {} } });
    expect(posted[1]).toEqual({
      type: 'result',
      id: 1,
      details: computeFunctionDetails(profile, 'main.handleRequest'),
    });
    expect(readdirSync(dist).filter((name) => name.startsWith('function-details-worker'))).toHaveLength(2); // + map
  }, 120_000);
});
