// A Git host's session cookie (GitHub's `pyroscope_git_session`, GitLab's `linescope_gitlab_session`). The browser
// never sees the host's token itself: `token` is encrypted with a key only the server has; the cookie is base64 of
// {"token": <that>} (the shape both Pyroscope and Linescope read).

/** Access to cookies, so that node tests can stand in for `document.cookie`. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, attributes: { expires?: Date; secure: boolean }): void;
  remove(name: string): void;
}

export function encodeSessionCookieValue(token: string): string {
  return btoa(JSON.stringify({ token }));
}

/**
 * Reads the legacy `cookie` field (`<name>=<base64 {"metadata","expiry"}>; Expires=...`) that Pyroscope's server
 * returns beside `token` for its `pyroscope_git_session`. Used for the encrypted token when `token` is missing, and
 * for the real new expiry (Pyroscope's GithubRefresh sends the *old* expiry in `tokenExpiresAt`).
 */
export function parseLegacyCookie(cookie: string, name: string): { token: string; expiry?: number } | undefined {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(cookie);
  if (!match) {
    return undefined;
  }
  try {
    const json = JSON.parse(atob(match[1].trim().replace(/^"|"$/g, '')));
    if (typeof json?.metadata !== 'string' || json.metadata === '') {
      return undefined;
    }
    return { token: json.metadata, expiry: typeof json.expiry === 'number' ? json.expiry : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Whether the page is served over https, so its session cookies must be Secure. The page's scheme, which
 * locationService (paths and queries only) does not carry; the document's base URL has it.
 */
export const pageIsHttps = (doc: Pick<Document, 'baseURI'> = document) => new URL(doc.baseURI).protocol === 'https:';

export function documentCookieJar(doc: Document = document): CookieJar {
  return {
    get(name) {
      for (const part of doc.cookie.split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0 && part.slice(0, eq).trim() === name) {
          return part.slice(eq + 1).trim();
        }
      }
      return undefined;
    },
    set(name, value, { expires, secure }) {
      const attributes = ['path=/', 'SameSite=Lax'];
      if (expires) {
        attributes.push(`expires=${expires.toUTCString()}`);
      }
      if (secure) {
        attributes.push('Secure');
      }
      doc.cookie = `${name}=${value}; ${attributes.join('; ')}`;
    },
    remove(name) {
      doc.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax`;
    },
  };
}
