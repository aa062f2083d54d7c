/**
 * GitLab's OAuth 2 provider (Doorkeeper) as an OAuth application sees it: `/oauth/authorize` (a page with
 * Authorize and Deny buttons, PKCE S256 or plain), `/oauth/token` (authorization_code and refresh_token grants,
 * form or JSON bodies, Doorkeeper's error bodies), `/oauth/revoke` and `/oauth/token/info`. Access tokens last
 * two hours; a refresh token works once and the answer carries the next one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { redirectBack } from '../double-server';
import { Reply, json } from './shapes';

export interface TokenRecord {
  username: string;
  scopes: string[];
  createdAt: number;
  /** Unix ms; undefined = never expires (a personal access token). */
  expiresAt?: number;
  revoked?: boolean;
}

export interface OAuthState {
  clientId: string;
  clientSecret: string;
  /** Registered redirect URIs; empty = any (a test convenience). */
  redirectUris: string[];
  defaultUsername: string;
  tokenLifetimeSeconds: number;
  tokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, { username: string; scopes: string[] }>;
  codes: Map<string, AuthorizationCode>;
  now: () => number;
  /** The path prefix of a self-managed instance (`/gitlab`), or ''. */
  prefix: string;
}

interface AuthorizationCode {
  username: string;
  scopes: string[];
  redirectUri: string;
  expiresAt: number;
  challenge?: string;
  challengeMethod?: string;
}

const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
const INVALID_CLIENT =
  'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.';
const KNOWN_SCOPES = [
  'api',
  'read_api',
  'read_user',
  'read_repository',
  'write_repository',
  'openid',
  'profile',
  'email',
];

export function issueToken(
  state: OAuthState,
  username: string,
  scopes: string[] = ['read_api'],
  lifetimeSeconds = state.tokenLifetimeSeconds
) {
  const accessToken = randomBytes(32).toString('hex');
  const refreshToken = randomBytes(32).toString('hex');
  const createdAt = state.now();
  const expiresAt = lifetimeSeconds > 0 ? createdAt + lifetimeSeconds * 1000 : undefined;
  state.tokens.set(accessToken, { username, scopes, createdAt, expiresAt });
  state.refreshTokens.set(refreshToken, { username, scopes });
  return { accessToken, refreshToken, expiresAt, createdAt, scopes };
}

export function issueCode(state: OAuthState, username: string, redirectUri = '', scopes: string[] = ['read_api']) {
  const code = randomBytes(32).toString('hex');
  state.codes.set(code, { username, scopes, redirectUri, expiresAt: state.now() + 10 * 60_000 });
  return code;
}

const html = (status: number, body: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(`<!doctype html><html><head><title>GitLab</title></head><body>${body}</body></html>`),
});

export function oauth(state: OAuthState, method: string, path: string, params: URLSearchParams, auth: string): Reply {
  if (path === '/oauth/authorize') {
    return authorize(state, method, params);
  }
  if (path === '/oauth/token' && method === 'POST') {
    return token(state, params, auth);
  }
  if (path === '/oauth/revoke' && method === 'POST') {
    const record = state.tokens.get(params.get('token') ?? '');
    if (record) {
      record.revoked = true;
    }
    state.refreshTokens.delete(params.get('token') ?? '');
    return json(200, {});
  }
  if (path === '/oauth/token/info' && method === 'GET') {
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? params.get('access_token') ?? '';
    const record = state.tokens.get(bearer);
    if (!record || record.revoked || (record.expiresAt !== undefined && state.now() > record.expiresAt)) {
      return json(401, { error: 'invalid_token', error_description: 'The access token is invalid' });
    }
    return json(200, {
      resource_owner_id: record.username,
      scope: record.scopes,
      expires_in: record.expiresAt === undefined ? null : Math.round((record.expiresAt - state.now()) / 1000),
      application: { uid: state.clientId },
      created_at: Math.floor(record.createdAt / 1000),
    });
  }
  return json(404, { error: '404 Not Found' });
}

