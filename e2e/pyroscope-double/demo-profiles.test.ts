import { demoSeries } from './demo-profiles';

describe('the stack profiles', () => {
  it('serve every recorded sample, with build ids stamped from the sidecars and the demo relabelling', async () => {
    const series = await demoSeries();
    const services = [...new Set(series.map((s) => s.labels.service_name))].sort();
    expect(services).toEqual([
      'shop-go',
      'shop-go-azure',
      'shop-go-bitbucket',
      'shop-go-deps',
      'shop-go-gitlab',
      'shop-go-sdk',
      'shop-go-trimpath',
      'shop-java',
      'shop-java-sdk',
      'shop-node',
      'shop-node-compiled',
      'shop-node-deps',
      'shop-node-sdk',
      'shop-python',
      'shop-python-sdk',
      'shop-python-unlabelled',
      'shop-ruby',
    ]);
    // Node's profiles are wall-time profiles, as Pyroscope's Node SDK sends them.
    const nodeTypes = series.filter((s) => s.labels.service_name === 'shop-node').map((s) => s.labels.__profile_type__);
    expect(nodeTypes.sort()).toEqual(['wall:sample:count:wall:nanoseconds', 'wall:wall:nanoseconds:wall:nanoseconds']);
    const goCpu = series.filter(
      (s) =>
        s.labels.service_name === 'shop-go' &&
        s.labels.__profile_type__ === 'process_cpu:cpu:nanoseconds:cpu:nanoseconds'
    );
    expect(goCpu.map((s) => s.source).sort()).toEqual(['shop-go-v1.cpu.pb.gz', 'shop-go-v2.cpu.pb.gz']);
    const buildIds = goCpu.map((s) => JSON.parse(s.profile.stringTable[Number(s.profile.mapping[0].buildId)]));
    expect(buildIds[0]).toMatchObject({
      repository: 'https://github.com/linescope-demo/shop-go',
      git_ref: goCpu[0].labels.service_git_ref,
    });
    // The versions with dependencies are services of their own; shop-go and shop-node keep their older versions.
    const sourcesOf = (service: string) =>
      [...new Set(series.filter((s) => s.labels.service_name === service).map((s) => s.source))].sort();
    expect(sourcesOf('shop-go-deps')).toEqual(['shop-go-v3.cpu.pb.gz', 'shop-go-v3.heap.pb.gz']);
    expect(sourcesOf('shop-node-deps')).toEqual(['shop-node-v2.cpu.pb.gz']);
    expect(sourcesOf('shop-node')).toEqual(['shop-node-v1.cpu.pb.gz']);
    const onGitlab = series.filter((s) => s.labels.service_name === 'shop-go-gitlab');
    expect([...new Set(onGitlab.map((s) => s.source))].sort()).toEqual([
      'shop-go-v1.cpu.pb.gz',
      'shop-go-v1.heap.pb.gz',
      'shop-go-v2.cpu.pb.gz',
      'shop-go-v2.heap.pb.gz',
    ]);
    const gitlabBuildId = JSON.parse(onGitlab[0].profile.stringTable[Number(onGitlab[0].profile.mapping[0].buildId)]);
    expect(gitlabBuildId).toMatchObject({
      repository: 'https://gitlab.com/linescope-demo/shop-go',
      git_ref: onGitlab[0].labels.service_git_ref,
    });
    for (const [service, repository] of [
      ['shop-go-bitbucket', 'https://bitbucket.org/linescope-demo/shop-go'],
      ['shop-go-azure', 'https://dev.azure.com/linescope-demo/shop/_git/shop-go'],
    ]) {
      const copies = series.filter((s) => s.labels.service_name === service);
      expect(copies.map((s) => s.source).sort()).toEqual(onGitlab.map((s) => s.source).sort());
      const buildId = JSON.parse(copies[0].profile.stringTable[Number(copies[0].profile.mapping[0].buildId)]);
      expect({ service, repository: buildId.repository }).toEqual({ service, repository });
    }
    const unlabelled = series.find((s) => s.labels.service_name === 'shop-python-unlabelled')!;
    expect(unlabelled.labels.service_repository).toBeUndefined();
    expect(
      unlabelled.profile.mapping.every((m) => !unlabelled.profile.stringTable[Number(m.buildId)].startsWith('{'))
    ).toBe(true);
  });
});
