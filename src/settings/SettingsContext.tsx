import React, { createContext, useContext } from 'react';
import { type LinescopeSettings, resolveSettings } from './settings';

const SettingsContext = createContext<LinescopeSettings>(resolveSettings(undefined));

/** Provided once by the app root from the plugin meta's jsonData. */
export const SettingsProvider = ({
  settings,
  children,
}: {
  settings: LinescopeSettings;
  children: React.ReactNode;
}) => <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;

export const useSettings = (): LinescopeSettings => useContext(SettingsContext);
