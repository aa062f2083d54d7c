// A merged profile from Pyroscope's querier.v1 SelectMergeProfile (the generated client over Connect), for a
// service, a time range, a label selector and a profile type, as the panel asks for it.
import { toBinary } from '@bufbuild/protobuf';
import { ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';

import { ProfileSchema } from '../../../proto/gen/google/v1/profile_pb';
import { QuerierService } from '../../../proto/gen/querier/v1/querier_pb';
import { CliError } from './errors';

export const DEFAULT_PROFILE_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

export interface PyroscopeQuery {
  service?: string;
  /** Label selector, e.g. {env="prod"}; combined with the service. */
  selector?: string;
  /** `now`, `now-1h`, an RFC 3339 time or Unix seconds / milliseconds. */
  from?: string;
  to?: string;
  profileType?: string;
}

export interface PyroscopeConnection {
  url: string;
  /** Basic auth (Grafana Cloud: the stack's user id and a token) or a bearer token. */
  user?: string;
  password?: string;
  token?: string;
  /** X-Scope-OrgID, for a multi-tenant Pyroscope. */
  tenant?: string;
}

/** The connection the environment describes: PYROSCOPE_URL, PYROSCOPE_USER/PYROSCOPE_PASSWORD or PYROSCOPE_TOKEN, PYROSCOPE_TENANT. */
export function pyroscopeFromEnv(env: NodeJS.ProcessEnv, url = env.PYROSCOPE_URL): PyroscopeConnection | undefined {
  if (!url) {
    return undefined;
  }
  return {
    url,
    user: env.PYROSCOPE_USER || undefined,
    password: env.PYROSCOPE_PASSWORD || undefined,
    token: env.PYROSCOPE_TOKEN || undefined,
    tenant: env.PYROSCOPE_TENANT || undefined,
  };
}

const RELATIVE = /^now(?:-(\d+)(s|m|h|d|w))?$/;
const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** A time as the command line takes it, in Unix milliseconds. */
export function parseTime(value: string, now: number, option: string): number {
  const text = value.trim();
  const relative = RELATIVE.exec(text);
  if (relative) {
    return relative[1] ? now - Number(relative[1]) * UNIT_MS[relative[2]] : now;
  }
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    // Ten digits or fewer: seconds (until 2286); more: milliseconds.
    return text.length <= 10 ? n * 1000 : n;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) {
    throw new CliError(
      `${option} ${JSON.stringify(value)} is not a time: use now, now-1h, 2026-12-01T10:00:00Z or Unix seconds`
    );
  }
  return parsed;
}

function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The selector with the service's matcher first: `{service_name="api", env="prod"}`. */
export function labelSelector(service: string | undefined, selector: string | undefined): string {
  const inner = (selector ?? '').trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  if ((selector ?? '').trim() && !/^\{[\s\S]*\}$/.test((selector ?? '').trim())) {
    throw new CliError(`--selector must look like {name="value", ...} (got ${JSON.stringify(selector)})`);
  }
  const matchers = [service ? `service_name=${quoteLabelValue(service)}` : '', inner].filter(Boolean);
  return `{${matchers.join(', ')}}`;
}

/** Asks Pyroscope for the merged profile of the query: pprof bytes for the per-line computation. */
export async function selectMergeProfile(
  connection: PyroscopeConnection,
  query: PyroscopeQuery,
  now = Date.now()
): Promise<Uint8Array> {
  if (!query.service && !query.selector) {
    throw new CliError('a Pyroscope query needs --service (or a --selector naming the series)');
  }
  const start = parseTime(query.from ?? 'now-1h', now, '--from');
  const end = parseTime(query.to ?? 'now', now, '--to');
  if (!(start < end)) {
    throw new CliError(
      `the time range is empty: --from (${new Date(start).toISOString()}) is not before --to (${new Date(end).toISOString()})`
    );
  }
  const { url, user, password } = withoutCredentials(connection);
  const transport = createConnectTransport({
    baseUrl: url,
    httpVersion: '1.1',
    interceptors: [
      (next) => (request) => {
        if (connection.token) {
          request.header.set('authorization', `Bearer ${connection.token}`);
        } else if (user || password) {
          const basic = Buffer.from(`${user ?? ''}:${password ?? ''}`).toString('base64');
          request.header.set('authorization', `Basic ${basic}`);
        }
        if (connection.tenant) {
          request.header.set('x-scope-orgid', connection.tenant);
        }
        return next(request);
      },
    ],
  });
  const client = createClient(QuerierService, transport);
  try {
    const profile = await client.selectMergeProfile(
      {
        profileTypeID: query.profileType ?? DEFAULT_PROFILE_TYPE,
        labelSelector: labelSelector(query.service, query.selector),
        start: BigInt(start),
        end: BigInt(end),
      },
      { timeoutMs: 120_000 }
    );
    return toBinary(ProfileSchema, profile);
  } catch (error) {
    if (error instanceof CliError) {
      throw error;
    }
    const failure = ConnectError.from(error);
    throw new CliError(`Pyroscope at ${safeUrl(connection.url)} refused the query: ${failure.message}`);
  }
}

/** fetch refuses URLs with credentials: https://user:password@host/ becomes basic auth (explicit ones win). */
function withoutCredentials(connection: PyroscopeConnection): { url: string; user?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(connection.url);
  } catch {
    throw new CliError('the Pyroscope URL is not a URL (e.g. http://localhost:4040)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(`the Pyroscope URL must be http or https (got ${parsed.protocol})`);
  }
  const user = connection.user ?? (decodeURIComponent(parsed.username) || undefined);
  const password = connection.password ?? (decodeURIComponent(parsed.password) || undefined);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, ''), user, password };
}

/** The URL without credentials, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.origin + parsed.pathname.replace(/\/$/, '');
  } catch {
    return '(the Pyroscope URL)';
  }
}
