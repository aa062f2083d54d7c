import { canEditSettings, resolveSettings, toJsonData, vcsDatasourceFor } from './settings';

describe('settings', () => {
  it('turns function details on unless explicitly off', () => {
    expect(resolveSettings(null).enableFunctionDetails).toBe(true);
    expect(resolveSettings({}).enableFunctionDetails).toBe(true);
    expect(resolveSettings({ enableFunctionDetails: false }).enableFunctionDetails).toBe(false);
  });

  it('ignores blank data source uids and round-trips the rest', () => {
    const s = resolveSettings({ vcsDatasourceUid: '  ', defaultDatasourceUid: 'pyro' });
    expect(s).toEqual({ enableFunctionDetails: true, vcsDatasourceUid: undefined, defaultDatasourceUid: 'pyro' });
    expect(toJsonData(s)).toEqual({ enableFunctionDetails: true, defaultDatasourceUid: 'pyro' });
  });

  it('uses the Pyroscope data source in use for vcs.v1 unless another is set', () => {
    expect(vcsDatasourceFor(resolveSettings({}), 'pyro')).toBe('pyro');
    expect(vcsDatasourceFor(resolveSettings({ vcsDatasourceUid: 'src' }), 'pyro')).toBe('src');
  });

  it('lets only org admins and server admins edit', () => {
    expect(canEditSettings({ orgRole: 'Admin' })).toBe(true);
    expect(canEditSettings({ orgRole: 'Editor' })).toBe(false);
    expect(canEditSettings({ orgRole: 'Viewer', isGrafanaAdmin: true })).toBe(true);
    expect(canEditSettings(undefined)).toBe(false);
  });
});
