/** requestHosts over the host table: the URL's host picks the entry; a source without sign-in needs no session. */
import { HandlerContext } from '@connectrpc/connect';
import { loadConfig } from '../src/config';
import { GitHost } from '../src/hosts/git-host';
import { createServerHosts, HostEntry, ServerHost } from '../src/hosts/table';
import { createLogger } from '../src/log';
import { createMetrics } from '../src/metrics';
import { requestHosts } from '../src/rpc/hosts';

const config = loadConfig({});
const context = { metrics: createMetrics(), now: () => 0 };
const ctx = (cookie?: string) =>
  ({
    requestHeader: new Headers(cookie ? { cookie } : {}),
    signal: new AbortController().signal,
  }) as unknown as HandlerContext;

/** A source read anonymously (as a package registry would be): no login in its entry. */
function anonymousSource(tokens: Array<string | undefined>): ServerHost {
  const entry: HostEntry = {
    kind: 'gitlab',
    name: 'Anonymous',
    configured: () => true,
    repositoryHost: () => ({ kind: 'gitlab', webUrl: 'https://code.example.org', aliases: [] }),
    createSource: () => ({
      forUser: (token) => {
        tokens.push(token);
        return {} as GitHost;
      },
    }),
  };
  return { entry, serves: true, source: entry.createSource(config, context) };
}

describe('requestHosts', () => {
  const logger = createLogger('silent');

  it('reads a source without sign-in anonymously, with no session cookie asked for', () => {
    const tokens: Array<string | undefined> = [];
    const hosts = [...createServerHosts(config, context), anonymousSource(tokens)];
    const deps = { config, hosts, logger, now: () => 0 };
    const found = requestHosts(deps, ctx(), 'https://code.example.org/group/sub/project');
    expect(found.repository).toMatchObject({
      fullName: 'group/sub/project',
      webUrl: 'https://code.example.org/group/sub/project',
    });
    expect(tokens).toEqual([undefined]);
  });

  it('asks for the session of a host users sign in to, in its words', () => {
    const deps = { config, hosts: createServerHosts(config, context), logger, now: () => 0 };
    expect(() => requestHosts(deps, ctx(), 'https://github.com/o/r')).toThrow('invalid token');
  });
});
