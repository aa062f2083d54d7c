/** Pyroscope's tenant rule: `X-Scope-OrgID` when present, else the single-tenant `anonymous`. */
const ANONYMOUS_TENANT = 'anonymous';

export function tenantFromHeaders(headers: Headers): string {
  const orgId = headers.get('x-scope-orgid');
  return orgId === null || orgId.trim() === '' ? ANONYMOUS_TENANT : orgId.trim();
}
