// The shell: Grafana's browser runtime for the plugin. window.grafanaBootData is set by index.html before this
// bundle runs, so @grafana/runtime's config is built from it on first import.
import { AppEvents, EventBusSrv, type BusEventWithPayload } from '@grafana/data';
import {
  config,
  locationService,
  setAppEvents,
  setBackendSrv,
  setCurrentUser,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setTemplateSrv,
  FakeEchoSrv,
} from '@grafana/runtime';
import { Alert, GlobalStyles, ThemeContext } from '@grafana/ui';
import React, { type ReactNode, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Router, Routes } from 'react-router-dom';
import { HostBackendSrv } from './backend-srv';
import { browserEnvironment, HostContextSrv } from './context-srv';
import { HostDataSourceSrv } from './datasource-srv';
import { usePluginLinks } from './extension-links';
import { LoginPage } from './login-page';
import { AppRootPage, Chrome, HomePage, PluginDetailsPage } from './pages';
import { DashboardPage, ExplorePage } from './query-pages';
import { HostTemplateSrv } from './template-srv';

const appEvents = new EventBusSrv();
setAppEvents(appEvents);
// locationService keeps its default (a HistoryWrapper over the browser history): Grafana allows replacing it in tests only.
const contextSrv = new HostContextSrv(config.bootData.user.isSignedIn, browserEnvironment(config.appSubUrl ?? ''));
setBackendSrv(
  new HostBackendSrv({
    orgId: config.bootData.user.orgId,
    isSignedIn: () => contextSrv.isSignedIn(),
    logout: () => contextSrv.setLoggedOut(),
    alert: (level, message, description) =>
      appEvents.publish({ type: (level === 'error' ? AppEvents.alertError : AppEvents.alertWarning).name, payload: [message, description] } as any),
  }) as any
);
setDataSourceSrv(new HostDataSourceSrv());
setEchoSrv(new FakeEchoSrv());
const templateSrv = new HostTemplateSrv();
setTemplateSrv(templateSrv as any);
setPluginLinksHook(usePluginLinks as any);
setPluginComponentsHook(() => ({ components: [], isLoading: false }));
setPluginComponentHook(() => ({ component: null, isLoading: false }));
setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
try {
  setCurrentUser(config.bootData.user as any);
} catch {
  // Older runtimes do not have it; config.bootData.user is enough there.
}

/** React Router v6 driven by locationService's history (what react-router-dom-v5-compat's CompatRouter does). */
function LocationServiceRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [state, setState] = useState({ location: history.location, action: history.action });
  useLayoutEffect(() => history.listen((location: any, action: any) => setState({ location, action })), [history]);
  return (
    <Router location={state.location} navigationType={state.action as any} navigator={history as any}>
      {children}
    </Router>
  );
}

interface Toast {
  id: number;
  severity: 'error' | 'success' | 'warning';
  text: string;
}

/** AppEvents.alertError / alertSuccess / alertWarning as Grafana's AppNotificationList shows them. */
function Notifications() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    const subs = (['alertError', 'alertSuccess', 'alertWarning'] as const).map((name) =>
      appEvents.subscribe({ type: AppEvents[name].name } as any, (e: BusEventWithPayload<unknown[]>) => {
        const id = Date.now() + Math.random();
        const severity = name === 'alertError' ? 'error' : name === 'alertSuccess' ? 'success' : 'warning';
        const text = (Array.isArray(e.payload) ? e.payload : [e.payload]).filter(Boolean).map(String).join(': ');
        setToasts((t) => [...t, { id, severity, text }]);
        setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 8000);
      })
    );
    return () => subs.forEach((s) => s.unsubscribe());
  }, []);
  return (
    <div style={{ position: 'fixed', top: 56, right: 16, width: 420, zIndex: 2000 }} data-testid="host-notifications">
      {toasts.map((t) => (
        <Alert key={t.id} severity={t.severity} title={t.text} onRemove={() => setToasts((x) => x.filter((y) => y.id !== t.id))} />
      ))}
    </div>
  );
}

function Shell() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceRouter>
        <Notifications />
        <Chrome>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/explore" element={<ExplorePage />} />
            <Route path="/d/:uid/*" element={<DashboardPage templateSrv={templateSrv} />} />
            <Route path="/a/:pluginId/*" element={<AppRootPage />} />
            <Route path="/plugins/:pluginId" element={<PluginDetailsPage />} />
            <Route path="*" element={<HomePage />} />
          </Routes>
        </Chrome>
      </LocationServiceRouter>
    </ThemeContext.Provider>
  );
}

createRoot(document.getElementById('reactRoot')!).render(<Shell />);
