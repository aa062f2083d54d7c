/**
 * GOPROXY read with Go's syntax: proxies separated by `,` (the next is tried only after a 404 or 410) or `|`
 * (the next is tried after any error, timeouts included); `direct` (fetch from the version control system: here,
 * the Git hosts as without registries) and `off` (no downloads) end the list; no scheme means https.
 */
import { CredentialStyle, RegistryEndpoint, parseEndpoint } from '../endpoint';

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

export type ProxyEntry =
  { kind: 'proxy'; endpoint: RegistryEndpoint; nextOnAnyError: boolean } | { kind: 'direct' } | { kind: 'off' };

const STYLE: CredentialStyle = 'basic';

/** Throws an Error naming the bad entry (without credentials). */
export function parseGoproxy(value: string): ProxyEntry[] {
  const entries: ProxyEntry[] = [];
  const parts = value.trim() === '' ? DEFAULT_GOPROXY : value.trim();
  const pattern = /([^,|]*)([,|]?)/g;
  for (const match of parts.matchAll(pattern)) {
    const [whole, raw, separator] = match;
    if (whole === '') {
      break;
    }
    const item = raw.trim();
    if (item === '') {
      continue;
    }
    if (item === 'direct' || item === 'off') {
      entries.push({ kind: item });
      break;
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(item) ? item : `https://${item}`;
    if (withScheme.startsWith('file:')) {
      throw new Error('GOPROXY: file:// proxies are not read by the source server; serve the directory over http(s)');
    }
    entries.push({ kind: 'proxy', endpoint: parseEndpoint(withScheme, STYLE), nextOnAnyError: separator === '|' });
  }
  if (entries.length === 0) {
    throw new Error('GOPROXY names no proxy, direct or off');
  }
  return entries;
}

/** GOPROXY as it may be shown: each proxy's URL without credentials. */
export function describeGoproxy(entries: ProxyEntry[]): string {
  return entries
    .map((entry, i) => {
      const text = entry.kind === 'proxy' ? entry.endpoint.base : entry.kind;
      const separator = i === entries.length - 1 ? '' : entry.kind === 'proxy' && entry.nextOnAnyError ? '|' : ',';
      return text + separator;
    })
    .join('');
}
