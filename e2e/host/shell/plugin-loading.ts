// getPluginSettings + importAppPlugin, as Grafana's pluginSettings.ts and importer/pluginImporter.ts do them.
import { AppPlugin, type AppPluginMeta } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { importPluginModule } from './amd-loader';

const settingsCache = new Map<string, Promise<AppPluginMeta>>();

export function getPluginSettings(pluginId: string): Promise<AppPluginMeta> {
  let p = settingsCache.get(pluginId);
  if (!p) {
    p = getBackendSrv()
      .get(`/api/plugins/${pluginId}/settings`, undefined, undefined, { validatePath: true, showErrorAlert: false })
      .catch((e: { status?: number; isHandled?: boolean }) => {
        settingsCache.delete(pluginId);
        if (e?.status === 403) {
          e.isHandled = true;
          throw e;
        }
        throw new Error('Unknown Plugin');
      });
    settingsCache.set(pluginId, p);
  }
  return p;
}

const appCache = new Map<string, Promise<AppPlugin>>();

export function importAppPlugin(meta: AppPluginMeta): Promise<AppPlugin> {
  let p = appCache.get(meta.id);
  if (!p) {
    p = importPluginModule(meta.module, meta.info?.version ?? '').then((exports) => {
      const plugin: AppPlugin = exports.plugin ?? new AppPlugin();
      plugin.init(meta);
      plugin.meta = meta;
      plugin.setComponentsFromLegacyExports(exports);
      return plugin;
    });
    p.catch(() => appCache.delete(meta.id));
    appCache.set(meta.id, p);
  }
  return p;
}
