/**
 * The one rule for where a registry request may go, whatever named the URL (the configuration, a redirect, a
 * document). The configured registry's own origin is trusted as configured (plain http too: the operator chose
 * it) and is the only one sent its credentials. Another origin a registry's answer points at must be https and
 * gets no credentials; a URL with userinfo of its own is never requested. URLs inside documents are held to a
 * narrower rule still: `fromDocument`.
 */
import { RegistryEndpoint } from './endpoint';

export type Outbound = { allowed: true; withCredentials: boolean } | { allowed: false; why: string };

export function outbound(url: URL, endpoint: RegistryEndpoint): Outbound {
  if (url.username !== '' || url.password !== '') {
    return { allowed: false, why: 'it carries credentials of its own' };
  }
  if (url.origin === endpoint.origin) {
    return { allowed: true, withCredentials: true };
  }
  if (url.protocol !== 'https:') {
    return { allowed: false, why: `it leaves ${endpoint.origin} for another origin over ${url.protocol}` };
  }
  return { allowed: true, withCredentials: false };
}

/**
 * A URL a registry's document names (npm's `dist.tarball`, PyPI's file URLs), if it may be requested as given:
 * without userinfo, on the registry's own origin (under its base path when `underBase`: npm's rule for where a
 * registry's credentials go) or on one of `otherOrigins` over https. Undefined otherwise: the registry decides.
 */
export function fromDocument(
  raw: string,
  endpoint: RegistryEndpoint,
  rule: { underBase: boolean; otherOrigins?: readonly string[] }
): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    return undefined;
  }
  if (url.origin === endpoint.origin) {
    return !rule.underBase || `${url.origin}${url.pathname}`.startsWith(`${endpoint.base}/`) ? url : undefined;
  }
  return url.protocol === 'https:' && rule.otherOrigins?.includes(url.origin) ? url : undefined;
}
