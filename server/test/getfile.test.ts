/** GetFile, GetCommit and GetCommits over real HTTP against the GitHub double serving local git repositories. */
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { ResolutionExplanationSchema, VCSService } from '../../proto/gen/vcs/v1/vcs_pb';
import { decodeContent, rpc, Stack, startStack, tempDir } from './helpers';

const tmp = tempDir('getfile');
const GO_MOD = `module github.com/acme/app

go 1.21

require (
	github.com/acme/lib v1.0.0
	github.com/vend/pkg v0.1.0
)

replace github.com/acme/old => ./internal/old
`;
const CONFIG = `version: v1
source_code:
  mappings:
    - path: [{prefix: /usr/local/lib/python3.12/site-packages/vendorlib}]
      language: python
      source: {local: {path: third_party/vendorlib}}
    - function_name: [{prefix: com/acme}]
      language: java
      source: {local: {path: src/main/java}}
    - path: [{prefix: java/}]
      function_name: [{prefix: java/}]
      language: java
      source: {github: {owner: openjdk, repo: jdk, ref: jdk-17+0, path: src/java.base/share/classes}}
    - path: [{prefix: /opt/ext/deep}]
      language: go
      source: {local: {path: missing/dir}}
    - path: [{prefix: /opt/ext}]
      language: go
      source: {local: {path: ext}}
`;
const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]);

const app = createFixtureRepo(tmp.dir, 'acme/app', [
  {
    files: {
      'go.mod': GO_MOD,
      '.pyroscope.yaml': CONFIG,
      'main.go': 'package main\n\nfunc main() {}\n',
      'internal/cart/cart.go': 'package cart\n\n// Total sums the cart.\nfunc Total() int { return 1 }\n',
      'internal/old/old.go': 'package old\n',
      'vendor/github.com/vend/pkg/x.go': 'package pkg // vendored\n',
      'ext/deep/tool.go': 'package deep\n',
      'app/server.py': 'def handler():\n    return 1\n',
      'third_party/vendorlib/core.py': 'VENDORED = True\n',
      'src/index.js': 'export function handler() {}\n',
      'src/odd name #1?.js': 'export const odd = 1;\n',
      'src/main/java/com/acme/Shop.java': 'package com.acme;\nclass Shop {}\n',
      'services/billing/src/main/java/com/acme/billing/Invoice.java': 'package com.acme.billing;\nclass Invoice {}\n',
      'assets/logo.bin': binary,
      'big.txt': 'x'.repeat(1024 * 1024 + 10),
      'broken/.pyroscope.yaml': 'source_code: [unclosed\n',
      'broken/main.go': 'package broken\n',
      'badversion/.pyroscope.yaml': 'version: v2\n',
      'badmap/.pyroscope.yaml':
        'source_code:\n  mappings:\n    - path: [{prefix: a}]\n      language: cobol\n      source: {local: {path: x}}\n    - path: [{prefix: b}]\n      language: go\n      source: {local: {path: x}, github: {owner: o, repo: r}}\n',
      'goroot/.pyroscope.yaml':
        'source_code:\n  mappings:\n    - path: [{prefix: $GOROOT/src}]\n      language: go\n      source: {github: {owner: golang, repo: go, ref: go1.21.3, path: src}}\n',
    },
    tags: ['v1'],
    message: 'Add the app',
  },
  { files: { 'main.go': 'package main\n\nfunc main() { run() }\n' }, message: 'Call run' },
]);
const lib = createFixtureRepo(tmp.dir, 'acme/lib', [
  { files: { 'lib.go': 'package lib // v1.0.0\n' }, tags: ['v1.0.0'] },
  { files: { 'lib.go': 'package lib // v1.1.0\n' }, tags: ['v1.1.0'] },
]);
const goRepo = createFixtureRepo(
  tmp.dir,
  'golang/go',
  [
    { files: { 'src/fmt/print.go': 'package fmt // go1.21.3\n' }, tags: ['go1.21.3'] },
    { files: { 'src/fmt/print.go': 'package fmt // master\n' } },
  ],
  'master'
);
const cpython = createFixtureRepo(tmp.dir, 'python/cpython', [
  { files: { 'Lib/json/decoder.py': '"""JSON decoder (3.12)"""\n' }, branch: '3.12' },
]);
const jdk = createFixtureRepo(tmp.dir, 'openjdk/jdk', [
  {
    files: { 'src/java.base/share/classes/java/lang/Math.java': 'package java.lang;\npublic final class Math {}\n' },
    tags: ['jdk-17+0'],
  },
]);
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [{ files: { 'main.go': 'package main // secret\n' } }]);

