/**
 * The sample services as users' SDKs profile them (samples/record/sdk.ts): each ran under the official Pyroscope
 * SDK of its language, pushed to a real Pyroscope, and was read back through its querier (SelectMergeProfile), so
 * each file holds one sample type and the labels Pyroscope gave the series. The standalone stack serves them as
 * `<service>-sdk`.
 */
export interface SdkProfile {
  /** File stem in samples/profiles: `<name>.pb.gz`, `<name>.labels.json` (and `<name>.golden.json` for Go). */
  name: string;
  service: 'shop-go' | 'shop-python' | 'shop-java' | 'shop-node';
  language: 'go' | 'python' | 'java' | 'node';
  sdk: string;
  /** The version label in SampleRepo.commits the service ran at. */
  versionLabel: string;
  /** The one sample type SelectMergeProfile answered, as type/unit. */
  sampleType: string;
  profileTypeId: string;
}

export const SDK_PROFILES: readonly SdkProfile[] = [
  {
    name: 'sdk-shop-go.cpu',
    service: 'shop-go',
    language: 'go',
    sdk: 'github.com/grafana/pyroscope-go v1.5.0',
    versionLabel: 'v2',
    sampleType: 'cpu/nanoseconds',
    profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  },
  {
    name: 'sdk-shop-go.heap',
    service: 'shop-go',
    language: 'go',
    sdk: 'github.com/grafana/pyroscope-go v1.5.0',
    versionLabel: 'v2',
    sampleType: 'alloc_space/bytes',
    profileTypeId: 'memory:alloc_space:bytes:space:bytes',
  },
  {
    name: 'sdk-shop-python.cpu',
    service: 'shop-python',
    language: 'python',
    sdk: 'pyroscope-io 1.4.0',
    versionLabel: 'v1',
    sampleType: 'cpu/nanoseconds',
    profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  },
  {
    name: 'sdk-shop-node.cpu',
    service: 'shop-node',
    language: 'node',
    sdk: '@pyroscope/nodejs 0.6.4',
    versionLabel: 'v1',
    sampleType: 'wall/nanoseconds',
    profileTypeId: 'wall:wall:nanoseconds:wall:nanoseconds',
  },
  {
    name: 'sdk-shop-java.cpu',
    service: 'shop-java',
    language: 'java',
    sdk: 'io.pyroscope:agent 2.9.2',
    versionLabel: 'v1',
    sampleType: 'cpu/nanoseconds',
    profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  },
];
