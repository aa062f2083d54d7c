import { parseEndpoint } from '../../src/registries/endpoint';
import { fromDocument, outbound } from '../../src/registries/outbound';

const endpoint = parseEndpoint('https://:t0ken@npm.corp.example/api/npm', 'npm');

describe('where a registry request may go', () => {
  it.each([
    [
      'the registry origin, with its credentials',
      'https://npm.corp.example/elsewhere/x.tgz',
      { withCredentials: true },
    ],
    ['another https origin, without them', 'https://cdn.example/x.tgz', { withCredentials: false }],
  ])('allows %s', (_, url, expected) => {
    expect(outbound(new URL(url), endpoint)).toEqual({ allowed: true, ...expected });
  });

  it.each([
    ['another origin over http', 'http://cdn.example/x.tgz'],
    ['the registry host over http', 'http://npm.corp.example/api/npm/x.tgz'],
    ['loopback over http', 'http://127.0.0.1:6379/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['userinfo on the registry origin', 'https://user:pw@npm.corp.example/api/npm/x.tgz'],
    ['userinfo on another https origin', 'https://npm.corp.example@cdn.example/x.tgz'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_, url) => {
    expect(outbound(new URL(url), endpoint)).toMatchObject({ allowed: false });
  });

  it('takes a document URL as given only under the registry base (npm) or on a listed https origin (PyPI)', () => {
    const npm = { underBase: true };
    expect(fromDocument('https://npm.corp.example/api/npm/ms/-/ms-1.tgz', endpoint, npm)?.pathname).toBe(
      '/api/npm/ms/-/ms-1.tgz'
    );
    expect(fromDocument('https://npm.corp.example/api/npm/../admin/x.tgz', endpoint, npm)).toBeUndefined();
    expect(fromDocument('https://npm.corp.example/api/npmx/x.tgz', endpoint, npm)).toBeUndefined();
    expect(fromDocument('https://npm.corp.example/other/x.tgz', { ...endpoint }, { underBase: false })).toBeDefined();
    const pypi = { underBase: false, otherOrigins: ['https://files.example'] };
    expect(fromDocument('https://files.example/packages/x.whl', endpoint, pypi)).toBeDefined();
    expect(fromDocument('http://files.example/packages/x.whl', endpoint, pypi)).toBeUndefined();
    expect(fromDocument('https://other.example/x.whl', endpoint, pypi)).toBeUndefined();
    expect(fromDocument('https://u:p@files.example/x.whl', endpoint, pypi)).toBeUndefined();
    expect(fromDocument('not a url', endpoint, pypi)).toBeUndefined();
  });
});