describe('GetFile over HTTP', () => {
  let stack: Stack;
  let alice: string;

  beforeAll(async () => {
    stack = await startStack([
      { fullName: 'acme/app', dir: app.dir },
      { fullName: 'acme/lib', dir: lib.dir },
      { fullName: 'golang/go', dir: goRepo.dir },
      { fullName: 'python/cpython', dir: cpython.dir },
      { fullName: 'openjdk/jdk', dir: jdk.dir },
      { fullName: 'acme/secret', dir: secret.dir, private: true, readers: ['alice'] },
    ]);
    alice = stack.cookieFor('alice');
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  const getFile = (body: Record<string, string>, cookie = alice) =>
    rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: app.commits.v1, rootPath: '', ...body },
      { cookie }
    );

  async function explain(body: Record<string, string>, cookie = alice) {
    const client = createClient(VCSService, createConnectTransport({ baseUrl: stack.url, httpVersion: '1.1' }));
    try {
      await client.getFile(
        { repositoryURL: 'https://github.com/acme/app', ref: app.commits.v1, ...body },
        { headers: { cookie } }
      );
    } catch (error) {
      const connectError = ConnectError.from(error);
      return {
        code: connectError.code,
        message: connectError.rawMessage,
        explanation: connectError.findDetails(ResolutionExplanationSchema)[0],
      };
    }
    throw new Error('expected GetFile to fail');
  }

  it.each([
    [
      'Go stdlib with the version in the path',
      { localPath: '/usr/local/go/go1.21.3/src/fmt/print.go' },
      'golang/go',
      'go1.21.3',
      'src/fmt/print.go',
      'go:stdlib',
      'package fmt // go1.21.3',
    ],
    [
      'Go stdlib without version: go.mod says go 1.21, golang/go has no go1.21.0 → master',
      { localPath: 'fmt/print.go' },
      'golang/go',
      'master',
      'src/fmt/print.go',
      'go:stdlib',
      'package fmt // master',
    ],
    [
      'Go stdlib through a $GOROOT/src mapping',
      { localPath: '$GOROOT/src/fmt/print.go', rootPath: 'goroot' },
      'golang/go',
      'go1.21.3',
      'src/fmt/print.go',
      'mapping:github[0]',
      'go1.21.3',
    ],
    [
      'Go module cache at the go.mod version',
      { localPath: '/root/go/pkg/mod/github.com/acme/lib@v1.1.0/lib.go' },
      'acme/lib',
      'v1.0.0',
      'lib.go',
      'go:module',
      'package lib // v1.0.0',
    ],
    [
      'Go -trimpath main module',
      { localPath: 'github.com/acme/app/internal/cart/cart.go' },
      'acme/app',
      app.commits.v1,
      'internal/cart/cart.go',
      'go:main-module',
      'Total sums',
    ],
    [
      'Go -trimpath -mod=vendor dependency',
      { localPath: 'github.com/vend/pkg/x.go' },
      'acme/app',
      app.commits.v1,
      'vendor/github.com/vend/pkg/x.go',
      'go:vendor',
      'vendored',
    ],
    [
      'Go vendor/ path',
      { localPath: '/build/src/vendor/github.com/vend/pkg/x.go' },
      'acme/app',
      app.commits.v1,
      'vendor/github.com/vend/pkg/x.go',
      'go:vendor',
      'vendored',
    ],
    [
      'Go local replace',
      { localPath: '/go/pkg/mod/github.com/acme/old@v0.0.0-00010101000000-000000000000/old.go' },
      'acme/app',
      app.commits.v1,
      'internal/old/old.go',
      'go:module-replace',
      'package old',
    ],
    [
      'Go relative path with a build prefix',
      { localPath: '/home/ci/build/internal/cart/cart.go' },
      'acme/app',
      app.commits.v1,
      'internal/cart/cart.go',
      'relative',
      'Total sums',
    ],
    [
      'Go mapping (longest prefix that finds the file)',
      { localPath: '/opt/ext/deep/tool.go' },
      'acme/app',
      app.commits.v1,
      'ext/deep/tool.go',
      'mapping:local[4]',
      'package deep',
    ],
    [
      'Python stdlib',
      { localPath: '/usr/lib/python3.12/json/decoder.py' },
      'python/cpython',
      '3.12',
      'Lib/json/decoder.py',
      'python:stdlib',
      'JSON decoder',
    ],
    [
      'Python site-packages mapping beats stdlib detection',
      { localPath: '/usr/local/lib/python3.12/site-packages/vendorlib/core.py' },
      'acme/app',
      app.commits.v1,
      'third_party/vendorlib/core.py',
      'mapping:local[0]',
      'VENDORED',
    ],
    [
      'Python relative path',
      { localPath: '/srv/app/app/server.py' },
      'acme/app',
      app.commits.v1,
      'app/server.py',
      'relative',
      'def handler',
    ],
    [
      'Java local mapping by function name',
      { functionName: 'com/acme/Shop$Cart.checkout', localPath: 'Shop.java' },
      'acme/app',
      app.commits.v1,
      'src/main/java/com/acme/Shop.java',
      'mapping:local[1]',
      'class Shop',
    ],
    [
      'Java GitHub mapping (openjdk)',
      { functionName: 'java/lang/Math.floorMod', localPath: '' },
      'openjdk/jdk',
      'jdk-17+0',
      'src/java.base/share/classes/java/lang/Math.java',
      'mapping:github[2]',
      'final class Math',
    ],
    [
      'Java without mapping, found in a source root',
      { functionName: 'com.acme.billing.Invoice.total', localPath: 'Invoice.java' },
      'acme/app',
      app.commits.v1,
      'services/billing/src/main/java/com/acme/billing/Invoice.java',
      'java:source-root',
      'class Invoice',
    ],
    [
      'JavaScript relative path',
      { localPath: '/usr/src/app/src/index.js', functionName: './index.js:handler:1' },
      'acme/app',
      app.commits.v1,
      'src/index.js',
      'relative',
      'export function handler',
    ],
    [
      'Other extension: relative path',
      { localPath: '/app/go.mod' },
      'acme/app',
      app.commits.v1,
      'go.mod',
      'relative',
      'module github.com/acme/app',
    ],
  ])('%s', async (_name, body, repo, ref, path, rule, snippet) => {
    const res = await getFile(body);
    expect(res.status).toBe(200);
    expect(decodeContent(res.body)).toContain(snippet);
    expect(res.body).toMatchObject({
      resolvedRepositoryUrl: `${stack.double.url}/${repo}`,
      resolvedRef: ref,
      resolvedPath: path,
      rule,
      URL: `${stack.double.url}/${repo}/blob/${ref}/${path}`,
    });
  });

  it('fetches the file at the requested commit, not the branch head', async () => {
    const old = await getFile({ localPath: 'main.go' });
    expect(decodeContent(old.body)).toBe('package main\n\nfunc main() {}\n');
    const head = await getFile({ localPath: 'main.go', ref: 'main' });
    expect(decodeContent(head.body)).toContain('run()');
    expect(head.body.URL).toBe(`${stack.double.url}/acme/app/blob/main/main.go`);
  });

  it('not found: lists every place tried, mappings longest first, in a ResolutionExplanation detail', async () => {
    const result = await explain({ localPath: '/opt/ext/deep/nothing.go' });
    expect(result.code).toBe(Code.NotFound);
    expect(result.message).toMatch(/^file not found \(\d+ places tried for \/opt\/ext\/deep\/nothing.go\)$/);
    const rules = result.explanation?.attempts.map((a) => `${a.rule} ${a.path} ${a.outcome}`);
    expect(rules?.slice(0, 3)).toEqual([
      'config .pyroscope.yaml found',
      'mapping:local[3] missing/dir/nothing.go not_found',
      'mapping:local[4] ext/deep/nothing.go not_found',
    ]);
    expect(result.explanation?.attempts.at(-1)).toMatchObject({
      rule: 'relative',
      outcome: 'not_found: none of these paths is in the tree',
    });
    expect(result.explanation).toMatchObject({ language: 'go', configFound: true, configProblems: [] });
  });

  it.each([
    ['malformed YAML', 'broken', 'failed to parse pyroscope config'],
    ['wrong version', 'badversion', "invalid version 'v2', supported versions are 'v1'"],
    ['unknown language', 'badmap', "mapping[0]: language 'cobol' unsupported"],
    ['both sources', 'badmap', 'mapping[1]: more than one source type supplied'],
  ])('reports a config with %s to the caller', async (_name, rootPath, problem) => {
    const result = await explain({ localPath: '/x/nothing.go', rootPath });
    expect(result.code).toBe(Code.NotFound);
    expect(result.explanation?.configFound).toBe(true);
    expect(result.explanation?.configProblems.join('\n')).toContain(problem);
    expect(result.message).toContain(problem);
  });

  it('a broken config does not stop the fallbacks', async () => {
    const res = await getFile({ localPath: '/x/y/main.go', rootPath: 'broken' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resolvedPath: 'broken/main.go', rule: 'relative' });
  });

  it.each([
    [
      'Java without a mapping or the class in the tree',
      { localPath: 'Thing.java', functionName: 'com/nowhere/Thing.run' },
      'no mappings provided, file not resolvable',
      'java',
    ],
    [
      'Python',
      { localPath: '/srv/nothing.py' },
      'stdlib not detected and no mappings provided, file not resolvable',
      'python',
    ],
    [
      'JavaScript',
      { localPath: '/srv/nothing.ts' },
      'no mappings matched and relative path not found, file not resolvable',
      'javascript',
    ],
  ])('not found message for %s', async (_name, body, message, language) => {
    const result = await explain(body);
    expect(result.code).toBe(Code.NotFound);
    expect(result.message).toContain(message);
    expect(result.explanation?.language).toBe(language);
  });

  it('refuses files over the size limit and binary files, saying why', async () => {
    const huge = await explain({ localPath: 'big.txt' });
    expect(huge.explanation?.attempts.find((a) => a.path === 'big.txt')?.outcome).toMatch(
      /^rejected: big.txt is 1048586 bytes, larger than the limit of 1048576 bytes/
    );
    const bin = await explain({ localPath: 'assets/logo.bin' });
    expect(bin.explanation?.attempts.find((a) => a.path === 'assets/logo.bin')?.outcome).toBe(
      'rejected: assets/logo.bin is a binary file, not source code'
    );
  });

  it.each([
    ['.. in the path', { localPath: '../../etc/passwd' }, "localPath must not contain '..'"],
    ['.. in the root path', { localPath: 'main.go', rootPath: 'a/../..' }, "rootPath must not contain '..'"],
    [
      'an unsupported host',
      { localPath: 'main.go', repositoryURL: 'https://gitlab.com/acme/app' },
      "repository host 'gitlab.com' not supported; supported hosts:",
    ],
    ['no repository', { localPath: 'main.go', repositoryURL: '' }, 'repository URL is empty'],
  ])('bad input: %s is invalid_argument', async (_name, body, message) => {
    const calls = stack.double.requests.length;
    const res = await getFile(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_argument');
    expect(String(res.body.message)).toContain(message);
    expect(stack.double.requests.length).toBe(calls);
  });

  it('names the supported hosts (the configured GitHub and its aliases) when refusing a repository host', async () => {
    const res = await getFile({ localPath: 'main.go', repositoryURL: 'git@gitlab.com:acme/app.git' });
    expect(res.body).toEqual({
      code: 'invalid_argument',
      message: `repository host 'gitlab.com' not supported; supported hosts: ${new URL(stack.double.url).host}, github.com, www.github.com, raw.githubusercontent.com`,
    });
  });

  it('reads files whose names need escaping, and files over 1 MB through the raw media type when allowed', async () => {
    const odd = await getFile({ localPath: '/srv/src/odd name #1?.js' });
    expect(odd.body).toMatchObject({ resolvedPath: 'src/odd name #1?.js' });
    expect(decodeContent(odd.body)).toBe('export const odd = 1;\n');
    const roomy = await startStack([{ fullName: 'acme/app', dir: app.dir }], {
      env: { MAX_FILE_BYTES: String(2 * 1024 * 1024) },
    });
    try {
      const big = await rpc(
        roomy.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: app.commits.v1, localPath: 'big.txt' },
        { cookie: roomy.cookieFor('lee') }
      );
      expect(big.status).toBe(200);
      expect(Buffer.from(String(big.body.content), 'base64').length).toBe(1024 * 1024 + 10);
    } finally {
      await roomy.stop();
    }
  });

  it('a private repository is readable only with a token that may read it, even when cached', async () => {
    const body = { repositoryURL: 'https://github.com/acme/secret', ref: 'main', localPath: 'main.go' };
    const ok = await rpc(stack.url, 'GetFile', body, { cookie: alice });
    expect(ok.status).toBe(200);
    expect(decodeContent(ok.body)).toContain('secret');
    const bob = await rpc(stack.url, 'GetFile', body, { cookie: stack.cookieFor('bob') });
    expect(bob.status).toBe(404);
    expect(decodeContent(bob.body)).toBe('');
    expect(JSON.stringify(bob.body)).not.toContain('secret\\n');
  });

  it('a token GitHub no longer accepts is 401, so the client can reconnect', async () => {
    const cookie = stack.cookieFor('carol');
    stack.double.revokeToken(/ghu_[0-9a-f]+/.exec(JSON.stringify(stack.double.requests))?.[0] ?? '');
    // revoke the token inside the cookie: issue, read it back through a call, then revoke
    const granted = stack.double.issueToken('carol');
    const { sessionCookie } = await import('./helpers');
    const revoked = sessionCookie({ accessToken: granted.accessToken, expiry: granted.expiresAt });
    stack.double.revokeToken(granted.accessToken);
    const res = await rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' },
      { cookie: revoked }
    );
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
    expect(
      (
        await rpc(
          stack.url,
          'GetFile',
          { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' },
          { cookie }
        )
      ).status
    ).toBe(200);
  });

  it.each([403, 429] as const)(
    'a GitHub rate limit (%i) becomes resource_exhausted with the reset time',
    async (status) => {
      const resetAt = Math.floor(Date.now() / 1000) + 1800;
      stack.double.forceRateLimit({ status, resetAt });
      try {
        const res = await getFile(
          { localPath: 'internal/cart/cart.go', ref: `${app.commits.commit1}` },
          stack.cookieFor('dave')
        );
        expect(res.status).toBe(429);
        expect(res.body.code).toBe('resource_exhausted');
        expect(res.body.message).toBe(
          `GitHub rate limit exceeded; it resets at ${new Date(resetAt * 1000).toISOString()}`
        );
      } finally {
        stack.double.clearRateLimit();
      }
    }
  );

  it('caches: the same frame again costs no GitHub call; another frame of the same commit reuses config and tree', async () => {
    const fresh = await startStack([{ fullName: 'acme/app', dir: app.dir }]);
    try {
      const cookie = fresh.cookieFor('erin');
      const body = {
        repositoryURL: 'https://github.com/acme/app',
        ref: app.commits.commit1,
        localPath: '/home/ci/build/internal/cart/cart.go',
      };
      expect((await rpc(fresh.url, 'GetFile', body, { cookie })).status).toBe(200);
      const cold = fresh.double.apiCalls().map((r) => decodeURIComponent(r.path.replace(/\?.*$/, '')));
      // A commit sha needs no ref lookup; the first successful call with the user's token shows access. The tree
      // listing starts while the config loads.
      expect(cold.sort()).toEqual(
        [
          '/repos/acme/app/contents/.pyroscope.yaml',
          `/repos/acme/app/git/trees/${app.commits.commit1}`,
          '/repos/acme/app/contents/internal/cart/cart.go',
        ].sort()
      );
      fresh.double.resetRequests();
      expect(decodeContent((await rpc(fresh.url, 'GetFile', body, { cookie })).body)).toContain('Total sums');
      expect(fresh.double.apiCalls()).toEqual([]);
      expect(
        (await rpc(fresh.url, 'GetFile', { ...body, localPath: '/home/ci/build/main.go' }, { cookie })).status
      ).toBe(200);
      expect(fresh.double.apiCalls().map((r) => decodeURIComponent(r.path))).toEqual([
        `/repos/acme/app/contents/main.go?ref=${app.commits.commit1}`,
      ]);
      // Another user is served from the cache only after one call shows that their token reads the repository.
      fresh.double.resetRequests();
      expect((await rpc(fresh.url, 'GetFile', body, { cookie: fresh.cookieFor('gina') })).status).toBe(200);
      expect(fresh.double.apiCalls().map((r) => r.path)).toEqual([`/repos/acme/app/commits/${app.commits.commit1}`]);
      const metrics = await (await fetch(`${fresh.url}/metrics`)).text();
      expect(metrics).toMatch(/linescope_cache_requests_total\{cache="files",result="hit"\} [1-9]/);
    } finally {
      await fresh.stop();
    }
  });

  it('falls back to one request per candidate when the tree listing is truncated (very large repositories)', async () => {
    const huge = await startStack([{ fullName: 'acme/app', dir: app.dir }], { double: { treeEntryLimit: 3 } });
    try {
      const res = await rpc(
        huge.url,
        'GetFile',
        {
          repositoryURL: 'https://github.com/acme/app',
          ref: app.commits.v1,
          localPath: '/home/ci/build/internal/cart/cart.go',
        },
        { cookie: huge.cookieFor('nat') }
      );
      expect(res.body).toMatchObject({ rule: 'relative', resolvedPath: 'internal/cart/cart.go' });
      const contents = huge.double
        .apiCalls('/repos/acme/app/contents/')
        .map((r) => decodeURIComponent(r.path.split('?')[0]));
      expect(contents).toEqual([
        '/repos/acme/app/contents/.pyroscope.yaml',
        '/repos/acme/app/contents/home/ci/build/internal/cart/cart.go',
        '/repos/acme/app/contents/ci/build/internal/cart/cart.go',
        '/repos/acme/app/contents/build/internal/cart/cart.go',
        '/repos/acme/app/contents/internal/cart/cart.go',
      ]);
    } finally {
      await huge.stop();
    }
  });

  it('remembers a ref that does not exist (for the ref time-to-live)', async () => {
    const cookie = stack.cookieFor('mo');
    const body = { localPath: 'main.go', ref: 'no-such-branch' };
    stack.double.resetRequests();
    expect((await getFile(body, cookie)).status).toBe(404);
    expect(stack.double.apiCalls().map((r) => `${r.status} ${r.path}`)).toEqual([
      '422 /repos/acme/app/commits/no-such-branch',
    ]);
    stack.double.resetRequests();
    const again = await explain(body, cookie);
    expect(again.code).toBe(Code.NotFound);
    expect(again.explanation?.attempts[0]).toMatchObject({
      rule: 'config',
      ref: 'no-such-branch',
      outcome: 'not_found',
    });
    expect(stack.double.apiCalls()).toEqual([]);
  });

  it('a branch ref is resolved to a commit and revalidated with If-None-Match (304) after its time-to-live', async () => {
    const short = await startStack([{ fullName: 'acme/app', dir: app.dir }], { env: { REF_TTL_SECONDS: '0' } });
    try {
      const cookie = short.cookieFor('frank');
      const body = { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' };
      expect((await rpc(short.url, 'GetFile', body, { cookie })).status).toBe(200);
      short.double.resetRequests();
      expect((await rpc(short.url, 'GetFile', body, { cookie })).status).toBe(200);
      expect(short.double.apiCalls().map((r) => `${r.status} ${r.path}`)).toEqual(['304 /repos/acme/app/commits/main']);
    } finally {
      await short.stop();
    }
  });

  it('works with GitHub Enterprise: repository URLs on its host, the API under /api/v3', async () => {
    const ghe = await startStack([{ fullName: 'acme/app', dir: app.dir }], {
      env: { GITHUB_API_URL: '', GITHUB_REPOSITORY_HOSTS: '' },
    });
    try {
      const cookie = ghe.cookieFor('jo');
      const host = new URL(ghe.double.url).host;
      const ok = await rpc(
        ghe.url,
        'GetFile',
        { repositoryURL: `${ghe.double.url}/acme/app`, ref: 'main', localPath: 'main.go' },
        { cookie }
      );
      expect(ok.status).toBe(200);
      expect(ghe.double.requests.filter((r) => r.path.startsWith('/repos/'))).toEqual([]);
      expect(ghe.double.apiCalls().length).toBeGreaterThan(0);
      const other = await rpc(
        ghe.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' },
        { cookie }
      );
      expect(other.body.message).toBe(`repository host 'github.com' not supported; supported hosts: ${host}`);
    } finally {
      await ghe.stop();
    }
  });

  it('bounds every GitHub call with a timeout: a GitHub too slow to answer is deadline_exceeded, not waited for', async () => {
    const github = watchGitHubCalls();
    // GitHub answers every call, but only long after the 200 ms timeout.
    const slow = await startStack([{ fullName: 'acme/app', dir: app.dir }], {
      env: { GITHUB_TIMEOUT_MS: '200' },
      double: { latencyMs: 5000 },
      fetch: github.fetch,
    });
    try {
      const cookie = slow.cookieFor('kim');
      const commit = await rpc(
        slow.url,
        'GetCommit',
        { repositoryURL: 'https://github.com/acme/app', ref: 'main' },
        { cookie }
      );
      expect(commit.status).toBe(504);
      expect(commit.body.code).toBe('deadline_exceeded');
      await github.settled();
      // GitHub got the call, and its answer never reached the server: the timeout aborted the call first.
      expect(slow.double.apiCalls().map((r) => r.path)).toEqual(['/repos/acme/app/commits/main']);
      expect(github.events).toEqual([
        'start /repos/acme/app/commits/main',
        'aborted (TimeoutError) /repos/acme/app/commits/main',
      ]);

      github.reset();
      slow.double.resetRequests();
      const file = await rpc(
        slow.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: app.commits.v1, localPath: '/a/b/c/d/e/main.go' },
        { cookie }
      );
      expect(file.status).toBe(504);
      expect(file.body).toMatchObject({
        code: 'deadline_exceeded',
        message:
          `GET ${slow.double.apiUrl}/repos/acme/app/contents/.pyroscope.yaml?ref=` +
          app.commits.v1 +
          ': 504 GitHub did not answer within 200 ms',
      });
      await github.settled();
      const started = github.events.filter((e) => e.startsWith('start '));
      expect(started).toContain(`start /repos/acme/app/contents/.pyroscope.yaml?ref=${app.commits.v1}`);
      expect(
        slow.double
          .apiCalls()
          .map((r) => `start ${r.path}`)
          .sort()
      ).toEqual([...started].sort());
      // One timeout, not one per place: no call was started once GitHub had been found too slow...
      expect(github.events.slice(0, started.length)).toEqual(started);
      // ...and every call that was under way ended by its timeout, none by GitHub's late answer.
      expect(github.events.slice(started.length).sort()).toEqual(
        started.map((e) => e.replace('start ', 'aborted (TimeoutError) ')).sort()
      );
    } finally {
      await slow.stop();
    }
  }, 30_000);

  it("ends at the client's Connect-Timeout-Ms deadline and cancels the GitHub calls", async () => {
    const slow = await startStack([{ fullName: 'acme/app', dir: app.dir }], { double: { latencyMs: 5000 } });
    try {
      const res = await rpc(
        slow.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: app.commits.v1, localPath: '/a/b/c/d/e/main.go' },
        { cookie: slow.cookieFor('kim'), 'connect-timeout-ms': '300' }
      );
      // GITHUB_TIMEOUT_MS is 10 s: only the client's deadline can have ended this call.
      expect(res.status).toBe(504);
      expect(res.body.code).toBe('deadline_exceeded');
      // Cancelled while the first reads were under way: none of the later places was tried.
      expect(slow.double.apiCalls().length).toBeLessThanOrEqual(2);
    } finally {
      await slow.stop();
    }
  }, 30_000);

  it('GitHub answering 5xx is unavailable (503), not not_found; a single 5xx is retried', async () => {
    const fresh = await startStack([{ fullName: 'acme/app', dir: app.dir }]);
    const cookie = fresh.cookieFor('lee');
    const call = (method: string, body: Record<string, string>) =>
      rpc(fresh.url, method, { repositoryURL: 'https://github.com/acme/app', ...body }, { cookie });
    try {
      fresh.double.forceServerError({ pathPrefix: '/repos/acme/app/', status: 502 });
      const file = await call('GetFile', { ref: app.commits.v1, localPath: 'main.go' });
      expect(file.status).toBe(503);
      expect(file.body.code).toBe('unavailable');
      const commit = await call('GetCommit', { ref: 'main' });
      expect(commit.status).toBe(503);
      expect(commit.body.code).toBe('unavailable');
      expect(String(commit.body.message)).toContain('502');
      const commits = await rpc(
        fresh.url,
        'GetCommits',
        { repositoryUrl: 'https://github.com/acme/app', refs: ['main', 'v1'] },
        { cookie }
      );
      expect(commits.status).toBe(503);
      expect(commits.body.code).toBe('unavailable');

      fresh.double.clearServerErrors();
      fresh.double.forceServerError({ pathPrefix: '/repos/acme/app/contents/main.go', status: 500, count: 1 });
      const retried = await call('GetFile', { ref: app.commits.v1, localPath: 'main.go' });
      expect(retried.status).toBe(200);
      expect(decodeContent(retried.body)).toBe('package main\n\nfunc main() {}\n');
    } finally {
      await fresh.stop();
    }
  }, 30_000);

  describe('GetCommit / GetCommits', () => {
    it.each([
      ['a branch', 'main', 'commit1'],
      ['a tag', 'v1', 'v1'],
      ['a sha', app.commits.v1, 'v1'],
      ['heads/<branch>', 'heads/main', 'commit1'],
      ['tags/<tag>', 'tags/v1', 'v1'],
    ])('GetCommit resolves %s', async (_name, ref, key) => {
      const res = await rpc(
        stack.url,
        'GetCommit',
        { repositoryURL: 'git@github.com:acme/app.git', ref },
        { cookie: alice }
      );
      expect(res.status).toBe(200);
      const sha = app.commits[key];
      expect(res.body).toEqual({
        message: key === 'v1' ? 'Add the app' : 'Call run',
        author: { login: 'demo', avatarURL: `${stack.double.url}/avatars/demo` },
        date: key === 'v1' ? '2026-01-01T12:00:00Z' : '2026-01-02T12:00:00Z',
        sha,
        URL: `${stack.double.url}/acme/app/commit/${sha}`,
      });
    });

    it('GetCommit of an unknown ref is not_found (Pyroscope: 501 unimplemented)', async () => {
      const res = await rpc(
        stack.url,
        'GetCommit',
        { repositoryURL: 'https://github.com/acme/app', ref: 'no-such-ref' },
        { cookie: alice }
      );
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    });

    it('GetCommits answers in request order with the ref of each, dropping unknown refs', async () => {
      const res = await rpc(
        stack.url,
        'GetCommits',
        { repositoryUrl: 'https://github.com/acme/app', refs: ['v1', 'nope', 'main', 'v1'] },
        { cookie: alice }
      );
      expect(res.status).toBe(200);
      const commits = res.body.commits as Array<Record<string, string>>;
      expect(commits.map((c) => [c.ref, c.sha])).toEqual([
        ['v1', app.commits.v1],
        ['main', app.commits.commit1],
        ['v1', app.commits.v1],
      ]);
    });

    it('caches commits asked for by sha: again costs no call; another user one access check', async () => {
      const body = { repositoryUrl: 'https://github.com/acme/app', refs: [app.commits.v1, app.commits.commit1] };
      const cookie = stack.cookieFor('henry');
      const first = await rpc(stack.url, 'GetCommits', body, { cookie });
      stack.double.resetRequests();
      expect((await rpc(stack.url, 'GetCommits', body, { cookie })).body).toEqual(first.body);
      expect(stack.double.apiCalls()).toEqual([]);
      expect((await rpc(stack.url, 'GetCommits', body, { cookie: stack.cookieFor('ivy') })).body).toEqual(first.body);
      expect(stack.double.apiCalls()).toHaveLength(1);
      // A user who cannot read the repository gets nothing from the cache.
      const hidden = await rpc(
        stack.url,
        'GetCommits',
        { repositoryUrl: 'https://github.com/acme/secret', refs: [secret.commits.commit0] },
        { cookie: alice }
      );
      expect(hidden.status).toBe(200);
      const denied = await rpc(
        stack.url,
        'GetCommits',
        { repositoryUrl: 'https://github.com/acme/secret', refs: [secret.commits.commit0] },
        { cookie: stack.cookieFor('bob') }
      );
      expect(denied.status).toBe(404);
    });

    it('GetCommits with no refs is empty; with only unknown refs not_found', async () => {
      expect(
        (
          await rpc(
            stack.url,
            'GetCommits',
            { repositoryUrl: 'https://github.com/acme/app', refs: [] },
            { cookie: alice }
          )
        ).body
      ).toEqual({});
      const none = await rpc(
        stack.url,
        'GetCommits',
        { repositoryUrl: 'https://github.com/acme/app', refs: ['x', 'y'] },
        { cookie: alice }
      );
      expect(none).toMatchObject({ status: 404, body: { code: 'not_found', message: 'failed to fetch any commits' } });
    });
  });
});

/**
 * Wraps the server's fetch to GitHub and logs, in order, each call's start and how it ended: aborted (and the
 * abort's reason, e.g. TimeoutError), answered by GitHub, or failed. `settled` waits for every call started so far.
 */
function watchGitHubCalls() {
  const events: string[] = [];
  let endings: Array<Promise<unknown>> = [];
  const watched: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const path = url.pathname + url.search;
    events.push(`start ${path}`);
    const signal = init?.signal;
    // Logged when the abort happens, not when fetch gets round to rejecting.
    signal?.addEventListener('abort', () => events.push(`aborted (${(signal.reason as Error).name}) ${path}`), {
      once: true,
    });
    const response = fetch(input, init);
    endings.push(
      response.then(
        () => events.push(`answered ${path}`),
        (error: Error) => signal?.aborted || events.push(`failed ${path}: ${error.message}`)
      )
    );
    return response;
  };
  return {
    fetch: watched,
    events,
    settled: () => Promise.all(endings),
    reset: () => {
      events.length = 0;
      endings = [];
    },
  };
}
