/** The shared HTTP plumbing of the host doubles, over a real port. */
import { oauthParams, recordRequest, redirectBack, startDoubleServer } from '.';

describe('double server', () => {
  it('answers each request with its body read, after the simulated round trip, and stops', async () => {
    let latency = 0;
    const seen: string[] = [];
    const server = await startDoubleServer({
      latencyMs: () => latency,
      handle: async (req, body) => {
        seen.push(`${req.method} ${req.url} ${body.toString()}`);
        return { status: 201, headers: { 'content-type': 'text/plain', 'x-double': 'yes' }, body: Buffer.from('made') };
      },
    });
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const posted = await fetch(`${server.origin}/a?b=1`, { method: 'POST', body: 'payload' });
      expect([posted.status, posted.headers.get('x-double'), await posted.text()]).toEqual([201, 'yes', 'made']);
      expect(seen).toEqual(['POST /a?b=1 payload']);
      const head = await fetch(`${server.origin}/a`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([201, '']);

      latency = 150;
      const started = performance.now();
      await (await fetch(`${server.origin}/slow`)).text();
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await server.stop();
    }
    await expect(fetch(`${server.origin}/after`)).rejects.toThrow();
  });

  it('keeps only the most recent 10,000 requests', () => {
    const requests: number[] = [];
    for (let i = 0; i < 10_005; i++) {
      recordRequest(requests, i);
    }
    expect(requests).toHaveLength(10_000);
    expect([requests[0], requests[requests.length - 1]]).toEqual([5, 10_004]);
  });

  it("reads an OAuth request's parameters from the query, a form body or a JSON body; undefined for bad JSON", () => {
    const url = new URL('http://double/oauth?client_id=q&state=s');
    const read = (body: string, type: string) => {
      const params = oauthParams(url, Buffer.from(body), type);
      return params && Object.fromEntries(params);
    };
    expect(read('', 'application/json')).toEqual({ client_id: 'q', state: 's' });
    expect(read('client_id=f&code=c%20d', 'application/x-www-form-urlencoded')).toEqual({
      client_id: 'f',
      state: 's',
      code: 'c d',
    });
    expect(read('{"client_id":"j","expires":7}', 'application/json; charset=utf-8')).toEqual({
      client_id: 'j',
      state: 's',
      expires: '7',
    });
    expect(read('{', 'application/json')).toBeUndefined();
    expect(read('null', 'application/json')).toBeUndefined();
  });

  it("redirects back with the values and the state, keeping the redirect URI's own query", () => {
    const reply = redirectBack('http://app.example/cb?x=1', { code: 'abc' }, 'st&1');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('http://app.example/cb?x=1&code=abc&state=st%261');
    expect(redirectBack('http://app.example/cb', { error: 'access_denied' }, null).headers.location).toBe(
      'http://app.example/cb?error=access_denied'
    );
  });
});
