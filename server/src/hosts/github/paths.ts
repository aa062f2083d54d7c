/** How `.pyroscope.yaml` names a GitHub repository (`source.github`, Pyroscope's own key). */
import { HostMapping, pathOfNames } from '../host-paths';

export const githubMapping: HostMapping = {
  key: 'github',
  fields: [
    { key: 'owner', type: 'string', meaning: 'the repository owner on the configured GitHub' },
    { key: 'repo', type: 'string', meaning: 'the repository name' },
  ],
  example: [
    '- path: [{ prefix: /usr/lib/go-1.19/src }]',
    '  language: go',
    '  source: { github: { owner: golang, repo: go, ref: go1.19.8, path: src } }',
  ].join('\n'),
  repositoryPath: (fields) => pathOfNames('github', ['owner', 'repo'], fields),
  setup: 'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, SESSION_SECRET',
};
