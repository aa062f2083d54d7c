import { providerKindFor } from './table';

test('the provider for a host kind: GitHub, GitLab and Bitbucket read source, an unknown host goes to GitHub, links-only hosts to none', () => {
  expect(providerKindFor('github')).toBe('github');
  expect(providerKindFor('gitlab')).toBe('gitlab');
  // A host the panel cannot place (GitHub Enterprise, or a GitLab the server has not named): GitHub, as documented.
  expect(providerKindFor(undefined)).toBe('github');
  expect(providerKindFor('bitbucket')).toBe('bitbucket');
  expect(providerKindFor('azure-devops')).toBeUndefined();
});
