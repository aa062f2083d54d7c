// Grafana's pages for an app plugin: AppRootPage (/a/<id>/*), the plugin details page with its config tabs
// (/plugins/<id>?page=<tab>), and a Grafana-like chrome around them.
import { css } from '@emotion/css';
import { type AppPlugin, type AppPluginMeta, type GrafanaTheme2, type NavModel, PluginContextProvider, urlUtil } from '@grafana/data';
import { config, locationSearchToObject } from '@grafana/runtime';
import { Alert, Icon, LoadingPlaceholder, Tab, TabContent, TabsBar, useStyles2 } from '@grafana/ui';
import React, { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { getPluginSettings, importAppPlugin } from './plugin-loading';

const PLUGIN_ID = 'linescope-app';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; plugin: AppPlugin; meta: AppPluginMeta };

function useAppPlugin(pluginId: string, checkEnabled: boolean): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      const meta = await getPluginSettings(pluginId);
      if (!meta || typeof meta !== 'object') {
        throw new Error('Unknown Plugin');
      }
      if (meta.type !== 'app') {
        throw new Error('Plugin must be an app');
      }
      if (checkEnabled && meta.enabled !== true) {
        throw new Error('Application Not Enabled');
      }
      const plugin = await importAppPlugin(meta);
      return { plugin, meta };
    })().then(
      ({ plugin, meta }) => live && setLoaded({ state: 'ok', plugin, meta }),
      (e: any) => live && setLoaded({ state: 'error', message: e?.status === 403 ? 'Access denied' : String(e?.message ?? e) })
    );
    return () => {
      live = false;
    };
  }, [pluginId, checkEnabled]);
  return loaded;
}

// Grafana shows an app's config pages to users with plugins:write, which only an org Admin has (a Grafana server
// admin who is not an org admin does not): public/app/features/plugins/admin/components/PluginDetailsPage.tsx.
const canWrite = () => Boolean((config.bootData.user as any).permissions?.['plugins:write']);

/** Per-include access: RBAC action when set, Admins pass, else the include's role (Editor may open Viewer pages). */
function hasAccess(meta: AppPluginMeta, pathname: string): boolean {
  const include = meta.includes?.find((i) => i.path === pathname);
  const user = config.bootData.user;
  if (!include) {
    return true;
  }
  if (include.action) {
    return Boolean((user as any).permissions?.[include.action]);
  }
  if (user.orgRole === 'Admin' || user.isGrafanaAdmin) {
    return true;
  }
  const role = include.role as string | undefined;
  if (!role) {
    return true;
  }
  return role === user.orgRole || (role === 'Viewer' && user.orgRole === 'Editor');
}

export function AppRootPage() {
  const { pluginId = '' } = useParams();
  const location = useLocation();
  const loaded = useAppPlugin(pluginId, true);
  const [, setNav] = useState<NavModel>();
  if (loaded.state === 'loading') {
    return <LoadingPlaceholder text="Loading plugin" />;
  }
  if (loaded.state === 'error') {
    return (
      <Alert severity="error" title={loaded.message}>
        {loaded.message === 'Application Not Enabled' ? 'Enable the app on its configuration page.' : null}
      </Alert>
    );
  }
  const { plugin } = loaded;
  if (!hasAccess(plugin.meta as AppPluginMeta, location.pathname)) {
    return (
      <Alert severity="warning" title="Access denied">
        You do not have permission to see this page.
      </Alert>
    );
  }
  if (!plugin.root) {
    return <Alert severity="error" title="No root app page component found" />;
  }
  const Root = plugin.root;
  return (
    <PluginContextProvider meta={plugin.meta}>
      <Root
        meta={plugin.meta as AppPluginMeta}
        basename={location.pathname}
        onNavChanged={setNav}
        query={locationSearchToObject(location.search) as any}
        path={location.pathname}
      />
    </PluginContextProvider>
  );
}

