import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { LoadingPlaceholder } from '@grafana/ui';
import { initPluginTranslations, Trans } from '@grafana/i18n';
import type { AppConfigProps } from './settings/AppConfig';
import type { LinescopeJsonData } from './settings/settings';
import { PLUGIN_BASE_URL, PLUGIN_ID, ROUTES } from './constants';
import {
  OPEN_IN_LINESCOPE_TARGETS,
  OPEN_IN_LINESCOPE_TITLE,
  openInLinescopePath,
  type QueryLinkContext,
} from './extensions/openInLinescope';

// The views' strings come through @grafana/i18n, set up before a view first renders: awaited in the lazy loaders
// rather than at the module's top level, so that module.js stays a plain synchronous module for Grafana's loader.
let translations: Promise<unknown> | undefined;
const withTranslations =
  <T,>(load: () => Promise<T>) =>
  async () => {
    await (translations ??= initPluginTranslations(PLUGIN_ID));
    return load();
  };
const LazyApp = lazy(withTranslations(() => import('./app/App')));
const LazyAppConfig = lazy(withTranslations(() => import('./settings/AppConfig')));

// Shown while the translations load, so through <Trans> (t() is not ready yet) in the plugin's namespace: Grafana
// has loaded the plugin's locale files before module.js runs.
const Loading = ({ settings }: { settings?: boolean }) =>
  settings ? (
    <Trans i18nKey="app.loading-settings" ns={PLUGIN_ID}>
      Loading settings…
    </Trans>
  ) : (
    <Trans i18nKey="app.loading" ns={PLUGIN_ID}>
      Loading Linescope…
    </Trans>
  );

const App = (props: AppRootProps<LinescopeJsonData>) => (
  <Suspense fallback={<LoadingPlaceholder text={<Loading />} />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text={<Loading settings />} />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<LinescopeJsonData>()
  .setRootPage(App)
  .addConfigPage({ title: 'Configuration', icon: 'cog', body: AppConfig, id: 'configuration' })
  .addLink<QueryLinkContext>({
    targets: OPEN_IN_LINESCOPE_TARGETS,
    title: OPEN_IN_LINESCOPE_TITLE,
    description: "Open this Pyroscope query in Linescope's flame graph, with per-line function details",
    icon: 'fire',
    path: `${PLUGIN_BASE_URL}/${ROUTES.FlameGraph}`,
    configure: (context) => {
      const path = openInLinescopePath(context, {
        resolveDatasource: (ref) => {
          const ds = getDataSourceSrv().getInstanceSettings(ref);
          return ds ? { uid: ds.uid, type: ds.type } : undefined;
        },
        interpolate: (value, scopedVars) => getTemplateSrv().replace(value, scopedVars),
      });
      // Returning undefined hides the link for queries that are not Pyroscope's.
      return path ? { path } : undefined;
    },
  });
