import { t, Trans } from '@grafana/i18n';
import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { config, DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Stack, Switch } from '@grafana/ui';
import { PLAIN_TEXT, PLUGIN_ID, PYROSCOPE_DS_TYPE } from '../constants';
import { testIds } from '../testIds';
import {
  canEditSettings,
  type LinescopeJsonData,
  type LinescopeSettings,
  resolveSettings,
  toJsonData,
} from './settings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<LinescopeJsonData>> {
  /**
   * After a save: Grafana caches the plugin meta per page load, so the new settings apply after a full reload.
   * Not locationService.reload(): it only remounts the route, and the app would go on with the cached meta (Grafana's
   * own app example reloads the page too). The validator's direct-window-location-access rule reads only
   * window.location.href and .search.
   */
  onSaved?: () => void;
}

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'error'; message: string };

const errorMessage = (err: unknown): string => {
  const e = err as { status?: number; data?: { message?: string }; message?: string };
  if (e?.status === 403) {
    return t(
      'settings.app-config.error-forbidden',
      'Grafana refused the change (403): only organization admins can change plugin settings.'
    );
  }
  return e?.data?.message ?? e?.message ?? t('settings.app-config.error-unknown', 'Unknown error');
};

const AppConfig = ({ plugin, onSaved = () => window.location.reload() }: AppConfigProps) => {
  const { enabled, pinned, jsonData } = plugin.meta;
  const [settings, setSettings] = useState<LinescopeSettings>(() => resolveSettings(jsonData));
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const editable = canEditSettings(config.bootData?.user);
  const update = (patch: Partial<LinescopeSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    setSave({ status: 'idle' });
  };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!editable) {
      return;
    }
    setSave({ status: 'saving' });
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${PLUGIN_ID}/settings`,
          method: 'POST',
          // Grafana overwrites enabled/pinned on every save (a missing value disables the app): send them back.
          data: { enabled: enabled ?? true, pinned: pinned ?? true, jsonData: toJsonData(settings) },
          showErrorAlert: false,
        })
      );
      setSave({ status: 'saved' });
      onSaved();
    } catch (err) {
      setSave({ status: 'error', message: errorMessage(err) });
    }
  };

  return (
    <form
      onSubmit={onSubmit}
      data-testid={testIds.config.form}
      aria-label={t('settings.app-config.aria-label-linescope-settings', 'Linescope settings')}
    >
      {!editable && (
        <Alert
          severity="info"
          title={t('settings.app-config.title-readonly', 'Read-only')}
          data-testid={testIds.config.readOnlyNote}
        >
          <Trans i18nKey="settings.app-config.read-only">
            These settings apply to the whole organization. Only an organization admin can change them; ask one if
            something here should be different.
          </Trans>
        </Alert>
      )}
      <FieldSet label={t('settings.app-config.label-function-details', 'Function details')}>
        <Field
          label={t('settings.app-config.label-enable-function-details', 'Enable function details')}
          description={t(
            'settings.app-config.description-enable-function-details',
            "Adds “Function details” to the flame graph's context menu: per-line self and total for the clicked function, and its source when a vcs.v1 server can fetch it."
          )}
          disabled={!editable}
        >
          <Switch
            id="linescope-enable-function-details"
            data-testid={testIds.config.enableFunctionDetails}
            value={settings.enableFunctionDetails}
            disabled={!editable}
            onChange={(e) => update({ enableFunctionDetails: e.currentTarget.checked })}
          />
        </Field>
        <Field
          label={t('settings.app-config.label-source-vcsv-data-source', 'Source (vcs.v1) data source')}
          description={t(
            'settings.app-config.description-source-data-source',
            'The data source whose proxy reaches a vcs.v1 server (Pyroscope with GitHub configured, or the Linescope source server). Empty: the Pyroscope data source in use.'
          )}
          disabled={!editable}
        >
          <div data-testid={testIds.config.vcsDatasource}>
            <DataSourcePicker
              current={settings.vcsDatasourceUid ?? null}
              noDefault
              placeholder={t(
                'settings.app-config.placeholder-the-pyroscope-data-source-in-use',
                'The Pyroscope data source in use'
              )}
              disabled={!editable}
              width={40}
              onChange={(ds) => update({ vcsDatasourceUid: ds.uid })}
              onClear={() => update({ vcsDatasourceUid: undefined })}
            />
          </div>
        </Field>
      </FieldSet>
      <FieldSet label={t('settings.app-config.label-flame-graph', 'Flame graph')}>
        <Field
          label={t('settings.app-config.label-default-pyroscope-data-source', 'Default Pyroscope data source')}
          description={t(
            'settings.app-config.description-default-data-source',
            "The data source the flame graph page opens with. Empty: Grafana's default Pyroscope data source."
          )}
          disabled={!editable}
        >
          <div data-testid={testIds.config.defaultDatasource}>
            <DataSourcePicker
              current={settings.defaultDatasourceUid ?? null}
              pluginId={PYROSCOPE_DS_TYPE}
              noDefault
              placeholder={t(
                'settings.app-config.placeholder-grafanas-default-pyroscope-data-source',
                "Grafana's default Pyroscope data source"
              )}
              disabled={!editable}
              width={40}
              onChange={(ds) => update({ defaultDatasourceUid: ds.uid })}
              onClear={() => update({ defaultDatasourceUid: undefined })}
            />
          </div>
        </Field>
      </FieldSet>
      <Stack direction="column" gap={2}>
        {save.status === 'saved' && (
          <Alert
            severity="success"
            title={t('settings.app-config.title-settings-saved', 'Settings saved')}
            data-testid={testIds.config.saved}
          />
        )}
        {save.status === 'error' && (
          <Alert
            severity="error"
            title={t('settings.app-config.title-the-settings-were-not-saved', 'The settings were not saved')}
            data-testid={testIds.config.saveError}
          >
            {t(
              'settings.app-config.not-saved',
              '{{message}}. Your changes are still in the form: try again, or check that you are an organization admin.',
              { message: save.message, interpolation: PLAIN_TEXT }
            )}
          </Alert>
        )}
        {editable && (
          <div>
            <Button type="submit" data-testid={testIds.config.save} disabled={save.status === 'saving'}>
              {save.status === 'saving'
                ? t('settings.app-config.saving', 'Saving…')
                : t('settings.app-config.save', 'Save settings')}
            </Button>
          </div>
        )}
      </Stack>
    </form>
  );
};

export default AppConfig;
