import { createMetrics, githubRouteLabel, recordHostCall } from './metrics';

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

describe('calls to the Git hosts', () => {
  it('are one histogram by provider; a call without a response has an empty status; a bad rate limit is not kept', async () => {
    const metrics = createMetrics();
    recordHostCall(metrics, 'gitlab', {
      method: 'GET',
      route: '/projects/{project}',
      status: undefined,
      seconds: 0.2,
      rateLimit: { resource: 'throttle_authenticated_api', remaining: Number('soon') },
    });
    recordHostCall(metrics, 'github', {
      method: 'GET',
      route: '/repos/{owner}/{repo}/commits/{ref}',
      status: 200,
      seconds: 0.1,
      rateLimit: { resource: 'core', remaining: 4999 },
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'linescope_git_host_request_duration_seconds_count{provider="gitlab",method="GET",route="/projects/{project}",status_code=""} 1'
    );
    expect(text).toContain(
      'linescope_git_host_request_duration_seconds_count{provider="github",method="GET",route="/repos/{owner}/{repo}/commits/{ref}",status_code="200"} 1'
    );
    expect(text).toContain('linescope_git_host_rate_limit_remaining{provider="github",resource="core"} 4999');
    expect(text).not.toContain('rate_limit_remaining{provider="gitlab"');
  });
});
