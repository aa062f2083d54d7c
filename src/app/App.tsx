import React, { useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../constants';
import { SettingsProvider } from '../settings/SettingsContext';
import { type LinescopeJsonData, resolveSettings } from '../settings/settings';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../queryClient';
import { LoginCallbackPage } from '../source/providers/LoginCallbackPage';

const FlameGraphPage = React.lazy(() => import('../pages/FlameGraphPage'));
const queryClient = createQueryClient();

/** Routes are relative to /a/linescope-app/ (Grafana mounts the app root there). */
export default function App({ meta }: AppRootProps<LinescopeJsonData>) {
  const settings = useMemo(() => resolveSettings(meta.jsonData), [meta.jsonData]);
  return (
    <SettingsProvider settings={settings}>
      <QueryClientProvider client={queryClient}>
        <Routes>
          <Route path={ROUTES.FlameGraph} element={<FlameGraphPage />} />
          <Route path={ROUTES.GitHubCallback} element={<LoginCallbackPage />} />
          <Route path="*" element={<Navigate to={ROUTES.FlameGraph} replace />} />
        </Routes>
      </QueryClientProvider>
    </SettingsProvider>
  );
}
