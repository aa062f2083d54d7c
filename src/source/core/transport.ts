// The vcs.v1 client, spoken with connect-web (Connect protocol, JSON) through Grafana's data source proxy.
import { createClient, type Client, type Transport } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-web';
import { VCSService } from '../../../proto/gen/vcs/v1/vcs_pb';

export type VcsClient = Client<typeof VCSService>;

/** Grafana's data source proxy answers this, as plain text with status 400, whenever the upstream says 401. */
export const GRAFANA_PROXY_AUTH_FAILED = 'Authentication to data source failed';

export function vcsProxyBaseUrl(appSubUrl: string, dataSourceUid: string): string {
  return `${appSubUrl}/api/datasources/proxy/uid/${encodeURIComponent(dataSourceUid)}`;
}

/**
 * A fetch that sends the same-origin cookies (the proxy forwards `pyroscope_git_session` when keepCookies allows)
 * and turns the proxy's rewritten 401 back into what the server said: a Connect `unauthenticated` error.
 * Without this, connect-web would report the plain-text 400 as `internal` and the session could not be told
 * apart from a real bad request.
 */
export function proxyAwareFetch(baseFetch: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    const response = await baseFetch(input, { ...init, credentials: 'same-origin' });
    if (response.status !== 400 || (response.headers.get('content-type') ?? '').includes('json')) {
      return response;
    }
    const text = await response.clone().text();
    if (text.trim() !== GRAFANA_PROXY_AUTH_FAILED) {
      return response;
    }
    return new Response(JSON.stringify({ code: 'unauthenticated', message: GRAFANA_PROXY_AUTH_FAILED }), {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'content-type': 'application/json' },
    });
  };
}

export interface VcsTransportOptions {
  /** Usually `vcsProxyBaseUrl(config.appSubUrl, uid)`; absolute for non-browser callers (node tests). */
  baseUrl: string;
  fetch?: typeof fetch;
}

export function createVcsTransport(options: VcsTransportOptions): Transport {
  return createConnectTransport({
    baseUrl: options.baseUrl,
    useBinaryFormat: false,
    fetch: proxyAwareFetch(options.fetch),
  });
}

export function createVcsClient(options: VcsTransportOptions): VcsClient {
  return createClient(VCSService, createVcsTransport(options));
}
