import { parseTypedRepository } from './repository';

test('the override form accepts GitLab (nested groups), Bitbucket Cloud and Azure DevOps repository URLs', () => {
  for (const [url, kind] of [
    ['https://gitlab.com/group/sub/project', 'gitlab'],
    ['https://bitbucket.org/workspace/repo', 'bitbucket'],
    ['https://dev.azure.com/org/project/_git/repo', 'azure-devops'],
    ['https://org.visualstudio.com/project/_git/repo', 'azure-devops'],
  ]) {
    const parsed = parseTypedRepository(url);
    expect(parsed.ok && parsed.value.kind).toBe(kind);
  }
});
