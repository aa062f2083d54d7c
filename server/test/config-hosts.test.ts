/** Bitbucket's and Azure DevOps' settings: defaults, what must be set together, and a server with only one host. */
import { azureDevopsConfigured, bitbucketConfigured, ConfigError, githubConfigured, loadConfig } from '../src/config';

const SECRET = 'a-session-secret-of-some-length';
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('Bitbucket settings', () => {
  it("default to the public hosts' URLs and are off without their application", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      bitbucketUrl: 'https://bitbucket.org',
      bitbucketApiUrl: 'https://api.bitbucket.org/2.0',
      bitbucketRepositoryHostAliases: [],
    });
    expect(bitbucketConfigured(config)).toBe(false);
  });

  it('a server with only Bitbucket needs no GitHub App', () => {
    const bitbucketOnly = loadConfig({
      BITBUCKET_CLIENT_ID: 'k',
      BITBUCKET_CLIENT_SECRET: 's',
      SESSION_SECRET: SECRET,
    });
    expect(bitbucketConfigured(bitbucketOnly)).toBe(true);
    expect(githubConfigured(bitbucketOnly)).toBe(false);
    const aliased = loadConfig({ BITBUCKET_REPOSITORY_HOSTS: 'Bitbucket.org, bb.example.com' });
    expect(aliased.bitbucketRepositoryHostAliases).toEqual(['bitbucket.org', 'bb.example.com']);
  });

  it('refuses half an application, a bad URL and a bad alias, saying what to set', () => {
    expect(problems({ BITBUCKET_CLIENT_ID: 'k', SESSION_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET and SESSION_SECRET must be set together/),
    ]);
    expect(problems({ BITBUCKET_API_URL: 'ftp://x' })).toEqual([
      expect.stringMatching(/^BITBUCKET_API_URL="ftp:\/\/x" must be an http\(s\) URL/),
    ]);
    expect(problems({ BITBUCKET_REPOSITORY_HOSTS: 'bitbucket.org, not a host' })).toEqual([
      "BITBUCKET_REPOSITORY_HOSTS: 'not a host' is not a host name",
    ]);
  });
});

describe('Azure DevOps settings', () => {
  it("default to Azure DevOps Services and Entra ID's public URLs, any work account's tenant, and are off", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      azureDevopsUrl: 'https://dev.azure.com',
      azureDevopsLoginUrl: 'https://login.microsoftonline.com',
      azureDevopsTenantId: 'organizations',
      azureDevopsRepositoryHostAliases: [],
    });
    expect(azureDevopsConfigured(config)).toBe(false);
  });

  it('a server with only Azure DevOps needs no GitHub App', () => {
    const azureOnly = loadConfig({
      AZURE_DEVOPS_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      AZURE_DEVOPS_CLIENT_ID: 'id',
      AZURE_DEVOPS_CLIENT_SECRET: 's',
      AZURE_DEVOPS_LOGIN_URL: 'http://entra.local:9000/',
      SESSION_SECRET: SECRET,
      AZURE_DEVOPS_REPOSITORY_HOSTS: 'Azure.Example.com',
    });
    expect(azureDevopsConfigured(azureOnly)).toBe(true);
    expect(githubConfigured(azureOnly)).toBe(false);
    expect(azureOnly).toMatchObject({
      azureDevopsLoginUrl: 'http://entra.local:9000',
      azureDevopsTenantId: '11111111-2222-3333-4444-555555555555',
      azureDevopsRepositoryHostAliases: ['azure.example.com'],
    });
  });

  it('refuses half an application, no session secret, a tenant that is no name and a bad URL', () => {
    expect(problems({ AZURE_DEVOPS_CLIENT_SECRET: 's', SESSION_SECRET: SECRET })).toEqual([
      expect.stringMatching(
        /^AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET and SESSION_SECRET must be set together/
      ),
    ]);
    expect(problems({ AZURE_DEVOPS_CLIENT_ID: 'id', AZURE_DEVOPS_CLIENT_SECRET: 's' })).toEqual([
      expect.stringMatching(
        /^AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET and SESSION_SECRET must be set together/
      ),
    ]);
    for (const tenant of ['../evil', 'a/b', 'x?y']) {
      expect(problems({ AZURE_DEVOPS_TENANT_ID: tenant })).toEqual([
        expect.stringMatching(/^AZURE_DEVOPS_TENANT_ID=".*" must be a tenant id, a domain, organizations or common$/),
      ]);
    }
    expect(problems({ AZURE_DEVOPS_LOGIN_URL: 'javascript:alert(1)' })).toEqual([
      expect.stringMatching(/^AZURE_DEVOPS_LOGIN_URL=.* must be an http\(s\) URL/),
    ]);
  });
});
