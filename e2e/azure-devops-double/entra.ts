/**
 * Microsoft Entra ID's v2 endpoints as an app registration sees them for Azure DevOps: `/{tenant}/oauth2/v2.0/
 * authorize` (a consent page; PKCE S256) and `/{tenant}/oauth2/v2.0/token` (authorization_code and refresh_token
 * grants, form bodies, the secret in the body or in Basic). The Azure DevOps resource's scope is required; a refresh
 * token comes only with `offline_access`, and each refresh answers a new one. Errors carry Entra's `error_codes`,
 * `timestamp`, `trace_id` and `correlation_id`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { escapeHtml, html, json, Reply } from './shapes';

export const AZURE_DEVOPS_RESOURCE = '499b84ac-1321-427f-aa17-267ca6975798';

export interface TokenRecord {
  username: string;
  scopes: string[];
  expiresAt: number;
  revoked?: boolean;
}

export interface EntraState {
  tenant: string;
  clientId: string;
  clientSecret: string;
  /** Registered redirect URIs; empty = any. */
  redirectUris: string[];
  defaultUsername: string;
  tokenLifetimeSeconds: number;
  tokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, { username: string; scopes: string[] }>;
  codes: Map<
    string,
    { username: string; scopes: string[]; redirectUri: string; expiresAt: number; challenge?: string }
  >;
  now: () => number;
}

/** The Azure DevOps scopes a request names, without the resource prefix (`vso.code`, `.default`). */
function devopsScopes(scopes: string[]): string[] {
  return scopes
    .filter((s) => s.startsWith(`${AZURE_DEVOPS_RESOURCE}/`))
    .map((s) => s.slice(AZURE_DEVOPS_RESOURCE.length + 1));
}

export function issueToken(
  state: EntraState,
  username: string,
  scopes: string[],
  lifetimeSeconds = state.tokenLifetimeSeconds
) {
  const accessToken = `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString('base64url')}.sig`;
  const expiresAt = state.now() + lifetimeSeconds * 1000;
  state.tokens.set(accessToken, { username, scopes, expiresAt });
  const refreshToken = scopes.includes('offline_access') ? randomBytes(32).toString('base64url') : undefined;
  if (refreshToken) {
    state.refreshTokens.set(refreshToken, { username, scopes });
  }
  return { accessToken, refreshToken, expiresAt };
}

export function issueCode(
  state: EntraState,
  username: string,
  redirectUri = '',
  scopes = [`${AZURE_DEVOPS_RESOURCE}/vso.code`, 'offline_access']
) {
  const code = randomBytes(24).toString('base64url');
  state.codes.set(code, { username, scopes, redirectUri, expiresAt: state.now() + 10 * 60_000 });
  return code;
}

function entraError(status: number, error: string, code: number, description: string): Reply {
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${randomUUID()}`,
    error_codes: [code],
    timestamp: new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

export function entra(state: EntraState, method: string, action: string, params: URLSearchParams, auth: string): Reply {
  if (action === 'authorize') {
    return authorize(state, method, params);
  }
  if (action === 'token' && method === 'POST') {
    return token(state, params, auth);
  }
  return html(404, '<h1>Not found</h1>', 'Sign in to your account');
}

function authorize(state: EntraState, method: string, params: URLSearchParams): Reply {
  if (params.get('client_id') !== state.clientId) {
    return html(
      400,
      `<p>AADSTS700016: Application with identifier '${escapeHtml(params.get('client_id') ?? '')}' was not found.</p>`,
      'Sign in to your account'
    );
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectUri || (state.redirectUris.length > 0 && !state.redirectUris.includes(redirectUri))) {
    return html(
      400,
      '<p>AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.</p>',
      'Sign in to your account'
    );
  }
  const back = (values: Record<string, string>): Reply => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(values)) {
      target.searchParams.set(k, v);
    }
    if (params.get('state') !== null) {
      target.searchParams.set('state', params.get('state') as string);
    }
    return { status: 302, headers: { location: target.toString() }, body: Buffer.alloc(0) };
  };
  const scopes = (params.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');
  if (params.get('response_type') !== 'code') {
    return back({
      error: 'unsupported_response_type',
      error_description: 'AADSTS70005: response_type is not supported.',
    });
  }
  if (devopsScopes(scopes).length === 0) {
    return back({
      error: 'invalid_scope',
      error_description: 'AADSTS70011: The provided value for the input parameter scope is not valid.',
    });
  }
  const challenge = params.get('code_challenge') ?? undefined;
  if (challenge && params.get('code_challenge_method') !== 'S256') {
    return back({ error: 'invalid_request', error_description: 'AADSTS501491: Invalid code_challenge_method.' });
  }
  const username = params.get('login_hint') || params.get('username') || state.defaultUsername;
  if (method === 'POST') {
    if (params.get('cancel') !== null) {
      return back({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
      });
    }
    const code = issueCode(state, username, redirectUri, scopes);
    const record = state.codes.get(code);
    if (record) {
      record.challenge = challenge;
    }
    return back({ code });
  }
  const hidden = [
    'client_id',
    'redirect_uri',
    'response_type',
    'state',
    'scope',
    'code_challenge',
    'code_challenge_method',
    'username',
  ]
    .filter((k) => params.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) as string)}">`)
    .join('');
  return html(
    200,
    `<h3>Permissions requested</h3><p>Linescope wants to read your code in Azure DevOps as <b>${escapeHtml(username)}</b>: ` +
      `${devopsScopes(scopes)
        .map((s) => `<b>${escapeHtml(s)}</b>`)
        .join(', ')}</p>` +
      `<form method="post" action="/${escapeHtml(state.tenant)}/oauth2/v2.0/authorize">${hidden}` +
      `<button type="submit" name="cancel" value="1">Cancel</button> ` +
      `<button type="submit" name="accept" value="1">Accept</button></form>`,
    'Permissions requested'
  );
}

function token(state: EntraState, params: URLSearchParams, auth: string): Reply {
  const basic = /^Basic\s+(\S+)$/i.exec(auth)?.[1];
  const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  const id = params.get('client_id') ?? basicId;
  const secret = params.get('client_secret') ?? basicSecret;
  if (id !== state.clientId) {
    return entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${id}' was not found in the directory.`
    );
  }
  if (secret !== state.clientSecret) {
    return entraError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  const grant = params.get('grant_type');
  let granted: { username: string; scopes: string[] };
  if (grant === 'authorization_code') {
    const value = params.get('code') ?? '';
    const code = state.codes.get(value);
    state.codes.delete(value);
    if (!code || state.now() > code.expiresAt) {
      return entraError(
        400,
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired or was already used.'
      );
    }
    if (code.redirectUri !== '' && params.get('redirect_uri') !== code.redirectUri) {
      return entraError(
        400,
        'invalid_grant',
        50148,
        'The redirect_uri does not match the one of the authorization request.'
      );
    }
    if (code.challenge !== undefined) {
      const verifier = params.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return entraError(
          400,
          'invalid_grant',
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.'
        );
      }
    }
    granted = code;
  } else if (grant === 'refresh_token') {
    const known = state.refreshTokens.get(params.get('refresh_token') ?? '');
    if (!known) {
      return entraError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    }
    granted = known;
  } else {
    return entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant ?? ''}'.`
    );
  }
  const issued = issueToken(state, granted.username, granted.scopes);
  return json(200, {
    token_type: 'Bearer',
    scope: granted.scopes.filter((s) => s !== 'offline_access').join(' '),
    expires_in: state.tokenLifetimeSeconds,
    ext_expires_in: state.tokenLifetimeSeconds,
    access_token: issued.accessToken,
    ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
  });
}
