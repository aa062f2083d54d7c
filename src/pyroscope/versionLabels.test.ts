import { resolveVersionFromLabels, runtimeVersionFromLabels, versionLabelsPresent } from './versionLabels';

describe('version labels', () => {
  it("prefers Pyroscope's own labels over the aliases", () => {
    expect(
      resolveVersionFromLabels({
        service_repository: ['https://github.com/linescope-demo/shop-go'],
        vcs_repository_url_full: ['https://github.com/other/repo'],
        service_git_ref: ['abc123'],
        git_commit_sha: ['def456'],
        service_root_path: ['svc'],
      })
    ).toEqual({
      version: { repository: 'https://github.com/linescope-demo/shop-go', gitRef: 'abc123', rootPath: 'svc' },
      from: { repository: 'service_repository', gitRef: 'service_git_ref', rootPath: 'service_root_path' },
      ambiguous: [],
    });
  });

  it('accepts the OpenTelemetry and git_* aliases', () => {
    expect(
      resolveVersionFromLabels({
        vcs_repository_url_full: ['https://github.com/o/r'],
        vcs_ref_head_revision: ['1234567'],
      })?.version
    ).toEqual({ repository: 'https://github.com/o/r', gitRef: '1234567', rootPath: '' });
    expect(
      resolveVersionFromLabels({ git_repository_url: ['https://github.com/o/r'], git_commit_sha: ['feed'] })?.from
    ).toEqual({ repository: 'git_repository_url', gitRef: 'git_commit_sha', rootPath: undefined });
  });

  it("accepts the OCI image label names relabelling keeps and Go's vcs_revision, after the others", () => {
    expect(
      resolveVersionFromLabels({
        org_opencontainers_image_source: ['https://github.com/o/r'],
        org_opencontainers_image_revision: ['0123abc'],
      })
    ).toEqual({
      version: { repository: 'https://github.com/o/r', gitRef: '0123abc', rootPath: '' },
      from: { repository: 'org_opencontainers_image_source', gitRef: 'org_opencontainers_image_revision' },
      ambiguous: [],
    });
    expect(
      resolveVersionFromLabels({ service_repository: ['https://github.com/o/r'], vcs_revision: ['feedbeef'] })?.from
        .gitRef
    ).toBe('vcs_revision');
    expect(
      resolveVersionFromLabels({
        git_repository_url: ['https://github.com/o/git'],
        org_opencontainers_image_source: ['https://github.com/o/oci'],
        org_opencontainers_image_revision: ['oci'],
        vcs_revision: ['go'],
      })?.version
    ).toEqual({ repository: 'https://github.com/o/git', gitRef: 'oci', rootPath: '' });
    expect(
      versionLabelsPresent(['vcs_revision', 'org_opencontainers_image_source', 'org_opencontainers_image_revision'])
    ).toEqual(['org_opencontainers_image_source', 'org_opencontainers_image_revision', 'vcs_revision']);
  });

  it('skips empty values and falls through to the next alias', () => {
    expect(
      resolveVersionFromLabels({ service_repository: ['  '], git_repository_url: ['https://github.com/o/r'] })?.from
        .repository
    ).toBe('git_repository_url');
  });

  it('has no version without a repository, even with a ref', () => {
    expect(resolveVersionFromLabels({ service_git_ref: ['abc'] })).toBeUndefined();
    expect(resolveVersionFromLabels({})).toBeUndefined();
  });

  it('marks fields with several values in the selection and picks one deterministically', () => {
    const r = resolveVersionFromLabels({
      service_repository: ['https://github.com/o/r'],
      service_git_ref: ['bbb', 'aaa'],
    });
    expect(r?.version.gitRef).toBe('aaa');
    expect(r?.ambiguous).toEqual(['gitRef']);
  });

  it('lists which version labels exist for a selection', () => {
    expect(versionLabelsPresent(['env', 'service_git_ref', 'service_name', 'vcs_repository_url_full'])).toEqual([
      'vcs_repository_url_full',
      'service_git_ref',
    ]);
  });

  it('lists the runtime version labels too, so they are asked for', () => {
    expect(versionLabelsPresent(['process_runtime_version', 'service_name', 'service_runtime_version'])).toEqual([
      'service_runtime_version',
      'process_runtime_version',
    ]);
  });
});

describe('runtime version label', () => {
  it("reads Linescope's service_runtime_version", () => {
    expect(runtimeVersionFromLabels({ service_runtime_version: ['v20.20.2'] })).toEqual({
      label: 'service_runtime_version',
      value: 'v20.20.2',
      ambiguous: false,
    });
  });

  it("falls back to OpenTelemetry's process.runtime.version, after service_runtime_version", () => {
    expect(runtimeVersionFromLabels({ process_runtime_version: ['3.1.2'] })?.label).toBe('process_runtime_version');
    expect(
      runtimeVersionFromLabels({ process_runtime_version: ['20.19.0'], service_runtime_version: ['v20.20.2'] })?.value
    ).toBe('v20.20.2');
  });

  it('is absent without a label or with only blank values, which fall through to the alias', () => {
    expect(runtimeVersionFromLabels({})).toBeUndefined();
    expect(runtimeVersionFromLabels({ service_runtime_version: [] })).toBeUndefined();
    expect(runtimeVersionFromLabels({ service_runtime_version: ['', '  '] })).toBeUndefined();
    expect(runtimeVersionFromLabels({ service_runtime_version: [' '], process_runtime_version: [' 3.1.2 '] })).toEqual({
      label: 'process_runtime_version',
      value: '3.1.2',
      ambiguous: false,
    });
  });

  it('needs no repository label, and does not make one', () => {
    expect(runtimeVersionFromLabels({ service_runtime_version: ['v20.20.2'] })?.value).toBe('v20.20.2');
    expect(resolveVersionFromLabels({ service_runtime_version: ['v20.20.2'] })).toBeUndefined();
  });

  it('picks one of several versions deterministically and says so', () => {
    expect(runtimeVersionFromLabels({ service_runtime_version: ['v20.20.2', 'v20.19.0'] })).toEqual({
      label: 'service_runtime_version',
      value: 'v20.19.0',
      ambiguous: true,
    });
  });
});
