/**
 * Repository URLs, refs and paths from requests and from `.pyroscope.yaml` are untrusted: whatever they hold, the
 * server contacts only the configured GitHub API, never with a `..` segment, and answers with a Connect error
 * code, never an internal error.
 */
import fc from 'fast-check';

import { createFixtureRepo } from '../../e2e/git-fixtures';
import { fuzzParameters, fuzzTestTimeout } from '../../src/test-support/fuzz';
import { hostNames, parseRepositoryUrl, RepositoryUrlError } from '../src/hosts/repository';
import { rpc, Stack, startStack, tempDir } from './helpers';

const GITHUB = 'https://ghe.corp.example';
const GITHUB_HOST = { kind: 'github' as const, webUrl: GITHUB, aliases: [] };

const hosts = [
  'ghe.corp.example',
  'GHE.corp.example',
  'github.com',
  'evil.example',
  '127.0.0.1',
  'ghe.corp.example.evil.example',
  'localhost:4041',
  'ghe.corp.example:8443',
  '',
];
const segments = fc.oneof(
  fc.constantFrom(
    'acme',
    'app',
    'app.git',
    '..',
    '.',
    '%2e%2e',
    '%2E.',
    '..%2f',
    '%2f',
    'a%00',
    'x?y',
    'x#y',
    '~',
    '-',
    '_'
  ),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/),
  fc.string({ maxLength: 6 })
);
const repositoryUrl = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'https://',
        'http://',
        'ssh://git@',
        'git://',
        'git+ssh://',
        'file://',
        'javascript:',
        'HTTPS://',
        ''
      ),
      fc.option(fc.constantFrom('user@', 'user:pass@', 'ghe.corp.example@', '@'), { nil: '' }),
      fc.constantFrom(...hosts),
      fc.array(segments, { maxLength: 5 })
    )
    .map(([scheme, userinfo, host, path]) => `${scheme}${userinfo}${host}/${path.join('/')}`),
  fc
    .tuple(fc.constantFrom(...hosts), fc.array(segments, { maxLength: 4 }))
    .map(([host, path]) => `git@${host}:${path.join('/')}`),
  fc.array(segments, { maxLength: 4 }).map((path) => path.join('/')),
  fc.string({ maxLength: 40 })
);

/** The host a URL names, read the way a URL parser reads it (undefined when it names none). */
function writtenHost(url: string): string | undefined {
  const text = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const parsed = new URL(text);
      return (parsed.protocol.startsWith('http') ? parsed.host : parsed.hostname).toLowerCase();
    } catch {
      return undefined;
    }
  }
  const scp = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9._-]+):(?!\/\/)/.exec(text);
  if (scp) {
    return scp[1].toLowerCase();
  }
  const first = text.split('/').filter((s) => s !== '');
  return first.length >= 3 && first[0].includes('.') ? first[0].toLowerCase() : undefined;
}

describe('repository URLs from requests', () => {
  it(
    'become a repository on the configured host with plain owner and repo names, or a RepositoryUrlError',
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(repositoryUrl, (url) => {
          let repository;
          try {
            repository = parseRepositoryUrl(url, GITHUB_HOST);
          } catch (e) {
            expect(e).toBeInstanceOf(RepositoryUrlError);
            return;
          }
          accepted++;
          for (const name of [repository.owner, repository.repo]) {
            expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
            expect(['.', '..']).not.toContain(name);
          }
          expect(repository.webUrl).toBe(`${GITHUB}/${repository.owner}/${repository.repo}`);
          const host = writtenHost(url);
          if (host !== undefined) {
            expect(hostNames(GITHUB_HOST)).toContain(host);
          }
        }),
        fuzzParameters(3000)
      );
      expect(accepted).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );
});

function usually<T>(valid: T, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: hostile, weight: 2 });
}

