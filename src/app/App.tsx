import React, { useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../constants';
import { SettingsProvider } from '../settings/SettingsContext';
import { type LinescopeJsonData, resolveSettings } from '../settings/settings';
import { GitHubCallbackRoute } from './GitHubCallbackRoute';

const FlameGraphPage = React.lazy(() => import('../pages/FlameGraphPage'));

/** Routes are relative to /a/linescope-app/ (Grafana mounts the app root there). */
export default function App({ meta }: AppRootProps<LinescopeJsonData>) {
  const settings = useMemo(() => resolveSettings(meta.jsonData), [meta.jsonData]);
  return (
    <SettingsProvider settings={settings}>
      <Routes>
        <Route path={ROUTES.FlameGraph} element={<FlameGraphPage />} />
        <Route path={ROUTES.GitHubCallback} element={<GitHubCallbackRoute />} />
        <Route path="*" element={<Navigate to={ROUTES.FlameGraph} replace />} />
      </Routes>
    </SettingsProvider>
  );
}
