import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** Grafana's plugin type id of the Pyroscope data source. */
export const PYROSCOPE_DS_TYPE = 'grafana-pyroscope-datasource';

/** The cookie that carries the GitHub session; the data source must list it in jsonData.keepCookies. */
export const GIT_SESSION_COOKIE = 'pyroscope_git_session';

/** Routes below PLUGIN_BASE_URL. */
export const ROUTES = {
  FlameGraph: 'flamegraph',
  GitHubCallback: 'github/callback',
} as const;

/**
 * Values put into a translated text that React renders: i18next escapes them for HTML by default (a path would read
 * `src&#x2F;main.go`), React escapes already. `t('key', 'In {{file}}', { file, interpolation: PLAIN_TEXT })`.
 */
export const PLAIN_TEXT = { escapeValue: false } as const;
