import type { GitHubDouble } from './double';

/**
 * The environment that points a source server at a GitHub double: its OAuth application, web and API URLs, and
 * github.com as another name of it (so repository URLs of the samples read as this GitHub).
 */
/** Every package registry switched off. */
export const REGISTRIES_OFF: Record<string, string> = {
  GOPROXY: 'off',
  NPM_REGISTRY_URL: 'off',
  RUBYGEMS_URL: 'off',
  PYPI_URL: 'off',
  MAVEN_URL: 'off',
};

export function sourceServerEnv(
  double: Pick<GitHubDouble, 'clientId' | 'clientSecret' | 'url' | 'apiUrl'>,
  sessionSecret: string
): Record<string, string> {
  return {
    GITHUB_CLIENT_ID: double.clientId,
    GITHUB_CLIENT_SECRET: double.clientSecret,
    SESSION_SECRET: sessionSecret,
    GITHUB_URL: double.url,
    GITHUB_API_URL: double.apiUrl,
    GITHUB_REPOSITORY_HOSTS: 'github.com',
    // Tests never reach the real package registries: a test that wants one points it at the registry double.
    ...REGISTRIES_OFF,
  };
}
