/**
 * GitHub's OAuth web flow as an OAuth or GitHub App sees it: `/login/oauth/authorize` (a page with an Authorize
 * button; PKCE with S256 only), `/login/oauth/access_token` (code and refresh grants, client credentials in the
 * body or Basic auth, form or JSON bodies, JSON or form replies by Accept, GitHub's error codes as HTTP 200), and
 * the tokens they grant: expiring user tokens with single-use refresh tokens (a GitHub App), or non-expiring ones
 * without (an OAuth App, or expiry switched off).
 */
import { createHash, randomBytes } from 'node:crypto';
import { oauthParams, redirectBack } from '../double-server';
import { escapeHtml, html, json, Reply } from './shapes';

export interface OAuthState {
  clientId: string;
  clientSecret: string;
  /** Where the authorize page sends the browser when the request has no redirect_uri (the App's callback URL). */
  callbackUrl?: string;
  /** Login used when the authorize page is submitted without choosing one. */
  defaultLogin: string;
  /** Seconds; 0 = non-expiring tokens without refresh tokens. */
  tokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
  tokens: Map<string, { login: string; expiresAt?: number }>;
  /** Refresh token → login. */
  refreshTokens: Map<string, string>;
  /** A code issued for a PKCE challenge (GitHub takes S256 only) is exchanged only with its verifier. */
  codes: Map<string, { login: string; expiresAt: number; challenge?: string }>;
  now: () => number;
}

/** What the OAuth routes read of a request. */
export interface OAuthRequest {
  method: string;
  url: URL;
  body: Buffer;
  contentType: string;
  accept: string;
  authorization: string;
}

export function issueToken(state: OAuthState, login: string, lifetimeSeconds = state.tokenLifetimeSeconds) {
  const accessToken = `ghu_${randomBytes(18).toString('hex')}`;
  const expiresAt = lifetimeSeconds > 0 ? state.now() + lifetimeSeconds * 1000 : undefined;
  state.tokens.set(accessToken, { login, expiresAt });
  if (lifetimeSeconds <= 0) {
    return { accessToken };
  }
  const refreshToken = `ghr_${randomBytes(38).toString('hex')}`;
  state.refreshTokens.set(refreshToken, login);
  return { accessToken, refreshToken, expiresAt };
}

export function issueCode(state: OAuthState, login: string, challenge?: string): string {
  const code = randomBytes(10).toString('hex');
  state.codes.set(code, { login, expiresAt: state.now() + 10 * 60_000, ...(challenge ? { challenge } : {}) });
  return code;
}

/** The login a token stands for; undefined for an unknown, revoked or expired token. */
export function loginOfToken(state: OAuthState, token: string): string | undefined {
  const known = state.tokens.get(token);
  return known && (known.expiresAt === undefined || state.now() <= known.expiresAt) ? known.login : undefined;
}

export async function oauth(state: OAuthState, req: OAuthRequest): Promise<Reply> {
  const params = oauthParams(req.url, req.body, req.contentType);
  if (!params) {
    return json(400, { error: 'invalid_request', error_description: 'Problems parsing JSON' });
  }
  if (req.url.pathname === '/login/oauth/authorize') {
    return authorize(state, req.method, params);
  }
  if (req.url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
    return accessToken(state, params, req);
  }
  return json(404, { message: 'Not Found' });
}

function authorize(state: OAuthState, method: string, params: URLSearchParams): Reply {
  if (params.get('client_id') !== state.clientId) {
    return html(404, '<!doctype html><title>Not Found</title><h1>The application was not found</h1>');
  }
  const challenge = params.get('code_challenge') ?? undefined;
  if (challenge !== undefined && params.get('code_challenge_method') !== 'S256') {
    return html(400, '<!doctype html><title>Bad request</title><h1>code_challenge_method must be S256</h1>');
  }
  const login = params.get('login') || state.defaultLogin;
  if (method === 'POST') {
    const redirect = params.get('redirect_uri') || state.callbackUrl;
    if (!redirect) {
      return {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from('no redirect_uri and no callbackUrl configured for this double'),
      };
    }
    return redirectBack(redirect, { code: issueCode(state, login, challenge) }, params.get('state'));
  }
  const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'login', 'code_challenge', 'code_challenge_method']
    .filter((k) => params.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) as string)}">`)
    .join('');
  return html(
    200,
    `<!doctype html><html><head><title>Authorize application</title></head><body>` +
      `<h1>Authorize Linescope</h1><p>Linescope wants to read your repositories as <b>${escapeHtml(login)}</b>.</p>` +
      `<form method="post" action="/login/oauth/authorize">${hidden}<button type="submit" name="authorize" value="1">Authorize</button></form></body></html>`
  );
}

function accessToken(state: OAuthState, params: URLSearchParams, req: OAuthRequest): Reply {
  const basic = /^Basic\s+(\S+)$/i.exec(req.authorization)?.[1];
  const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  const id = params.get('client_id') ?? basicId;
  const secret = params.get('client_secret') ?? basicSecret;
  const wantsJson = req.accept.includes('json');
  // GitHub answers the token endpoint's errors with HTTP 200 and an `error` field.
  const reply = (values: Record<string, string | number>): Reply => ({
    status: 200,
    headers: {
      'content-type': wantsJson
        ? 'application/json; charset=utf-8'
        : 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body: Buffer.from(
      wantsJson
        ? JSON.stringify(values)
        : new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString()
    ),
  });
  if (id !== state.clientId || secret !== state.clientSecret) {
    return reply({
      error: 'incorrect_client_credentials',
      error_description: 'The client_id and/or client_secret passed are incorrect.',
    });
  }
  const grant = params.get('grant_type') ?? (params.get('code') ? 'authorization_code' : '');
  let login: string | undefined;
  if (grant === 'refresh_token') {
    const refresh = params.get('refresh_token') ?? '';
    login = state.refreshTokens.get(refresh);
    if (!login) {
      return reply({
        error: 'bad_refresh_token',
        error_description: 'The refresh token passed is incorrect or expired.',
      });
    }
    state.refreshTokens.delete(refresh);
  } else if (grant === 'authorization_code') {
    const code = state.codes.get(params.get('code') ?? '');
    state.codes.delete(params.get('code') ?? '');
    // RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the challenge the authorize request carried.
    const verifier = params.get('code_verifier') ?? '';
    const verified =
      code?.challenge === undefined || createHash('sha256').update(verifier).digest('base64url') === code.challenge;
    if (!code || state.now() > code.expiresAt || !verified) {
      return reply({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
    }
    login = code.login;
  } else {
    return reply({ error: 'unsupported_grant_type', error_description: `grant_type ${grant} is not supported` });
  }
  const granted = issueToken(state, login);
  if (!granted.refreshToken) {
    return reply({ access_token: granted.accessToken, scope: 'repo', token_type: 'bearer' });
  }
  // GitHub App user tokens: scope is empty.
  return reply({
    access_token: granted.accessToken,
    expires_in: state.tokenLifetimeSeconds,
    refresh_token: granted.refreshToken,
    refresh_token_expires_in: state.refreshTokenLifetimeSeconds,
    scope: '',
    token_type: 'bearer',
  });
}
