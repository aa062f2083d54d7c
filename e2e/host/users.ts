// The host's signed-in users: an Admin and a Viewer, chosen by the Grafana login cookie (grafana_session).
import { createHash, randomBytes } from 'node:crypto';
import { LOGIN_COOKIE, parseCookieHeader } from './grafana-api/proxy-rules';

export type OrgRole = 'Admin' | 'Editor' | 'Viewer';

export interface HostUser {
  id: number;
  uid: string;
  login: string;
  name: string;
  email: string;
  orgRole: OrgRole;
  isGrafanaAdmin: boolean;
}

export const USERS: Record<string, HostUser> = {
  admin: { id: 1, uid: 'u-admin', login: 'admin', name: 'Ada Admin', email: 'admin@localhost', orgRole: 'Admin', isGrafanaAdmin: true },
  viewer: { id: 2, uid: 'u-viewer', login: 'viewer', name: 'Vic Viewer', email: 'viewer@localhost', orgRole: 'Viewer', isGrafanaAdmin: false },
};

/** In-memory sessions, as Grafana's user_auth_token table: an opaque token in the cookie names the user. */
export class Sessions {
  private tokens = new Map<string, string>();

  create(login: string): string {
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, login);
    return token;
  }

  userOf(cookieHeader: string | undefined): HostUser | undefined {
    const token = parseCookieHeader(cookieHeader).find(([n]) => n === LOGIN_COOKIE)?.[1];
    const login = token ? this.tokens.get(token) : undefined;
    return login ? USERS[login] : undefined;
  }
}

export function sessionCookie(token: string): string {
  return `${LOGIN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

/** The CurrentUserDTO Grafana puts in bootData.user and serves at /api/user. */
export function currentUserDto(user: HostUser) {
  return {
    isSignedIn: true,
    id: user.id,
    uid: user.uid,
    externalUserId: '',
    login: user.login,
    email: user.email,
    name: user.name,
    theme: 'dark',
    lightTheme: false,
    orgCount: 1,
    orgId: 1,
    orgName: 'Main Org.',
    orgRole: user.orgRole,
    isGrafanaAdmin: user.isGrafanaAdmin,
    gravatarUrl: '',
    timezone: 'browser',
    weekStart: 'browser',
    regionalFormat: '',
    language: 'en-US',
    permissions: user.orgRole === 'Admin' ? { 'plugins:write': true, 'datasources:read': true, 'datasources:query': true } : { 'datasources:query': true },
    analytics: { identifier: user.uid },
    authenticatedBy: 'password',
  };
}

/** A short, non-secret name for the session of a request (for the proxy log). */
export function sessionDigest(cookieHeader: string | undefined): string | undefined {
  const token = parseCookieHeader(cookieHeader).find(([n]) => n === LOGIN_COOKIE)?.[1];
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 12) : undefined;
}
