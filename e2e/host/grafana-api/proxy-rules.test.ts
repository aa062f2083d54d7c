import { downstreamResponseHeaders, keptCookieHeader, proxyTarget, splitProxyUrl, upstreamRequestHeaders } from './proxy-rules';

describe('proxy cookies (ClearCookieHeader)', () => {
  const header = 'z=1; grafana_session=secret; pyroscope_git_session=tok; a_pref=2; other=3';

  it('forwards only keepCookies names, in sorted order, never the login cookie', () => {
    expect(keptCookieHeader(header, ['pyroscope_git_session'])).toBe('pyroscope_git_session=tok');
    expect(keptCookieHeader(header, ['z', 'pyroscope_git_session', 'grafana_session'])).toBe('pyroscope_git_session=tok; z=1');
    expect(keptCookieHeader(header, ['a_[]'])).toBe('a_pref=2');
    expect(keptCookieHeader(header, ['[]'])).toBe('a_pref=2; other=3; pyroscope_git_session=tok; z=1');
  });

  it('collapses several cookies of one name to the last, as Go reads them into a map', () => {
    const dup = 'pyroscope_git_session=old; z=1; pyroscope_git_session=new; z=2';
    expect(keptCookieHeader(dup, ['pyroscope_git_session', 'z'])).toBe('pyroscope_git_session=new; z=2');
  });

  it('forwards nothing without keepCookies or matching cookies', () => {
    expect(keptCookieHeader(header, undefined)).toBeUndefined();
    expect(keptCookieHeader(header, [])).toBeUndefined();
    expect(keptCookieHeader(header, 'pyroscope_git_session')).toBeUndefined();
    expect(keptCookieHeader(undefined, ['x'])).toBeUndefined();
  });
});

describe('proxy request and response headers', () => {
  it('rewrites the director headers', () => {
    const out = upstreamRequestHeaders(
      {
        cookie: 'grafana_session=s; pyroscope_git_session=t',
        origin: 'http://h',
        referer: 'http://h/a/linescope-app',
        authorization: 'Bearer browser',
        'x-ds-authorization': 'Bearer plugin',
        'x-grafana-user': 'admin',
        'x-forwarded-host': 'evil',
        connection: 'keep-alive, x-hop',
        'x-hop': '1',
        'content-type': 'application/proto',
      },
      { keepCookies: ['pyroscope_git_session'], clientIp: '10.0.0.1', grafanaVersion: '13.0.2' }
    );
    expect(out).toEqual({
      cookie: 'pyroscope_git_session=t',
      authorization: 'Bearer plugin',
      'x-grafana-referer': 'http://h/a/linescope-app',
      'x-forwarded-for': '10.0.0.1',
      'user-agent': 'Grafana/13.0.2',
      'content-type': 'application/proto',
    });
  });

  it('drops Set-Cookie and hop-by-hop headers and adds the sandbox CSP', () => {
    expect(downstreamResponseHeaders({ 'set-cookie': ['a=b'], 'transfer-encoding': 'chunked', 'content-type': 'application/json' })).toEqual({
      'content-type': 'application/json',
      'content-security-policy': 'sandbox',
    });
  });

  it('splits proxy URLs and joins the target path with one slash', () => {
    expect(splitProxyUrl('/api/datasources/proxy/uid/pyro-1/vcs.v1.VCSService/GetFile?x=1')).toEqual({ uid: 'pyro-1', rest: 'vcs.v1.VCSService/GetFile?x=1' });
    expect(splitProxyUrl('/api/datasources/uid/x')).toBeUndefined();
    expect(proxyTarget('http://s:4040/base/', 'querier.v1.QuerierService/LabelNames?a=b').href).toBe('http://s:4040/base/querier.v1.QuerierService/LabelNames?a=b');
    expect(proxyTarget('http://s:4040', '').href).toBe('http://s:4040/');
  });
});
