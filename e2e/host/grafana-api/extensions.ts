// Plugin extension links as Grafana loads and checks them. Pure.
// Imitates: pkg/api/frontendsettings.go (each app's `extensions` in boot data, copied from its plugin.json by
// pkg/plugins/plugins.go JSONData.Extensions), public/app/features/plugins/extensions/utils.ts
// (getAppPluginIdFromExtensionPoint: only apps whose plugin.json lists the extension point are loaded for it),
// validators.ts (isAddedLinkMetaInfoMissing, isLinkPathValid, assertStringProps) and
// registry/AddedLinksRegistry.ts + usePluginLinks.tsx (configure() per render; undefined hides the link).

export interface DeclaredLink {
  targets: string[];
  title: string;
  description: string;
}

export interface AppExtensions {
  addedLinks: DeclaredLink[];
  addedComponents: Array<{ targets: string[]; title: string; description: string }>;
  exposedComponents: Array<{ id: string; title: string; description: string }>;
  extensionPoints: Array<{ id: string; title: string; description: string }>;
  addedFunctions: Array<{ targets: string[]; title: string; description: string }>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);

/** The `extensions` Grafana serves in boot data for an app: plugin.json's, every list present, strings kept. */
export function appExtensions(pluginJson: Record<string, unknown>): AppExtensions {
  const ext = (pluginJson.extensions ?? {}) as Record<string, unknown>;
  const targeted = (items: unknown) => list(items).map((i) => ({ targets: strings(i.targets), title: text(i.title), description: text(i.description) }));
  const identified = (items: unknown) => list(items).map((i) => ({ id: text(i.id), title: text(i.title), description: text(i.description) }));
  return {
    addedLinks: targeted(ext.addedLinks),
    addedComponents: targeted(ext.addedComponents),
    exposedComponents: identified(ext.exposedComponents),
    extensionPoints: identified(ext.extensionPoints),
    addedFunctions: targeted(ext.addedFunctions),
  };
}

/** The apps Grafana loads for an extension point: those whose boot data declares a link (or component) for it. */
export function appsForExtensionPoint(apps: Record<string, { extensions: AppExtensions }>, extensionPointId: string): string[] {
  return Object.entries(apps)
    .filter(([, app]) => [...app.extensions.addedLinks, ...app.extensions.addedComponents].some((l) => l.targets.includes(extensionPointId)))
    .map(([id]) => id);
}

/** What a module registers with `addLink` (the fields Grafana reads). */
export interface RegisteredLink<Context = unknown> {
  targets: string | string[];
  title: string;
  description?: string;
  path?: string;
  icon?: string;
  category?: string;
  onClick?: unknown;
  configure?: (context?: Readonly<Context>) => Partial<{ title: string; description: string; path: string; icon: string; category: string }> | undefined;
}

export interface LinkCheck {
  /** Why Grafana refuses to register the link (it logs an error and drops it). */
  errors: string[];
  /** What Grafana only warns about. */
  warnings: string[];
}

/** The checks Grafana runs when it registers an app's added link. */
export function checkAddedLink(pluginId: string, link: RegisteredLink, app: { extensions: AppExtensions } | undefined): LinkCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const prefix = 'Could not register link extension. Reason: ';
  if (!app) {
    errors.push(`${prefix}Could not find the app plugin with id "${pluginId}".`);
    return { errors, warnings };
  }
  if (typeof link.title !== 'string' || link.title.length === 0) {
    errors.push(`Invalid extension "${link.title}". Property "title" must be a string and cannot be empty. Skipping the extension.`);
  }
  const declared = app.extensions.addedLinks.find((l) => l.title === link.title);
  if (!declared) {
    errors.push(`${prefix}The extension was not recorded in the plugin.json. Added link extensions must be listed in the section "extensions.addedLinks[]".`);
    return { errors, warnings };
  }
  const targets = Array.isArray(link.targets) ? link.targets : [link.targets];
  if (!targets.every((t) => declared.targets.includes(t))) {
    errors.push(`${prefix}The "targets" for the registered extension does not match the targets listed in the section "extensions.addedLinks[]" of the plugin.json file.`);
  }
  if (link.path !== undefined && !isLinkPathValid(pluginId, link.path)) {
    errors.push(`Invalid link extension. The "path" is required and should start with "/a/${pluginId}/" (currently: "${link.path}"). Skipping the extension.`);
  }
  if (link.configure !== undefined && typeof link.configure !== 'function') {
    errors.push(`Invalid extension "${link.title}". The "configure" property must be a function. Skipping the extension.`);
  }
  if ((declared.description || undefined) !== (link.description || undefined)) {
    warnings.push('"description" doesn\'t match the description recorded in plugin.json.');
  }
  return { errors, warnings };
}

export function isLinkPathValid(pluginId: string, path: unknown): boolean {
  return typeof path === 'string' && path.length > 0 && path.startsWith(`/a/${pluginId}/`);
}

export interface ExtensionLink {
  id: string;
  type: 'link';
  pluginId: string;
  title: string;
  description: string;
  path: string;
  icon?: string;
  category?: string;
}

/** The link an extension point shows for a context: configure() may override fields or hide it (undefined). */
export function linkForContext<Context>(pluginId: string, index: number, link: RegisteredLink<Context>, context: Context): ExtensionLink | undefined {
  const overrides = link.configure ? link.configure(Object.freeze({ ...context })) : {};
  if (link.configure && !overrides) {
    return undefined;
  }
  const path = overrides?.path ?? link.path;
  if (!isLinkPathValid(pluginId, path)) {
    return undefined;
  }
  return {
    id: `${pluginId}-${index}`,
    type: 'link',
    pluginId,
    title: overrides?.title ?? link.title,
    description: overrides?.description ?? link.description ?? '',
    path: path as string,
    icon: overrides?.icon ?? link.icon,
    category: overrides?.category ?? link.category,
  };
}
