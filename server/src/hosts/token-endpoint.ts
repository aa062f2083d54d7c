/**
 * One POST to an OAuth 2.0 token endpoint (RFC 6749 §5) and its answer read the same way for every host that
 * speaks the standard: a JSON body with `access_token`, `expires_in`, `refresh_token`, `scope`, or an `error`.
 * `invalid_grant` and `invalid_client` are final (the code or refresh token, or the registration, can never work
 * again: connect anew); an unreachable endpoint or an odd answer is not.
 */
import { OAuthError } from '../session/oauth';
import { OAuthToken } from '../session/token';

export interface TokenEndpointCall {
  /** The host's name in messages ("GitLab"). */
  host: string;
  url: string;
  form: Record<string, string>;
  /** Client authentication in HTTP Basic (else the form carries it). */
  basic?: { clientId: string; clientSecret: string };
  timeoutMs: number;
  now: number;
  fetch?: typeof fetch;
  onResponse?: (status: number | undefined, seconds: number) => void;
  /** The answer's fields that may carry the granted scope, the first present wins (RFC 6749's `scope` by default). */
  scopeFields?: readonly string[];
}

export interface TokenGrant {
  token: OAuthToken;
  scope: string;
}

export async function postTokenRequest(call: TokenEndpointCall): Promise<TokenGrant> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (call.basic) {
    headers.authorization = `Basic ${Buffer.from(`${call.basic.clientId}:${call.basic.clientSecret}`).toString('base64')}`;
  }
  const started = performance.now();
  let status: number | undefined;
  let text: string;
  try {
    const response = await (call.fetch ?? fetch)(call.url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(call.form),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new OAuthError(
      (error as Error).name === 'TimeoutError'
        ? `${call.host}'s OAuth endpoint did not answer within ${call.timeoutMs} ms`
        : `${call.host}'s OAuth endpoint cannot be reached: ${(error as Error).message}`,
      false
    );
  } finally {
    call.onResponse?.(status, (performance.now() - started) / 1000);
  }
  let reply: Record<string, unknown>;
  try {
    reply = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new OAuthError(`${call.host}'s OAuth endpoint answered HTTP ${status} without JSON`, false);
  }
  if (typeof reply.error === 'string') {
    const final = reply.error === 'invalid_grant' || reply.error === 'invalid_client';
    // Entra's descriptions carry trace ids over several lines: the first line says what happened.
    const description =
      typeof reply.error_description === 'string' ? ` ${reply.error_description.split(/\r?\n/)[0]}` : '';
    throw new OAuthError(`oauth2: ${reply.error}${description}`, final);
  }
  if (status !== 200 || typeof reply.access_token !== 'string' || reply.access_token === '') {
    throw new OAuthError(`${call.host}'s OAuth endpoint answered HTTP ${status} without an access token`, false);
  }
  const expiresIn = Number(reply.expires_in);
  return {
    token: {
      accessToken: reply.access_token,
      // Some hosts write "bearer"; the header every host reads is `Bearer`.
      tokenType: 'Bearer',
      refreshToken: typeof reply.refresh_token === 'string' && reply.refresh_token ? reply.refresh_token : undefined,
      // Our clock, not the host's: the expiry is compared with our clock.
      expiry: Number.isFinite(expiresIn) && expiresIn > 0 ? call.now + expiresIn * 1000 : undefined,
    },
    scope: grantedScope(reply, call.scopeFields ?? ['scope']),
  };
}

function grantedScope(reply: Record<string, unknown>, fields: readonly string[]): string {
  const value = fields.map((field) => reply[field]).find((v) => typeof v === 'string');
  return typeof value === 'string' ? value : '';
}
