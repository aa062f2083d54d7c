/** Microsoft Entra ID's token endpoint for Azure DevOps, against the double: PKCE exchange, refresh, refusals. */
import { createHash } from 'node:crypto';
import { AzureDevopsDouble, startAzureDevopsDouble } from '../../e2e/azure-devops-double';
import { AZURE_DEVOPS_SCOPE, AzureDevopsOAuthClient } from '../src/hosts/azure-devops/oauth';
import { failure } from './helpers';

describe('Azure DevOps OAuth client (Entra ID v2)', () => {
  let double: AzureDevopsDouble;
  const now = Date.UTC(2026, 11, 2, 5, 0, 0);
  const redirect = 'http://grafana.local/a/linescope-app/callback';

  beforeAll(async () => {
    double = await startAzureDevopsDouble({ repositories: [] });
  });
  afterAll(() => double.stop());

  const client = (secret = double.clientSecret) =>
    new AzureDevopsOAuthClient({
      loginUrl: double.loginUrl,
      tenantId: double.tenant,
      clientId: double.clientId,
      clientSecret: secret,
      timeoutMs: 5000,
    });

  /** A code from the consent page, as the popup gets it, with a PKCE challenge. */
  async function codeFor(verifier: string): Promise<string> {
    const granted = await fetch(`${double.loginUrl}/${double.tenant}/oauth2/v2.0/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        client_id: double.clientId,
        response_type: 'code',
        redirect_uri: redirect,
        scope: AZURE_DEVOPS_SCOPE,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        accept: '1',
      }),
    });
    return new URL(granted.headers.get('location') as string).searchParams.get('code') as string;
  }

  it('exchanges a code with its PKCE verifier for a vso.code token with a refresh token', async () => {
    const verifier = 'a'.repeat(43);
    const grant = await client().exchangeCode(await codeFor(verifier), redirect, verifier, now);
    expect(grant).toEqual({
      token: {
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        refreshToken: expect.any(String),
        expiry: now + 3599_000,
      },
      scope: '499b84ac-1321-427f-aa17-267ca6975798/vso.code',
    });
    const refreshed = await client().refresh(grant.token.refreshToken as string, '', now);
    expect(refreshed.token.refreshToken).not.toBe(grant.token.refreshToken);
  });

  it('says a wrong verifier or secret is final, in the first line of Entra’s description', async () => {
    const wrong = await failure(client().exchangeCode(await codeFor('b'.repeat(43)), redirect, 'c'.repeat(43), now));
    expect(wrong).toMatchObject({ final: true, message: expect.stringMatching(/^oauth2: invalid_grant AADSTS501481/) });
    expect((wrong as Error).message).not.toMatch(/Trace ID/);
    const secret = await failure(client('nope').refresh('r', '', now));
    expect(secret).toMatchObject({ final: true, message: expect.stringMatching(/^oauth2: invalid_client/) });
  });
});
