// The host's users, chosen by the Grafana login cookie (grafana_session): an org Admin (also a Grafana server
// admin), a Viewer, a Grafana server admin who is only a Viewer in the org, and a user with no org role.
// Permissions as Grafana's basic roles grant them (pkg/services/accesscontrol/roles.go and the fixed roles the
// plugins and datasources services register): only an org Admin may write plugin settings (plugins:write) or read
// data source settings; Viewers and up may query data sources (datasources:query); a server admin gets no org
// permission from being one.
import { createHash } from 'node:crypto';
import { LOGIN_COOKIE, parseCookieHeader } from './grafana-api/proxy-rules';

export type OrgRole = 'Admin' | 'Editor' | 'Viewer' | 'None';

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
  serveradmin: { id: 3, uid: 'u-serveradmin', login: 'serveradmin', name: 'Sam Serveradmin', email: 'serveradmin@localhost', orgRole: 'Viewer', isGrafanaAdmin: true },
  norole: { id: 4, uid: 'u-norole', login: 'norole', name: 'Nia Norole', email: 'norole@localhost', orgRole: 'None', isGrafanaAdmin: false },
};

const ORG_PERMISSIONS: Record<OrgRole, string[]> = {
  Admin: ['plugins:write', 'datasources:read', 'datasources:write', 'datasources:query', 'datasources:explore'],
  Editor: ['datasources:query', 'datasources:explore'],
  Viewer: ['datasources:query'],
  None: [],
};

export function hasPermission(user: HostUser, action: string): boolean {
  return ORG_PERMISSIONS[user.orgRole].includes(action);
}

/** The login cookie's token of a request (the last one when the browser sends several, as Go's cookie reader). */
export function loginToken(cookieHeader: string | undefined): string | undefined {
  return parseCookieHeader(cookieHeader)
    .filter(([n]) => n === LOGIN_COOKIE)
    .map(([, v]) => v)
    .pop();
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
    permissions: Object.fromEntries(ORG_PERMISSIONS[user.orgRole].map((action) => [action, true])),
    analytics: { identifier: user.uid },
    authenticatedBy: 'password',
  };
}

/** bootData.user on the login page: nobody signed in. */
export function signedOutUserDto() {
  return { ...currentUserDto(USERS.viewer), isSignedIn: false, id: 0, uid: '', login: '', email: '', name: '', orgRole: '' as const, isGrafanaAdmin: false, permissions: {}, analytics: { identifier: '' }, authenticatedBy: '' };
}

/** A short, non-secret name for a session (for the proxy log): from its first token, so rotations keep it. */
export function sessionDigest(firstToken: string | undefined): string | undefined {
  return firstToken ? createHash('sha256').update(firstToken).digest('hex').slice(0, 12) : undefined;
}
