// /api/plugins/<id>/settings: the plugin's meta from its built plugin.json plus the stored row, persisted to a
// JSON file with Grafana's store semantics (pkg/services/pluginsettings).
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface StoredPluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData?: Record<string, unknown> | null;
  /** Plain-text secrets; only their keys are ever returned (secureJsonFields). */
  secureJsonData?: Record<string, string>;
}

export type PluginJson = Record<string, any> & { id: string; type: string; name: string; info: Record<string, any> };

export class PluginSettingsStore {
  constructor(
    private file: string,
    private initial: StoredPluginSettings
  ) {}

  async read(): Promise<StoredPluginSettings> {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8')) as StoredPluginSettings;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        return this.initial;
      }
      throw e;
    }
  }

  /** enabled/pinned always overwritten (missing = false), jsonData replaced unless null, secrets merged. */
  async update(body: Record<string, unknown>): Promise<void> {
    const current = await this.read();
    const next: StoredPluginSettings = {
      enabled: body.enabled === true,
      pinned: body.pinned === true,
      jsonData: body.jsonData === undefined || body.jsonData === null ? current.jsonData : (body.jsonData as Record<string, unknown>),
      secureJsonData: { ...current.secureJsonData, ...((body.secureJsonData as Record<string, string>) ?? {}) },
    };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(next, null, 2));
    await fs.rename(tmp, this.file);
  }
}

const prefix = (base: string, p?: string) => (p && !/^(https?:)?\//.test(p) ? `${base}/${p}` : p);

/** The GET body: plugin.json fields, Grafana's computed ones and the stored row. */
export function pluginSettingsDto(plugin: PluginJson, stored: StoredPluginSettings, appSubUrl: string) {
  const baseUrl = `public/plugins/${plugin.id}`;
  const includes: Array<Record<string, any>> = plugin.includes ?? [];
  const defaultNav = includes.find((i) => i.defaultNav);
  const secureJsonFields = Object.fromEntries(Object.keys(stored.secureJsonData ?? {}).map((k) => [k, true]));
  return {
    name: plugin.name,
    type: plugin.type,
    id: plugin.id,
    enabled: stored.enabled,
    pinned: stored.pinned,
    autoEnabled: plugin.autoEnabled === true,
    module: `${baseUrl}/module.js`,
    baseUrl,
    info: {
      ...plugin.info,
      links: plugin.info.links ?? [],
      screenshots: plugin.info.screenshots ?? [],
      logos: { small: prefix(baseUrl, plugin.info.logos?.small), large: prefix(baseUrl, plugin.info.logos?.large) },
    },
    includes: includes.map((i) => ({ role: '', action: '', addToNav: false, defaultNav: false, slug: '', icon: '', uid: '', id: '', component: '', ...i })),
    dependencies: { grafanaDependency: '', grafanaVersion: '*', plugins: [], extensions: { exposedComponents: [] }, ...plugin.dependencies },
    extensions: { addedLinks: [], addedComponents: [], exposedComponents: [], extensionPoints: [], addedFunctions: [], ...plugin.extensions },
    ...(stored.jsonData ? { jsonData: stored.jsonData } : {}),
    secureJsonFields,
    defaultNavUrl: defaultNav ? `${appSubUrl}${defaultNav.path}` : `${appSubUrl}/plugins/${plugin.id}/`,
    latestVersion: '',
    hasUpdate: false,
    state: '',
    signature: 'unsigned',
    signatureType: '',
    signatureOrg: '',
    angularDetected: false,
    loadingStrategy: 'fetch',
  };
}
