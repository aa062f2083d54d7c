import { githubRouteLabel } from './metrics';

describe('metrics route labels', () => {
  it.each([
    ['/repos/grafana/pyroscope/contents/pkg/querier/querier.go', '/repos/{owner}/{repo}/contents/{path}'],
    ['/repos/connectrpc/connect-go/contents/protocol.go', '/repos/{owner}/{repo}/contents/{path}'],
    ['/repos/grafana/pyroscope/contents/', 'unknown_route'],
    ['/repos/grafana/pyroscope/contents/path with spaces', 'unknown_route'],
    ['/repos/grafana/pyroscope/commits/abcdef1234567890', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/abcdefABCDEF1234567890', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/HEAD', '/repos/{owner}/{repo}/commits/{ref}'],
    ['/repos/grafana/pyroscope/commits/', 'unknown_route'],
    ['/login/oauth/access_token', '/login/oauth/access_token'],
    ['', 'unknown_route'],
    ['/some/random/path', 'unknown_route'],
    ['/api/v3/repos/o/r/git/trees/abc', '/repos/{owner}/{repo}/git/trees/{sha}'],
  ])('%s → %s', (path, label) => {
    expect(githubRouteLabel(path)).toBe(label);
  });
});
