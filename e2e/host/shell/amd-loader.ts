// Loads a plugin's AMD module.js the way Grafana's SystemJS loader does: the shared modules of
// sharedDependencies.ts satisfy its imports and the AMD `module` dependency carries `uri`, from which webpack
// derives the public path of lazy chunks.

const grafanaData = require('@grafana/data');
const grafanaUi = require('@grafana/ui');
const reactRouterDom = require('react-router-dom');

// Shared modules (require() gives the CommonJS exports objects, as webpack's externals expect).
const shared: Record<string, () => unknown> = {
  react: () => require('react'),
  'react/jsx-runtime': () => require('react/jsx-runtime'),
  'react/jsx-dev-runtime': () => require('react/jsx-runtime'),
  'react-dom': () => require('react-dom'),
  'react-dom/client': () => require('react-dom/client'),
  '@grafana/data': () => grafanaData,
  '@grafana/data/unstable': () => grafanaData,
  // Grafana patches @grafana/ui to also export the plugin classes of @grafana/data.
  '@grafana/ui': () => ({
    ...grafanaUi,
    PanelPlugin: grafanaData.PanelPlugin,
    DataSourcePlugin: grafanaData.DataSourcePlugin,
    AppPlugin: grafanaData.AppPlugin,
    DataSourceApi: grafanaData.DataSourceApi,
  }),
  '@grafana/ui/unstable': () => grafanaUi,
  '@grafana/runtime': () => require('@grafana/runtime'),
  '@grafana/runtime/unstable': () => require('@grafana/runtime'),
  '@emotion/css': () => require('@emotion/css'),
  '@emotion/react': () => require('@emotion/react'),
  rxjs: () => require('rxjs'),
  'rxjs/operators': () => require('rxjs/operators'),
  lodash: () => require('lodash'),
  moment: () => require('moment'),
  i18next: () => require('i18next'),
  prismjs: () => require('prismjs'),
  d3: () => require('d3'),
  // `react-router` is react-router-dom-v5-compat in Grafana, i.e. the v6 API; one instance for host and plugin.
  'react-router': () => reactRouterDom,
  'react-router-dom': () => reactRouterDom,
  'react-router-dom-v5-compat': () => reactRouterDom,
};

export const sharedModuleNames = Object.keys(shared);

type Factory = (...deps: unknown[]) => unknown;

const cache = new Map<string, Promise<any>>();

/** importPluginModule: `path` is relative to appSubUrl (e.g. public/plugins/<id>/module.js). */
export function importPluginModule(path: string, version: string): Promise<any> {
  const url = new URL(`${path}?_cache=${encodeURIComponent(version)}`, document.baseURI).href;
  let p = cache.get(url);
  if (!p) {
    p = load(url).catch((e) => {
      cache.delete(url);
      throw new Error(`Could not load plugin: ${e instanceof Error ? e.message : e}`);
    });
    cache.set(url, p);
  }
  return p;
}

async function load(url: string): Promise<any> {
  const resp = await fetch(url);
  if (!resp.ok) {
    throw new Error(`${url}: HTTP ${resp.status}`);
  }
  const code = await resp.text();
  let exported: unknown;
  let defined = false;
  const define = (depsOrFactory: string[] | Factory, maybeFactory?: Factory) => {
    const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
    const factory = (Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory) as Factory;
    const amdModule = { exports: {} as unknown, uri: url, id: url };
    const resolved = deps.map((name) => {
      if (name === 'module') {
        return amdModule;
      }
      if (name === 'exports') {
        return amdModule.exports;
      }
      const clean = name.replace(/!$/, '');
      const provide = shared[clean];
      if (!provide) {
        throw new Error(`the host does not provide the shared module "${clean}"`);
      }
      return provide();
    });
    const result = factory(...resolved);
    exported = result !== undefined ? result : amdModule.exports;
    defined = true;
  };
  (define as unknown as { amd: object }).amd = {};
  // Grafana wraps non-System.register code as (function(define){…})(window.__grafana_amd_define).
  new Function('define', `${code}\n//# sourceURL=${url}`)(define);
  if (!defined) {
    throw new Error(`${url} did not call define()`);
  }
  return exported;
}