export function PluginDetailsPage() {
  const { pluginId = '' } = useParams();
  const location = useLocation();
  const loaded = useAppPlugin(pluginId, false);
  const query = locationSearchToObject(location.search);
  if (loaded.state === 'loading') {
    return <LoadingPlaceholder text="Loading plugin" />;
  }
  if (loaded.state === 'error') {
    return <Alert severity="error" title={loaded.message} />;
  }
  const { plugin, meta } = loaded;
  // Grafana shows config pages only to users who can write plugin settings.
  const pages = canWrite() ? plugin.configPages ?? [] : [];
  const selected = pages.find((p) => p.id === query.page) ?? (query.page === 'overview' ? undefined : pages[0]);
  const Body = selected?.body;
  return (
    <div>
      <h1 style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <img src={meta.info.logos.small} alt="" width={32} height={32} />
        {meta.name}
      </h1>
      <TabsBar>
        <Tab label="Overview" active={!selected} href={urlUtil.renderUrl(`/plugins/${pluginId}`, { page: 'overview' })} />
        {pages.map((p) => (
          <Tab key={p.id} label={p.title} icon={p.icon as any} active={selected?.id === p.id} href={urlUtil.renderUrl(`/plugins/${pluginId}`, { page: p.id })} />
        ))}
      </TabsBar>
      <TabContent>
        <div style={{ paddingTop: 16 }}>
          {Body ? (
            <Body plugin={plugin} query={query as any} />
          ) : (
            <div data-testid="plugin-overview">
              <p>{meta.info.description || 'Line-level profiling for Grafana + Pyroscope.'}</p>
              <p>Version {meta.info.version}. {meta.enabled ? 'Enabled.' : 'Disabled.'}</p>
              {!canWrite() && <Alert severity="info" title="Only an organisation admin can change this app's settings." />}
            </div>
          )}
        </div>
      </TabContent>
    </div>
  );
}

export function HomePage() {
  return (
    <div>
      <h1>Linescope standalone host</h1>
      <p>A Grafana double that serves the Linescope app plugin from its built dist/.</p>
      <ul>
        <li>
          <Link to={`/a/${PLUGIN_ID}`}>Open Linescope</Link>
        </li>
        <li>
          <Link to={`/plugins/${PLUGIN_ID}?page=configuration`}>Linescope settings</Link>
        </li>
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  layout: css({ display: 'flex', flexDirection: 'column', minHeight: '100vh', background: theme.colors.background.canvas }),
  topBar: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    height: 48,
    padding: theme.spacing(0, 2),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  }),
  brand: css({ fontWeight: theme.typography.fontWeightMedium, display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  spacer: css({ flex: 1 }),
  body: css({ display: 'flex', flex: 1 }),
  side: css({ width: 220, padding: theme.spacing(2), borderRight: `1px solid ${theme.colors.border.weak}`, background: theme.colors.background.primary }),
  navItem: css({ display: 'block', padding: theme.spacing(0.75, 1), borderRadius: theme.shape.radius.default, '&:hover': { background: theme.colors.action.hover } }),
  active: css({ background: theme.colors.action.selected }),
  main: css({ flex: 1, padding: theme.spacing(3), minWidth: 0 }),
  user: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  role: css({ padding: theme.spacing(0.25, 1), borderRadius: theme.shape.radius.pill, background: theme.colors.secondary.main, fontSize: theme.typography.bodySmall.fontSize }),
});

interface NavLink {
  text: string;
  url: string;
}

function navLinks(meta: AppPluginMeta | undefined): NavLink[] {
  const user = config.bootData.user;
  return (meta?.includes ?? [])
    .filter((i) => i.addToNav && i.path)
    .filter((i) => !i.role || i.role !== 'Admin' || user.orgRole === 'Admin' || user.isGrafanaAdmin)
    .map((i) => ({
      text: i.name,
      url: i.path!.startsWith('/plugins/') ? `${i.path}?page=configuration` : i.path!,
    }));
}

export function Chrome({ children }: { children: ReactNode }) {
  const s = useStyles2(getStyles);
  const location = useLocation();
  const user = config.bootData.user;
  const [meta, setMeta] = useState<AppPluginMeta>();
  useEffect(() => {
    getPluginSettings(PLUGIN_ID).then(setMeta, () => undefined);
  }, []);
  const other = user.orgRole === 'Admin' ? 'viewer' : 'admin';
  if (!user.isSignedIn) {
    return <main style={{ padding: 24 }}>{children}</main>;
  }
  const here = location.pathname + location.search;
  return (
    <div className={s.layout}>
      <header className={s.topBar} data-testid="host-topbar">
        <Link className={s.brand} to="/">
          <Icon name="grafana" size="lg" /> Grafana
        </Link>
        <span>/</span>
        <Link to={`/a/${PLUGIN_ID}`}>Linescope</Link>
        <span className={s.spacer} />
        <span className={s.user} data-testid="host-user">
          <Icon name="user" /> {user.name} <span className={s.role} data-testid="host-user-role">{user.orgRole}</span>
        </span>
        <a href={`/login/as/${other}?redirect=${encodeURIComponent(here)}`} data-testid="host-switch-user">
          Sign in as {other}
        </a>
      </header>
      <div className={s.body}>
        <nav className={s.side} aria-label="App navigation">
          {navLinks(meta).map((l) => (
            <Link key={l.url} className={`${s.navItem} ${here.startsWith(l.url) ? s.active : ''}`} to={l.url}>
              {l.text}
            </Link>
          ))}
        </nav>
        <main className={s.main}>{children}</main>
      </div>
    </div>
  );
}
