// The one URL policy of the plugin. Every URL that arrives from outside (vcs.v1 answers, the login apps' authorize
// pages, labels, build ids, overrides) passes `safeLinkUrl` before it becomes an href, a popup's location or an
// image source. A URL that fails is never a link: the caller shows it as text or drops it.
import { knownHostOf, type HostKind, type KnownHost } from '@linescope/repository-url';

export interface UrlPolicy {
  /**
   * The Git hosts the source server is configured with: only those with `scheme: 'http'` may be linked over
   * http (a self-managed GitLab without TLS). Everything else must be https.
   */
  hosts?: readonly KnownHost[];
  /** When given, the URL's host (with port) must be exactly this one: an authorize page on the configured host. */
  onlyHost?: string;
}

/**
 * Control characters and whitespace other than an inner space: browsers strip or skip some of them while parsing
 * (`java\tscript:`, a leading space or NUL), so a URL holding any is refused instead of being read the browser's way.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]|^ | $/;

/**
 * The URL as a link may use it (normalised by the URL parser, so what was checked is what the browser opens), or
 * undefined: anything but an absolute `https:` URL, or `http:` for a host the server configured with http; URLs
 * carrying credentials (`https://user:pass@host`); relative and scheme-relative URLs (`//evil`).
 */
export function safeLinkUrl(raw: unknown, policy: UrlPolicy = {}): string | undefined {
  if (typeof raw !== 'string' || raw === '' || UNSAFE_CHARACTERS.test(raw)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.host.toLowerCase();
  if (!url.hostname || url.username || url.password) {
    return undefined;
  }
  if (policy.onlyHost !== undefined && host !== policy.onlyHost.toLowerCase()) {
    return undefined;
  }
  if (url.protocol === 'https:') {
    return url.href;
  }
  const configuredForHttp = (policy.hosts ?? []).some((h) => h.scheme === 'http' && h.host.toLowerCase() === host);
  return url.protocol === 'http:' && configuredForHttp ? url.href : undefined;
}

/**
 * An OAuth authorize page the source server names, on the host of the web URL it is configured with (its GitHub or
 * GitLab): https, or http when that configured URL is http; a page on any other host is refused.
 */
export function safeAuthorizeUrl(raw: string, configuredWebUrl: string, kind: HostKind): string | undefined {
  const configured = knownHostOf(configuredWebUrl, kind);
  return configured && safeLinkUrl(raw, { onlyHost: configured.host, hosts: [configured] });
}
