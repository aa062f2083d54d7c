/**
 * What the server logs while sessions are made, refreshed, refused and used, at the most verbose level: never a
 * code, a token, a cookie or a secret (the redaction of fields and free text is unit-tested in config.test.ts).
 */
import { Writable } from 'node:stream';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { createLogger } from '../src/log';
import { cookieForToken, rpc, SECRET, sessionCookie, Stack, startStack, tempDir } from './helpers';

describe('logs of a session from login to refusal', () => {
  const tmp = tempDir('logs');
  const repo = createFixtureRepo(tmp.dir, 'acme/app', [{ files: { 'main.go': 'package main\n' } }]);
  let out = '';
  let stack: Stack;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    stack = await startStack([{ fullName: 'acme/app', dir: repo.dir }], { logger: createLogger('trace', sink) });
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  it('holds no authorization code, token, cookie or secret', async () => {
    const secrets: string[] = [SECRET, stack.double.clientSecret];
    const code = stack.double.issueCode('alice');
    secrets.push(code);
    const login = await rpc(stack.url, 'GithubLogin', { authorizationCode: code });
    expect(login.status).toBe(200);
    const cookie = cookieForToken(login.body.token);
    secrets.push(String(login.body.token), cookie.split('=')[1]);

    const used = 'used-code-0123456789';
    secrets.push(used);
    expect((await rpc(stack.url, 'GithubLogin', { authorizationCode: used })).status).toBe(401);
    expect((await rpc(stack.url, 'GithubLogin', { authorizationCode: code })).status).toBe(401);

    const file = { repositoryURL: 'https://github.com/acme/app', ref: 'HEAD', localPath: 'main.go' };
    expect((await rpc(stack.url, 'GetFile', file, { cookie })).status).toBe(200);
    expect((await rpc(stack.url, 'GetFile', { ...file, localPath: 'nothing.go' }, { cookie })).status).toBe(404);
    expect((await rpc(stack.url, 'GithubRefresh', {}, { cookie })).status).toBe(200);

    // A token GitHub no longer accepts, and a refresh token it refuses.
    const granted = stack.double.issueToken('bob');
    secrets.push(granted.accessToken, granted.refreshToken as string);
    const bob = sessionCookie({ accessToken: granted.accessToken, refreshToken: granted.refreshToken, expiry: granted.expiresAt });
    stack.double.revokeToken(granted.accessToken);
    expect((await rpc(stack.url, 'GetFile', file, { cookie: bob })).status).toBe(401);
    expect((await rpc(stack.url, 'GithubRefresh', {}, { cookie: bob })).status).toBe(200);
    expect((await rpc(stack.url, 'GithubRefresh', {}, { cookie: bob })).status).toBe(401);
    // A tampered cookie.
    expect((await rpc(stack.url, 'GetFile', file, { cookie: `${cookie.slice(0, -6)}AAAA==` })).status).toBe(401);

    // The test can see what the server logged: each RPC, its code, GitHub's refusals.
    expect(out).toContain('"rpcCode":"unauthenticated"');
    expect(out).toContain('GitHub code exchange failed');
    for (const secret of secrets) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toMatch(/gh[ur]_[0-9a-f]{8}/);
  });
});