describe('GetFile with untrusted locations, over HTTP', () => {
  const tmp = tempDir('untrusted');
  let stack: Stack;
  const outbound: string[] = [];

  beforeAll(async () => {
    const mapping = (source: string) =>
      `version: v1\nsource_code:\n  mappings:\n    - path: [{prefix: ""}]\n      language: go\n      source: ${source}\n`;
    const app = createFixtureRepo(tmp.dir, 'acme/app', [
      {
        files: {
          'main.go': 'package main\n',
          'up/.pyroscope.yaml': mapping('{local: {path: ../../..}}'),
          'other/.pyroscope.yaml': mapping('{github: {owner: "..", repo: "..", ref: main, path: src}}'),
          'host/.pyroscope.yaml': mapping('{github: {owner: evil.example, repo: "x/../../y", ref: "../../../user"}}'),
          'ref/.pyroscope.yaml': mapping(
            '{github: {owner: acme, repo: app, ref: "../../../../user?x=", path: main.go}}'
          ),
          'encoded/.pyroscope.yaml': mapping(
            '{github: {owner: "%2e%2e", repo: "app", ref: "%2e%2e/%2e%2e", path: "%2e%2e/x"}}'
          ),
        },
        tags: ['v1'],
      },
    ]);
    stack = await startStack([app], {
      fetch: (input, init) => {
        outbound.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    tmp.remove();
  });

  /** Every call went to the configured API and no path segment, raw or decoded, is "..". */
  function expectOnlyConfiguredApi(urls: string[]) {
    for (const url of urls) {
      expect(url.startsWith(`${stack.double.apiUrl}/`)).toBe(true);
      const raw = url.slice(stack.double.apiUrl.length).split(/[?#]/)[0];
      for (const segment of [...raw.split('/'), ...new URL(url).pathname.split('/')]) {
        expect(decodeURIComponent(segment)).not.toBe('..');
      }
    }
  }

  it.each(['up', 'other', 'host', 'ref', 'encoded'])(
    'follows no mapping of a hostile .pyroscope.yaml (%s) out of the API or up a path',
    async (rootPath) => {
      outbound.length = 0;
      const { body } = await rpc(
        stack.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath: 'main.go', rootPath },
        { cookie: stack.cookieFor('octocat') }
      );
      expect(body.code).toBe('not_found');
      expect(outbound.length).toBeGreaterThan(1);
      expectOnlyConfiguredApi(outbound);
    }
  );

  it(
    'contacts only the configured API, never with a ".." segment, and answers with a Connect code',
    async () => {
      const codes = new Map<string, number>();
      const text = fc.oneof(
        segments,
        fc.array(segments, { maxLength: 4 }).map((s) => s.join('/'))
      );
      await fc.assert(
        fc.asyncProperty(
          // Each field is usually a valid one, so that requests get past the first check and reach GitHub.
          usually('https://github.com/acme/app', repositoryUrl),
          usually(
            'v1',
            fc.oneof(
              fc.constantFrom('main', '', 'HEAD', '../../user', '..%2f..%2fuser', 'v1?a=b', 'v1#x', '%2e%2e', './v1'),
              text
            )
          ),
          usually(
            'main.go',
            fc.oneof(
              fc.constantFrom('/main.go', '../main.go', 'a/../../main.go', '%2e%2e/main.go', 'C:\\x\\..\\y.go'),
              text
            )
          ),
          usually('', fc.oneof(fc.constantFrom('up', 'other', 'host', 'ref', 'encoded', '..', 'up/..'), text)),
          fc.string({ maxLength: 12 }),
          async (repositoryURL, ref, localPath, rootPath, functionName) => {
            outbound.length = 0;
            const { status, body } = await rpc(
              stack.url,
              'GetFile',
              { repositoryURL, ref, localPath, rootPath, functionName },
              { cookie: stack.cookieFor('octocat') }
            );
            const code = status === 200 ? 'ok' : String(body.code);
            codes.set(code, (codes.get(code) ?? 0) + 1);
            expect(['internal', 'unknown', 'undefined']).not.toContain(code);
            expectOnlyConfiguredApi(outbound);
          }
        ),
        fuzzParameters(400)
      );
      // Both outcomes were reached: files served and requests refused.
      expect(codes.get('ok') ?? 0).toBeGreaterThan(0);
      expect(codes.size).toBeGreaterThan(1);
    },
    fuzzTestTimeout
  );
});
