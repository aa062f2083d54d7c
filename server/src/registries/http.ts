/**
 * GETs to a registry: bounded bodies, a deadline, redirects followed by hand (at most five) so that every URL,
 * the first and each redirect's, passes the outbound rule (`outbound.ts`): credentials only for the registry's own
 * origin, https to leave it. A URL in an error names no credentials and no query.
 */
import { HostError } from '../hosts/errors';
import { RegistryEndpoint } from './endpoint';
import { outbound } from './outbound';

export interface RegistryResponse {
  status: number;
  body: Buffer;
  contentType: string;
  /** The URL that answered, after redirects. */
  url: string;
}

export interface GetOptions {
  endpoint: RegistryEndpoint;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  accept?: string;
  /** Called once per request sent (for metrics and benchmarks), with the registry's answer status or 0. */
  onRequest?: (status: number) => void;
}

const MAX_REDIRECTS = 5;

export async function registryGet(url: string, options: GetOptions): Promise<RegistryResponse> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let current = new URL(url);
  let from: { url: URL; status: number } | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const allowed = outbound(current, options.endpoint);
    if (!allowed.allowed) {
      const what = from ? `${printable(from.url)} redirected to ${printable(current)}` : printable(current);
      throw new HostError(`${what}: not requested, ${allowed.why}`, from?.status);
    }
    const headers: Record<string, string> = { 'user-agent': 'linescope-source-server' };
    if (options.accept) {
      headers.accept = options.accept;
    }
    if (options.endpoint.authorization && allowed.withCredentials) {
      headers.authorization = options.endpoint.authorization;
    }
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      options.onRequest?.(0);
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      throw new HostError(`${printable(current)}: ${deadline.aborted ? 'timed out' : String(error)}`, undefined);
    }
    options.onRequest?.(response.status);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      from = { url: current, status: response.status };
      current = redirectTarget(location, from);
      continue;
    }
    return {
      status: response.status,
      body: await readBounded(response, options.maxBytes, current),
      contentType: response.headers.get('content-type') ?? '',
      url: current.toString(),
    };
  }
  throw new HostError(`${printable(current)}: more than ${MAX_REDIRECTS} redirects`, undefined);
}

async function readBounded(response: Response, maxBytes: number, url: URL): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new HostError(
      `${printable(url)} is ${declared} bytes, larger than the limit of ${maxBytes}`,
      response.status
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); reader && next && !next.done; next = await reader.read()) {
    total += next.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HostError(`${printable(url)} is larger than the limit of ${maxBytes} bytes`, response.status);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

function redirectTarget(location: string, from: { url: URL; status: number }): URL {
  try {
    return new URL(location, from.url);
  } catch {
    throw new HostError(`${printable(from.url)} redirected to something that is not a URL`, from.status);
  }
}

/** The URL without credentials, query or fragment: what errors may show. */
export function printable(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