function authorize(state: OAuthState, method: string, params: URLSearchParams): Reply {
  if (params.get('client_id') !== state.clientId) {
    return html(401, `<h3>An error has occurred</h3><p>${escapeHtml(INVALID_CLIENT)}</p>`);
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (redirectUri === '' || (state.redirectUris.length > 0 && !state.redirectUris.includes(redirectUri))) {
    return html(400, '<h3>An error has occurred</h3><p>The redirect URI included is not valid.</p>');
  }
  const back = (values: Record<string, string>): Reply => redirectBack(redirectUri, values, params.get('state'));
  if (params.get('response_type') !== 'code') {
    return back({
      error: 'unsupported_response_type',
      error_description: 'The authorization server does not support this response type.',
    });
  }
  const scopes = (params.get('scope') || 'read_api').split(/[\s+]+/).filter((s) => s !== '');
  const unknown = scopes.find((s) => !KNOWN_SCOPES.includes(s));
  if (unknown) {
    return back({
      error: 'invalid_scope',
      error_description: 'The requested scope is invalid, unknown, or malformed.',
    });
  }
  const challengeMethod = params.get('code_challenge_method') ?? (params.get('code_challenge') ? 'plain' : undefined);
  if (challengeMethod !== undefined && challengeMethod !== 'S256' && challengeMethod !== 'plain') {
    return back({ error: 'invalid_request', error_description: 'The code challenge method must be plain or S256.' });
  }
  const username = params.get('username') || state.defaultUsername;
  if (method === 'POST') {
    if (params.get('deny') !== null) {
      return back({
        error: 'access_denied',
        error_description: 'The resource owner or authorization server denied the request.',
      });
    }
    const code = issueCode(state, username, redirectUri, scopes);
    const record = state.codes.get(code) as AuthorizationCode;
    record.challenge = params.get('code_challenge') ?? undefined;
    record.challengeMethod = record.challenge ? challengeMethod : undefined;
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
    `<h3>Authorize Linescope to use your account?</h3>` +
      `<p>An application called Linescope is requesting access to your GitLab account <b>${escapeHtml(username)}</b>.</p>` +
      `<p>This application will be able to: ${scopes.map((s) => `<b>${escapeHtml(s)}</b>`).join(', ')}</p>` +
      `<form method="post" action="${state.prefix}/oauth/authorize">${hidden}` +
      `<button type="submit" name="deny" value="1">Deny</button> ` +
      `<button type="submit" name="authorize" value="1">Authorize</button></form>`
  );
}

function token(state: OAuthState, params: URLSearchParams, auth: string): Reply {
  const basic = /^Basic\s+(\S+)$/i.exec(auth)?.[1];
  const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  const id = params.get('client_id') ?? basicId;
  const secret = params.get('client_secret') ?? basicSecret;
  if (id !== state.clientId || secret !== state.clientSecret) {
    return json(401, { error: 'invalid_client', error_description: INVALID_CLIENT });
  }
  const missing = (name: string) =>
    json(400, { error: 'invalid_request', error_description: `Missing required parameter: ${name}.` });
  const invalidGrant = () => json(400, { error: 'invalid_grant', error_description: INVALID_GRANT });
  const grant = params.get('grant_type');
  let granted: { username: string; scopes: string[] };
  if (grant === 'authorization_code') {
    const codeValue = params.get('code');
    if (!codeValue) {
      return missing('code');
    }
    if (!params.get('redirect_uri')) {
      return missing('redirect_uri');
    }
    const code = state.codes.get(codeValue);
    state.codes.delete(codeValue);
    if (
      !code ||
      state.now() > code.expiresAt ||
      (code.redirectUri !== '' && code.redirectUri !== params.get('redirect_uri'))
    ) {
      return invalidGrant();
    }
    if (code.challenge !== undefined) {
      const verifier = params.get('code_verifier');
      if (!verifier) {
        return missing('code_verifier');
      }
      const expected =
        code.challengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (expected !== code.challenge) {
        return invalidGrant();
      }
    }
    granted = code;
  } else if (grant === 'refresh_token') {
    const refresh = params.get('refresh_token');
    if (!refresh) {
      return missing('refresh_token');
    }
    const known = state.refreshTokens.get(refresh);
    // Single use: the answer carries the next refresh token.
    state.refreshTokens.delete(refresh);
    if (!known) {
      return invalidGrant();
    }
    granted = known;
  } else if (!grant) {
    return missing('grant_type');
  } else {
    return json(400, {
      error: 'unsupported_grant_type',
      error_description: 'The authorization grant type is not supported by the authorization server.',
    });
  }
  const issued = issueToken(state, granted.username, granted.scopes);
  return json(
    200,
    {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: state.tokenLifetimeSeconds,
      refresh_token: issued.refreshToken,
      scope: issued.scopes.join(' '),
      created_at: Math.floor(issued.createdAt / 1000),
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' }
  );
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );
}
