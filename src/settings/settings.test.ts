import { canEditSettings, resolveSettings, toJsonData, vcsDataSourceFor } from './settings';

describe('settings', () => {
  it('turns function details on unless explicitly off', () => {
    expect(resolveSettings(null).enableFunctionDetails).toBe(true);
    expect(resolveSettings({}).enableFunctionDetails).toBe(true);
    expect(resolveSettings({ enableFunctionDetails: false }).enableFunctionDetails).toBe(false);
  });

  it('ignores blank data source uids and round-trips the rest', () => {
    const s = resolveSettings({ vcsDataSourceUid: '  ', defaultDatasourceUid: 'pyro' });
    expect(s).toEqual({ enableFunctionDetails: true, vcsDataSourceUid: undefined, defaultDatasourceUid: 'pyro' });
    expect(toJsonData(s)).toEqual({ enableFunctionDetails: true, defaultDatasourceUid: 'pyro' });
  });

  it('reads the vcs.v1 data source saved under its first spelling, vcsDatasourceUid; saves it as vcsDataSourceUid', () => {
    const saved = resolveSettings({ vcsDatasourceUid: 'src-before', defaultDatasourceUid: 'pyro' });
    expect(saved.vcsDataSourceUid).toBe('src-before');
    expect(toJsonData(saved)).toEqual({
      enableFunctionDetails: true,
      vcsDataSourceUid: 'src-before',
      defaultDatasourceUid: 'pyro',
    });
    // Both present (saved again by this version, provisioned by an older file): the new spelling wins.
    expect(resolveSettings({ vcsDataSourceUid: 'new', vcsDatasourceUid: 'old' }).vcsDataSourceUid).toBe('new');
    expect(resolveSettings({ vcsDataSourceUid: ' ', vcsDatasourceUid: 'old' }).vcsDataSourceUid).toBe('old');
  });

  it('uses the Pyroscope data source in use for vcs.v1 unless another is set', () => {
    expect(vcsDataSourceFor(resolveSettings({}), 'pyro')).toBe('pyro');
    expect(vcsDataSourceFor(resolveSettings({ vcsDataSourceUid: 'src' }), 'pyro')).toBe('src');
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
