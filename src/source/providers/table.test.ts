import { providerKindFor, providerOfLoginState, SOURCE_PROVIDERS } from './table';

test('the provider for a host kind: every host reads source, an unknown host goes to GitHub', () => {
  expect(providerKindFor('github')).toBe('github');
  expect(providerKindFor('gitlab')).toBe('gitlab');
  // A host the panel cannot place (GitHub Enterprise, or a GitLab the server has not named): GitHub, as documented.
  expect(providerKindFor(undefined)).toBe('github');
  expect(providerKindFor('bitbucket')).toBe('bitbucket');
  expect(providerKindFor('azure-devops')).toBe('azure-devops');
});

test("a login's one-time state names its host: the longest prefix wins, an unmarked state is GitHub's", () => {
  expect(providerOfLoginState('azure-devops.s1')).toBe(SOURCE_PROVIDERS['azure-devops']);
  expect(providerOfLoginState('bitbucket.s1')).toBe(SOURCE_PROVIDERS.bitbucket);
  expect(providerOfLoginState('gitlab.s1')).toBe(SOURCE_PROVIDERS.gitlab);
  expect(providerOfLoginState('s1')?.name).toBe('GitHub');
});

test("each host says whether its API has blame: Bitbucket's and Azure DevOps' have none", () => {
  const blame = Object.fromEntries(Object.entries(SOURCE_PROVIDERS).map(([kind, p]) => [kind, p.blame]));
  expect(blame).toEqual({ github: true, gitlab: true, bitbucket: false, 'azure-devops': false });
});
