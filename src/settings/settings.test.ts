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

  it('lets only users with plugins:write edit: org admins, not a server admin who is not one', () => {
    expect(canEditSettings({ orgRole: 'Admin' })).toBe(true);
    expect(canEditSettings({ orgRole: 'Editor' })).toBe(false);
    expect(canEditSettings({ orgRole: 'Viewer', isGrafanaAdmin: true })).toBe(false);
    expect(
      canEditSettings({ orgRole: 'Viewer', isGrafanaAdmin: true, permissions: { 'datasources:query': true } })
    ).toBe(false);
    expect(canEditSettings({ orgRole: 'Admin', permissions: { 'plugins:write': true } })).toBe(true);
    // A custom role may grant it, or an org admin may lack it: the permissions decide when Grafana sends them.
    expect(canEditSettings({ orgRole: 'Editor', permissions: { 'plugins:write': true } })).toBe(true);
    expect(canEditSettings({ orgRole: 'Admin', permissions: {} })).toBe(false);
    expect(canEditSettings(undefined)).toBe(false);
  });
});
