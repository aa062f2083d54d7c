// The app's settings as Grafana stores them (plugin jsonData), and who may change them. No React, no I/O.

/** What the config page saves into the plugin's jsonData (and provisioning/plugins/linescope.yaml sets). */
export interface LinescopeJsonData {
  enableFunctionDetails?: boolean;
  /** The data source whose proxy reaches a vcs.v1 server; absent = the Pyroscope data source in use. */
  vcsDataSourceUid?: string;
  /** The same, as it was first spelled: still read (the new spelling wins), so saved and provisioned settings keep working. */
  vcsDatasourceUid?: string;
  /** The Pyroscope data source the flame graph page opens with; absent = Grafana's default Pyroscope one. */
  defaultDatasourceUid?: string;
}

export interface LinescopeSettings {
  enableFunctionDetails: boolean;
  vcsDataSourceUid?: string;
  defaultDatasourceUid?: string;
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Applies the defaults to whatever Grafana hands us (jsonData is null until the settings are first saved). */
export function resolveSettings(jsonData: LinescopeJsonData | null | undefined): LinescopeSettings {
  return {
    // Default on: only an explicit false turns the feature off.
    enableFunctionDetails: jsonData?.enableFunctionDetails !== false,
    vcsDataSourceUid: nonEmpty(jsonData?.vcsDataSourceUid) ?? nonEmpty(jsonData?.vcsDatasourceUid),
    defaultDatasourceUid: nonEmpty(jsonData?.defaultDatasourceUid),
  };
}

/** The jsonData to store: unset choices are left out so that "use the default" stays a default. */
export function toJsonData(settings: LinescopeSettings): LinescopeJsonData {
  const jsonData: LinescopeJsonData = { enableFunctionDetails: settings.enableFunctionDetails };
  if (settings.vcsDataSourceUid) {
    jsonData.vcsDataSourceUid = settings.vcsDataSourceUid;
  }
  if (settings.defaultDatasourceUid) {
    jsonData.defaultDatasourceUid = settings.defaultDatasourceUid;
  }
  return jsonData;
}

export interface SettingsUser {
  orgRole?: string;
  isGrafanaAdmin?: boolean;
  /** RBAC actions the user has (bootData.user.permissions). */
  permissions?: Record<string, boolean>;
}

/**
 * Grafana lets only users with plugins:write save plugin settings, which its basic roles give to org Admins alone (a
 * Grafana server admin who is not an org admin gets a 403); everyone else gets a 403, so don't offer it.
 */
export function canEditSettings(user: SettingsUser | undefined): boolean {
  if (user?.permissions) {
    return user.permissions['plugins:write'] === true;
  }
  return user?.orgRole === 'Admin';
}

/** The vcs.v1 data source for a view: the configured one, else the Pyroscope data source being viewed. */
export function vcsDataSourceFor(settings: LinescopeSettings, pyroscopeDatasourceUid: string): string {
  return settings.vcsDataSourceUid ?? pyroscopeDatasourceUid;
}
