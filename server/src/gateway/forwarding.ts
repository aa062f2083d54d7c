/**
 * What the gateway sends on to Pyroscope: only Pyroscope's API (the paths below), only in origin form, never a path
 * that could mean another one once Pyroscope or a proxy normalises it, and never Linescope's own cookies or the
 * headers that belong to one connection.
 */
import http from 'node:http';

/**
 * Pyroscope's API as its `pkg/api/api.go` registers it, what Grafana, Profiles Drilldown and the SDKs call. Left out
 * on purpose: the admin and ring pages, `/api/` (status, the running config), `/runtime_config`, the internal
 * services between Pyroscope's own components (ingester, store-gateway, scheduler, frontend), the UI and
 * `/debug/`. Connect services are matched by their `/<package>.<Service>/` prefix, the rest exactly.
 */
export const PYROSCOPE_API_SERVICES = [
  '/querier.v1.QuerierService/',
  '/push.v1.PusherService/',
  '/settings.v1.SettingsService/',
  '/settings.v1.RecordingRulesService/',
  '/adhocprofiles.v1.AdHocProfileService/',
  '/capabilities.v1.FeatureFlagsService/',
  '/opentelemetry.proto.collector.profiles.v1development.ProfilesService/',
];
export const PYROSCOPE_API_PATHS = [
  '/ingest',
  '/pyroscope/ingest',
  '/pyroscope/render',
  '/pyroscope/render-diff',
  '/pyroscope/label-values',
  '/v1development/profiles',
];

/** Linescope's session cookies: Pyroscope has no use for them (vcs.v1 is answered here in gateway mode). */
const SESSION_COOKIE = /^(pyroscope_git_session|linescope_[a-z0-9_]*_session)$/i;

/** Hop-by-hop headers are about one connection and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

export interface Refusal {
  status: 400 | 404;
  code: 'invalid_argument' | 'not_found';
  message: string;
}

/** Why a request target must not reach Pyroscope, or undefined when it may. */
export function refuseTarget(target: string): Refusal | undefined {
  if (!target.startsWith('/')) {
    return {
      status: 400,
      code: 'invalid_argument',
      message: 'only origin-form request targets (a path) are forwarded to Pyroscope',
    };
  }
  const path = target.split('?')[0];
  if (hasDotSegment(path)) {
    return { status: 400, code: 'invalid_argument', message: 'paths with . or .. segments are not forwarded' };
  }
  if (/[%\\]/.test(path)) {
    return {
      status: 400,
      code: 'invalid_argument',
      message: "Pyroscope's API paths have no percent-encoding or backslash: not forwarded",
    };
  }
  if (!PYROSCOPE_API_SERVICES.some((p) => path.startsWith(p)) && !PYROSCOPE_API_PATHS.includes(path)) {
    return { status: 404, code: 'not_found', message: `not a Pyroscope API path: ${path.slice(0, 200)}` };
  }
  return undefined;
}

/** `.` or `..` as a segment, also percent-encoded (any case, any depth of encoding) or split by `\`. */
function hasDotSegment(path: string): boolean {
  let decoded = path;
  for (let round = 0; round < 4 && /%[0-9a-f]{2}/i.test(decoded); round++) {
    decoded = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..');
}

/** The request headers to send on: without those of one connection and without Linescope's session cookies. */
export function forwardedHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out = withoutHopByHop(headers);
  const cookie = withoutSessionCookies(headers.cookie);
  if (cookie) {
    out.cookie = cookie;
  } else {
    delete out.cookie;
  }
  return out;
}

/** Headers without the hop-by-hop ones and those `Connection` names (both ways through the gateway). */
export function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const dropped = new Set([...HOP_BY_HOP, ...connectionListed(headers.connection)]);
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!dropped.has(name) && value !== undefined) {
      out[name] = value;
    }
  }
  return out;
}

function connectionListed(connection: string | string[] | undefined): string[] {
  return [connection ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

function withoutSessionCookies(cookie: string | undefined): string {
  return (cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && !SESSION_COOKIE.test(pair.split('=')[0].trim()))
    .join('; ');
}
