// usePluginLinks as Grafana serves it: apps load for an extension point only when their boot data declares a link
// for it, each registered link is checked against plugin.json (a failed check drops it, as Grafana logs and skips
// it), and configure() runs per context (undefined hides the link). See ../grafana-api/extensions.ts.
import type { PluginExtensionLink } from '@grafana/data';
import { config } from '@grafana/runtime';
import { useEffect, useMemo, useState } from 'react';
import { appsForExtensionPoint, checkAddedLink, linkForContext, type AppExtensions, type RegisteredLink } from '../grafana-api/extensions';
import { getPluginSettings, importAppPlugin } from './plugin-loading';

export interface ExtensionLogEntry {
  level: 'error' | 'warning';
  pluginId: string;
  title: string;
  message: string;
}

/** What Grafana's extensions log would show (console and window.__linescopeHostExtensionsLog for the specs). */
export const extensionsLog: ExtensionLogEntry[] = [];
(window as any).__linescopeHostExtensionsLog = extensionsLog;

interface RegisteredApp {
  pluginId: string;
  links: RegisteredLink[];
}

const registered = new Map<string, Promise<RegisteredApp>>();

function registerApp(pluginId: string): Promise<RegisteredApp> {
  let p = registered.get(pluginId);
  if (!p) {
    p = getPluginSettings(pluginId)
      .then(importAppPlugin)
      .then((plugin) => {
        const app = (config.apps as Record<string, { extensions: AppExtensions }>)[pluginId];
        const links = (plugin.addedLinkConfigs as unknown as RegisteredLink[]).filter((link) => {
          const { errors, warnings } = checkAddedLink(pluginId, link, app);
          for (const message of errors) {
            extensionsLog.push({ level: 'error', pluginId, title: link.title, message });
            console.error(`[plugin ${pluginId}] ${message}`);
          }
          for (const message of warnings) {
            extensionsLog.push({ level: 'warning', pluginId, title: link.title, message });
            console.warn(`[plugin ${pluginId}] ${message}`);
          }
          return errors.length === 0;
        });
        return { pluginId, links };
      });
    registered.set(pluginId, p);
  }
  return p;
}

export function usePluginLinks(options: { extensionPointId: string; context?: object; limitPerPlugin?: number }): {
  links: PluginExtensionLink[];
  isLoading: boolean;
} {
  const { extensionPointId, context, limitPerPlugin } = options;
  const [apps, setApps] = useState<RegisteredApp[] | undefined>();
  useEffect(() => {
    let live = true;
    const ids = appsForExtensionPoint(config.apps as Record<string, { extensions: AppExtensions }>, extensionPointId);
    Promise.allSettled(ids.map(registerApp)).then((results) => {
      if (live) {
        setApps(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
      }
    });
    return () => {
      live = false;
    };
  }, [extensionPointId]);
  const links = useMemo(() => {
    const out: PluginExtensionLink[] = [];
    for (const app of apps ?? []) {
      let count = 0;
      app.links.forEach((link, index) => {
        const targets = Array.isArray(link.targets) ? link.targets : [link.targets];
        if (!targets.includes(extensionPointId) || (limitPerPlugin !== undefined && count >= limitPerPlugin)) {
          return;
        }
        const built = linkForContext(app.pluginId, index, link, context ?? {});
        if (built) {
          count++;
          out.push(built as unknown as PluginExtensionLink);
        }
      });
    }
    return out;
  }, [apps, context, extensionPointId, limitPerPlugin]);
  return { links, isLoading: apps === undefined };
}
