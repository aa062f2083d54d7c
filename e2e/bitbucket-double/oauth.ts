/**
 * Bitbucket Cloud's OAuth 2.0 consumer flow as a consumer sees it: `/site/oauth2/authorize` (a page with Grant
 * access and Cancel; the consumer's one callback URL, which a `redirect_uri` may only extend) and
 * `/site/oauth2/access_token` (HTTP Basic client authentication, a form body: a JSON body leaves `grant_type`
 * unread, "Unsupported grant type: None"). Scopes are fixed on the consumer, not asked for; access tokens last
 * two hours; refresh tokens rotate with every use. PKCE is not documented for Bitbucket Cloud: it is ignored.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml, html, json, Reply } from './shapes';

export interface TokenRecord {
  username: string;
  scopes: string[];
  /** Unix ms. */
  expiresAt: number;
  revoked?: boolean;
}

export interface OAuthState {
  clientId: string;
  clientSecret: string;
  /** The consumer's callback URL; '' = any (a test convenience). */
  callbackUrl: string;
  /** The consumer's scopes (Bitbucket: fixed on the consumer). */
  scopes: string[];
  defaultUsername: string;
  tokenLifetimeSeconds: number;
  tokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, { username: string; scopes: string[] }>;
  codes: Map<string, { username: string; redirectUri: string; expiresAt: number }>;
  now: () => number;
}

export function issueToken(state: OAuthState, username: string, lifetimeSeconds = state.tokenLifetimeSeconds) {
  const accessToken = randomBytes(32).toString('base64url');
  const refreshToken = randomBytes(16).toString('base64url');
  const expiresAt = state.now() + lifetimeSeconds * 1000;
  state.tokens.set(accessToken, { username, scopes: state.scopes, expiresAt });
  state.refreshTokens.set(refreshToken, { username, scopes: state.scopes });
  return { accessToken, refreshToken, expiresAt };
}

export function issueCode(state: OAuthState, username: string, redirectUri = ''): string {
  const code = randomBytes(12).toString('base64url');
  state.codes.set(code, { username, redirectUri, expiresAt: state.now() + 10 * 60_000 });
  return code;
}

/** A `redirect_uri` must start with the consumer's callback URL (Bitbucket: "extend" it). */
function redirectAllowed(state: OAuthState, redirectUri: string): boolean {
  return state.callbackUrl === '' || redirectUri.startsWith(state.callbackUrl);
}

export function oauth(state: OAuthState, method: string, path: string, params: URLSearchParams, auth: string): Reply {
  if (path === '/site/oauth2/authorize') {
    return authorize(state, method, params);
  }
  if (path === '/site/oauth2/access_token' && method === 'POST') {
    return token(state, params, auth);
  }
  return html(404, '<h1>Resource not found</h1>');
}

function authorize(state: OAuthState, method: string, params: URLSearchParams): Reply {
  if (params.get('client_id') !== state.clientId) {
    return html(400, '<h1>Invalid client_id</h1>');
  }
  const redirectUri = params.get('redirect_uri') || state.callbackUrl;
  if (!redirectUri || !redirectAllowed(state, redirectUri)) {
    return html(400, "<h1>Invalid redirect_uri</h1><p>This URL must match the consumer's callback URL.</p>");
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
  if (params.get('response_type') !== 'code') {
    return back({ error: 'unsupported_response_type', error_description: 'Unsupported response type' });
  }
  const username = params.get('username') || state.defaultUsername;
  if (method === 'POST') {
    if (params.get('cancel') !== null) {
      return back({ error: 'access_denied', error_description: 'The user denied access' });
    }
    return back({ code: issueCode(state, username, params.get('redirect_uri') ?? '') });
  }
  const hidden = ['client_id', 'redirect_uri', 'response_type', 'state', 'username']
    .filter((k) => params.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) as string)}">`)
    .join('');
  return html(
    200,
    `<h3>Linescope is requesting access to your Bitbucket account</h3>` +
      `<p>Signed in as <b>${escapeHtml(username)}</b>. It will be able to: ` +
      `${state.scopes.map((s) => `<b>${escapeHtml(s)}</b>`).join(', ')}</p>` +
      `<form method="post" action="/site/oauth2/authorize">${hidden}` +
      `<button type="submit" name="cancel" value="1">Cancel</button> ` +
      `<button type="submit" name="grant" value="1">Grant access</button></form>`
  );
}

function token(state: OAuthState, params: URLSearchParams, auth: string): Reply {
  const basic = /^Basic\s+(\S+)$/i.exec(auth)?.[1];
  const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  if (id !== state.clientId || secret !== state.clientSecret) {
    return json(401, { error: 'invalid_client', error_description: 'Invalid OAuth client credentials' });
  }
  const invalidGrant = (description: string) => json(400, { error: 'invalid_grant', error_description: description });
  const grant = params.get('grant_type');
  let granted: { username: string; scopes: string[] };
  let grantName: string;
  if (grant === 'authorization_code') {
    const value = params.get('code') ?? '';
    const code = state.codes.get(value);
    state.codes.delete(value);
    if (!code || state.now() > code.expiresAt) {
      return invalidGrant(`The authorization code is invalid or has expired.`);
    }
    if (code.redirectUri !== '' && params.get('redirect_uri') !== code.redirectUri) {
      return invalidGrant('The redirect_uri does not match the one of the authorization request.');
    }
    granted = { username: code.username, scopes: state.scopes };
    grantName = 'authorization_code';
  } else if (grant === 'refresh_token') {
    const refresh = params.get('refresh_token') ?? '';
    const known = state.refreshTokens.get(refresh);
    // Rotating refresh tokens: each works once, the answer carries the next.
    state.refreshTokens.delete(refresh);
    if (!known) {
      return invalidGrant('Invalid refresh_token');
    }
    granted = known;
    grantName = 'refresh_token';
  } else {
    return invalidGrant(`Unsupported grant type: ${grant ?? 'None'}`);
  }
  const issued = issueToken(state, granted.username);
  return json(200, {
    access_token: issued.accessToken,
    scope: granted.scopes.join(' '),
    token_type: 'bearer',
    expires_in: state.tokenLifetimeSeconds,
    state: grantName,
    refresh_token: issued.refreshToken,
  });
}
