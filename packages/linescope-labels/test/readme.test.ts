import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { FORMATS } from '../src/formats';
import {
  dockerLabels,
  parseAlloy,
  parsePairs,
  parseResourceAttributes,
  parseGo,
  parseJava,
  parseKubernetes,
  parseNode,
  parsePython,
  parseRuby,
  READ_BACK_RUBY_VERSION,
} from './parseBack';
import { buildCli, CLI, makeRepo, removeTempRepos, type TempRepo } from './tempRepo';

// Runs the shell examples of docs/tagging.md ("Tagging your profiles"), as written, in a temporary checkout laid out
// like the examples assume; `npx` runs the built CLI, and docker / kubectl (which cannot run here) record their
// arguments. Then reads back everything the examples produced.

const TAG = readFileSync(path.resolve(__dirname, '../../../docs/tagging.md'), 'utf8');
const blocks = (language: string) =>
  [...TAG.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter(([, lang]) => lang === language).map(([, , body]) => body);

const SHIMS = `
npx() {
  if [ "$1" != linescope-labels ]; then echo "the README runs npx $1" >&2; return 127; fi
  shift; node "$LINESCOPE_CLI" "$@"
}
docker() { printf '%s\\0' docker "$@" >> "$RECORD"; }
kubectl() { printf '%s\\0' kubectl "$@" >> "$RECORD"; }
set -euo pipefail
`;

const GENERATED = [
  'pyroscope_labels.go',
  'pyroscope_labels.py',
  'pyroscope.properties',
  'pyroscope-labels.cjs',
  'pyroscope_labels.rb',
  'config.alloy',
];

describe('the README examples of "Tag your profiles"', () => {
  let repo: TempRepo;
  let api: string;
  let expected: Record<string, string>;
  const stdouts: string[] = [];
  let recorded: string[][] = [];
  /** PYROSCOPE_LABELS and OTEL_RESOURCE_ATTRIBUTES after each block that set them. */
  const environments: Array<[string, string]> = [];

  beforeAll(() => {
    buildCli();
    repo = makeRepo({
      // The section's advice: generated files stay out of version control.
      '.gitignore': GENERATED.join('\n') + '\n',
      'services/api/main.go': 'package main\n',
    });
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    api = path.join(repo.dir, 'services/api');
    expected = {
      service_repository: 'https://github.com/acme/shop',
      service_git_ref: repo.git('rev-parse', 'HEAD'),
      service_root_path: 'services/api',
    };
    const record = path.join(repo.dir, '.git', 'recorded');
    const environment = path.join(repo.dir, '.git', 'environment');
    for (const block of blocks('sh')) {
      // The one example with --cwd starts at the top of the checkout; the others in the service's directory.
      const cwd = block.includes('--cwd') ? repo.dir : api;
      const script = `${SHIMS}\n${block}\nprintf '%s\\0%s' "\${PYROSCOPE_LABELS-}" "\${OTEL_RESOURCE_ATTRIBUTES-}" > "$ENVIRONMENT"`;
      stdouts.push(
        execFileSync('bash', ['-c', script], {
          cwd,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: repo.dir,
            LINESCOPE_CLI: CLI,
            RECORD: record,
            ENVIRONMENT: environment,
          },
          encoding: 'utf8',
        })
      );
      const [pyroscopeLabels, resourceAttributes] = readFileSync(environment, 'utf8').split('\0');
      if (pyroscopeLabels !== '' || resourceAttributes !== '') {
        environments.push([pyroscopeLabels, resourceAttributes]);
      }
    }
    recorded = existsSync(record)
      ? readFileSync(record, 'utf8')
          .split(/\0(?=docker\0|kubectl\0)/)
          .map((call) => call.replace(/\0$/, '').split('\0'))
      : [];
  });
  afterAll(() => removeTempRepos());

  it('show every format', () => {
    const used = new Set(
      blocks('sh').flatMap((block) => [...block.matchAll(/npx linescope-labels (\w+)/g)].map(([, format]) => format))
    );
    expect([...used].sort()).toEqual([...FORMATS].sort());
  });

  it('json, with --cwd', () => {
    const json = stdouts.filter((out) => out.trim().startsWith('{'));
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0])).toEqual(expected);
  });

  it('write the SDK files, each read back', () => {
    const read = (file: string) => readFileSync(path.join(api, file), 'utf8');
    expect(parseGo(read('pyroscope_labels.go'))).toEqual({ goPackage: 'main', labels: expected });
    expect(parsePython(read('pyroscope_labels.py'))).toEqual(expected);
    expect(parseJava(read('pyroscope.properties'))).toEqual(expected);
    const runtimeVersion = (version: string) => ({ ...expected, service_runtime_version: version });
    expect(parseNode(read('pyroscope-labels.cjs'))).toEqual(runtimeVersion(process.version));
    expect(parseRuby(read('pyroscope_labels.rb'))).toEqual(runtimeVersion(READ_BACK_RUBY_VERSION));
  });

  it('set PYROSCOPE_LABELS and OTEL_RESOURCE_ATTRIBUTES in the shell', () => {
    expect(environments).toHaveLength(1);
    const [pyroscopeLabels, resourceAttributes] = environments[0];
    expect(parsePairs(pyroscopeLabels)).toEqual(expected);
    expect(parseResourceAttributes(resourceAttributes)).toMatchObject({
      'vcs.repository.url.full': expected.service_repository,
      'vcs.ref.head.revision': expected.service_git_ref,
      ...expected,
    });
  });

  it('label the image and annotate the pods', () => {
    const dockerBuild = recorded.find((call) => call[0] === 'docker');
    expect(dockerBuild?.slice(0, 2)).toEqual(['docker', 'build']);
    expect(dockerBuild?.slice(-3)).toEqual(['-t', 'shop', '.']);
    expect(dockerLabels(dockerBuild!.slice(2, -3))).toEqual({
      'org.opencontainers.image.source': expected.service_repository,
      'org.opencontainers.image.revision': expected.service_git_ref,
      'profiles.grafana.com.service_root_path': expected.service_root_path,
    });
    const patch = recorded.find((call) => call[0] === 'kubectl');
    expect(patch?.slice(0, 4)).toEqual(['kubectl', 'patch', 'deployment/shop', '--patch']);
    expect(parseKubernetes(patch![4])).toEqual({
      'profiles.grafana.com/service_repository': expected.service_repository,
      'profiles.grafana.com/service_git_ref': expected.service_git_ref,
      'profiles.grafana.com/service_root_path': expected.service_root_path,
    });
  });

  it('append the Alloy blocks the README shows, word for word', () => {
    const written = readFileSync(path.join(api, 'config.alloy'), 'utf8');
    const printed = written.split(/(?=^\/\/ Copies)/m);
    expect(printed.map((block) => parseAlloy(block).targets)).toEqual([
      'discovery.docker.containers.targets',
      'discovery.kubernetes.pods.targets',
    ]);
    const shown = blocks('alloy');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain(printed[0]);
    expect(shown[1]).toContain(printed[1]);
    expect(shown[0]).toMatch(/pyroscope\.ebpf "default" \{\n {2}targets {4}= discovery\.relabel\.linescope\.output/);
    expect(shown[1]).toMatch(/pyroscope\.scrape "default" \{\n {2}targets {4}= discovery\.relabel\.linescope\.output/);
  });
});
