import React, { useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../constants';
import { SettingsProvider } from '../settings/SettingsContext';
import { type LinescopeJsonData, resolveSettings } from '../settings/settings';
import { FunctionDetailsSeamsProvider } from '../function-details/seams';
import { GithubCallbackPage } from '../github/CallbackPage';
import { linescopeSeams } from '../vcs/functionDetailsSeams';

const FlameGraphPage = React.lazy(() => import('../pages/FlameGraphPage'));

/** Routes are relative to /a/linescope-app/ (Grafana mounts the app root there). */
export default function App({ meta }: AppRootProps<LinescopeJsonData>) {
  const settings = useMemo(() => resolveSettings(meta.jsonData), [meta.jsonData]);
  return (
    <SettingsProvider settings={settings}>
      {/* The GitHub connection, vcs.v1 source, code view and overrides (issue 6) plug into the panel here. */}
      <FunctionDetailsSeamsProvider value={linescopeSeams}>
        <Routes>
          <Route path={ROUTES.FlameGraph} element={<FlameGraphPage />} />
          <Route path={ROUTES.GitHubCallback} element={<GithubCallbackPage />} />
          <Route path="*" element={<Navigate to={ROUTES.FlameGraph} replace />} />
        </Routes>
      </FunctionDetailsSeamsProvider>
    </SettingsProvider>
  );
}
