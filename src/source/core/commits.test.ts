import { create } from '@bufbuild/protobuf';
import { CommitInfoSchema } from '../../../proto/gen/vcs/v1/vcs_pb';
import { commitsByRef } from './commits';

const sha = 'a'.repeat(40);
const commit = (URL: string, avatarURL: string) =>
  create(CommitInfoSchema, { sha, ref: 'main', message: 'm', URL, author: { login: 'dev', avatarURL } });

test('GetCommits’ commit page and avatar pass the URL policy', () => {
  expect(
    commitsByRef(
      [commit(`https://github.com/o/r/commit/${sha}`, 'https://avatars.githubusercontent.com/u/1')],
      ['main']
    )
  ).toEqual({
    main: {
      sha,
      message: 'm',
      login: 'dev',
      avatarUrl: 'https://avatars.githubusercontent.com/u/1',
      date: '',
      url: `https://github.com/o/r/commit/${sha}`,
    },
  });
  const hostile = commitsByRef([commit('JaVaScRiPt:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>')], ['main']);
  expect(hostile.main).toMatchObject({ sha, avatarUrl: '', url: '' });
});

test('http avatars and pages only on a host the server configured with http', () => {
  const selfManaged = [{ host: 'gitlab.internal', kind: 'gitlab' as const, scheme: 'http' as const }];
  const plain = commit('http://gitlab.internal/g/p/-/commit/1', 'http://gitlab.internal/avatar.png');
  expect(commitsByRef([plain], ['main'], selfManaged).main).toMatchObject({
    url: 'http://gitlab.internal/g/p/-/commit/1',
    avatarUrl: 'http://gitlab.internal/avatar.png',
  });
  expect(commitsByRef([plain], ['main']).main).toMatchObject({ url: '', avatarUrl: '' });
});
