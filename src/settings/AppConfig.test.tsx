import React from 'react';
import { of, throwError } from 'rxjs';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  OrgRole,
  type AppPluginMeta,
  type DataSourceInstanceSettings,
  type PluginConfigPageProps,
} from '@grafana/data';
import { config, setBackendSrv, setDataSourceSrv, type BackendSrv, type DataSourceSrv } from '@grafana/runtime';
import AppConfig from './AppConfig';
import { testIds } from '../testIds';
import type { LinescopeJsonData } from './settings';

// Other jobs share this machine's two cores: give renders time rather than fail on a busy moment.
configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

const fetchMock = jest.fn();
const pyroscope = {
  uid: 'pyro',
  name: 'Pyroscope',
  type: 'grafana-pyroscope-datasource',
  meta: { id: 'grafana-pyroscope-datasource', info: { logos: {} } },
  jsonData: {},
} as unknown as DataSourceInstanceSettings;

// Grafana's services (the host's side): the signed-in user, BackendSrv and the data source list.
beforeAll(() => {
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
  setDataSourceSrv({
    getList: () => [pyroscope],
    getInstanceSettings: (ref: unknown) =>
      ref === 'pyro' || (ref as { uid?: string })?.uid === 'pyro' ? pyroscope : undefined,
  } as unknown as DataSourceSrv);
});
const setUser = (user: { orgRole: OrgRole; isGrafanaAdmin: boolean }) => {
  config.bootData.user = { ...config.bootData.user, ...user };
};

const props = (jsonData: LinescopeJsonData | undefined) =>
  ({
    plugin: {
      meta: { id: 'linescope-app', enabled: true, pinned: true, jsonData } as AppPluginMeta<LinescopeJsonData>,
    },
    query: {},
  }) as unknown as PluginConfigPageProps<AppPluginMeta<LinescopeJsonData>>;

describe('AppConfig', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    setUser({ orgRole: OrgRole.Admin, isGrafanaAdmin: false });
  });

  it('defaults function details to on when nothing was saved yet', () => {
    render(<AppConfig {...props(undefined)} onSaved={jest.fn()} />);
    expect(screen.getByTestId(testIds.config.enableFunctionDetails)).toBeChecked();
    expect(screen.queryByTestId(testIds.config.readOnlyNote)).not.toBeInTheDocument();
  });

  it('lets an admin turn function details off and saves enabled, pinned and jsonData', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: { message: 'Plugin settings updated' } }));
    const onSaved = jest.fn();
    render(<AppConfig {...props({ vcsDataSourceUid: 'pyro', defaultDatasourceUid: 'pyro' })} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId(testIds.config.enableFunctionDetails));
    fireEvent.click(screen.getByTestId(testIds.config.save));
    await screen.findByTestId(testIds.config.saved);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toMatchObject({
      url: '/api/plugins/linescope-app/settings',
      method: 'POST',
      data: {
        enabled: true,
        pinned: true,
        jsonData: { enableFunctionDetails: false, vcsDataSourceUid: 'pyro', defaultDatasourceUid: 'pyro' },
      },
    });
    expect(onSaved).toHaveBeenCalled();
  });

  it('keeps the form and says what to do when Grafana refuses the save', async () => {
    fetchMock.mockReturnValue(throwError(() => ({ status: 403, data: { message: 'Access denied' } })));
    const onSaved = jest.fn();
    render(<AppConfig {...props({ enableFunctionDetails: true })} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId(testIds.config.enableFunctionDetails));
    fireEvent.click(screen.getByTestId(testIds.config.save));
    const alert = await screen.findByTestId(testIds.config.saveError);
    expect(alert).toHaveTextContent('only organization admins');
    expect(screen.getByTestId(testIds.config.enableFunctionDetails)).not.toBeChecked();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a viewer the values read-only, with a note and no save button', async () => {
    setUser({ orgRole: OrgRole.Viewer, isGrafanaAdmin: false });
    render(<AppConfig {...props({ enableFunctionDetails: false })} onSaved={jest.fn()} />);
    expect(screen.getByTestId(testIds.config.readOnlyNote)).toHaveTextContent('Only an organization admin');
    const toggle = screen.getByTestId(testIds.config.enableFunctionDetails);
    expect(toggle).not.toBeChecked();
    expect(toggle).toBeDisabled();
    expect(screen.queryByTestId(testIds.config.save)).not.toBeInTheDocument();
    fireEvent.submit(screen.getByTestId(testIds.config.form));
    await waitFor(() => expect(fetchMock).not.toHaveBeenCalled());
  });

  it('shows a Grafana server admin who is not an org admin the read-only form', () => {
    setUser({ orgRole: OrgRole.Viewer, isGrafanaAdmin: true });
    render(<AppConfig {...props({})} onSaved={jest.fn()} />);
    expect(screen.getByTestId(testIds.config.readOnlyNote)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.config.save)).not.toBeInTheDocument();
  });
});
