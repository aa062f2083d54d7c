import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  applyRelabel,
  parseAlloy,
  parseDocker,
  parseEnv,
  parseGo,
  parseJava,
  parseKubernetes,
  parseNode,
  parsePython,
  parseRuby,
  READ_BACK_RUBY_VERSION,
} from './parseBack';
import { labelEntries, RUNTIME_VERSION_LABEL } from '../src/formats/labelNames';
import { buildCli, makeRepo, removeTempRepos, runCli, type TempRepo } from './tempRepo';

beforeAll(() => buildCli());
afterAll(() => removeTempRepos());

const REPO = 'https://github.com/linescope-demo/shop-go';

/** The node and ruby formats also tag the version of the runtime that loads them. */
const withNode = (labels: Record<string, string>) => ({ ...labels, service_runtime_version: process.version });
const withRuby = (labels: Record<string, string>) => ({ ...labels, service_runtime_version: READ_BACK_RUBY_VERSION });

function labelsJson(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = runCli(cwd, ['json', ...args], env);
  if (result.status !== 0) {
    throw new Error(`exit ${result.status}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as Record<string, string>;
}

function repoWithRemote(url: string): TempRepo {
  const repo = makeRepo({ 'go.mod': 'module example.com/shop\n', 'services/api/main.go': 'package main\n' });
  repo.git('remote', 'add', 'origin', url);
  return repo;
}

describe('linescope-labels on a checkout', () => {
  it.each([
    ['https', REPO],
    ['https with .git', `${REPO}.git`],
    ['https with a token', 'https://x-access-token:ghs_abc123@github.com/linescope-demo/shop-go.git'],
    ['scp-like SSH', 'git@github.com:linescope-demo/shop-go.git'],
    ['ssh://', 'ssh://git@github.com/linescope-demo/shop-go.git'],
    ['ssh:// with a port', 'ssh://git@github.com:22/linescope-demo/shop-go'],
    ['git://', 'git://github.com/linescope-demo/shop-go.git'],
  ])('names the repository from an %s remote as https', (_, url) => {
    const repo = repoWithRemote(url);
    const commit = repo.git('rev-parse', 'HEAD');
    expect(labelsJson(repo.dir)).toEqual({ service_repository: REPO, service_git_ref: commit, service_root_path: '' });
  });

  it.each([
    ['a remote with no repository path', 'https://x-access-token:ghs_abc123@github.com/'],
    ['a remote of another scheme', 'ftp://ci:ghs_abc123@files.example/linescope-demo/shop-go'],
  ])('never quotes the token of %s', (_, url) => {
    const result = runCli(repoWithRemote(url).dir, ['json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^linescope-labels: .*\*\*\*@/);
    expect(result.stdout + result.stderr).not.toContain('ghs_abc123');
  });

  it('gives the current directory inside the repository as the root path, at any depth', () => {
    const repo = repoWithRemote(REPO);
    expect(labelsJson(path.join(repo.dir, 'services')).service_root_path).toBe('services');
    expect(labelsJson(path.join(repo.dir, 'services/api')).service_root_path).toBe('services/api');
    expect(labelsJson(repo.dir, ['--cwd', 'services/api']).service_root_path).toBe('services/api');
    expect(labelsJson(repo.dir).service_root_path).toBe('');
  });

  it('refuses a dirty tree, naming the changes, unless --allow-dirty (then warns)', () => {
    const repo = repoWithRemote(REPO);
    repo.write('services/api/main.go', 'package main\n\nfunc main() {}\n');
    repo.write('notes.txt', 'untracked\n');
    const refused = runCli(repo.dir, ['json']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /uncommitted changes \((services\/api\/main\.go, notes\.txt|notes\.txt, services\/api\/main\.go)\)/
    );
    expect(refused.stderr).toMatch(/--allow-dirty/);

    const allowed = runCli(repo.dir, ['json', '--allow-dirty']);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout).service_git_ref).toBe(repo.git('rev-parse', 'HEAD'));
    expect(allowed.stderr).toMatch(/warning: the working tree has uncommitted changes/);
  });

  it('counts staged changes as dirty but not ignored files', () => {
    const repo = repoWithRemote(REPO);
    repo.write('.gitignore', 'pyroscope_labels.go\n');
    repo.commitAll('ignore the generated tags');
    repo.write('pyroscope_labels.go', 'package main\n');
    expect(runCli(repo.dir, ['json']).status).toBe(0);
    repo.write('go.mod', 'module example.com/shop2\n');
    repo.git('add', 'go.mod');
    expect(runCli(repo.dir, ['json']).stderr).toMatch(/uncommitted changes \(go\.mod\)/);
  });

  it('shows only the first five changes of a big dirty tree', () => {
    const repo = repoWithRemote(REPO);
    for (let i = 0; i < 40; i++) {
      repo.write(`generated/file${String(i).padStart(2, '0')}.txt`, `${i}\n`);
    }
    const refused = runCli(repo.dir, ['json']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/\(generated\/\)/);
    for (let i = 0; i < 7; i++) {
      repo.write(`top${i}.txt`, `${i}\n`);
    }
    expect(runCli(repo.dir, ['json']).stderr).toMatch(/and 3 more\)/);
  });

  it('refuses outside a git checkout and in a repository without commits', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'linescope-labels-outside-'));
    try {
      const result = runCli(outside, ['json']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/is not inside a git checkout/);
      expect(result.stdout).toBe('');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const empty = makeRepo({});
    expect(runCli(empty.dir, ['json']).stderr).toMatch(/no commit yet/);
    const missing = runCli(empty.dir, ['json', '--cwd', 'no/such/dir']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/dir is not a directory/);
  });

  it('needs a remote: refuses without one, picks origin or the only one, or the one named', () => {
    const repo = makeRepo();
    expect(runCli(repo.dir, ['json']).stderr).toMatch(/no remote.*git remote add origin/);
    repo.git('remote', 'add', 'upstream', 'git@github.com:acme/shop.git');
    expect(labelsJson(repo.dir).service_repository).toBe('https://github.com/acme/shop');
    repo.git('remote', 'add', 'fork', 'git@github.com:me/shop.git');
    expect(runCli(repo.dir, ['json']).stderr).toMatch(
      /several others \((upstream, fork|fork, upstream)\): pass --remote <name>/
    );
    expect(labelsJson(repo.dir, ['--remote', 'fork']).service_repository).toBe('https://github.com/me/shop');
    expect(runCli(repo.dir, ['json', '--remote', 'nope']).stderr).toMatch(/no remote "nope"/);
    repo.git('remote', 'add', 'origin', 'https://gitlab.com/acme/shop.git');
    expect(labelsJson(repo.dir).service_repository).toBe('https://gitlab.com/acme/shop');
    expect(labelsJson(repo.dir, ['--repository', 'git@example.com:x/y.git']).service_repository).toBe(
      'https://example.com/x/y'
    );
  });

  it('refuses a remote that is a local path', () => {
    const repo = repoWithRemote('/srv/git/shop.git');
    const result = runCli(repo.dir, ['json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/local path, not a hosted repository/);
  });

  it('on a branch, --ref branch names it; by default the commit', () => {
    const repo = repoWithRemote(REPO);
    repo.git('checkout', '-q', '-b', 'feature/labels');
    expect(labelsJson(repo.dir, ['--ref', 'branch']).service_git_ref).toBe('feature/labels');
    expect(labelsJson(repo.dir).service_git_ref).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('linescope-labels on a detached CI checkout', () => {
  let repo: TempRepo;
  let commit: string;
  beforeAll(() => {
    repo = repoWithRemote(REPO);
    commit = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '--detach', 'HEAD');
  });

  it('still names the commit without any CI', () => {
    expect(labelsJson(repo.dir).service_git_ref).toBe(commit);
  });

  it('refuses --ref branch without a CI that names the branch', () => {
    const result = runCli(repo.dir, ['json', '--ref', 'branch']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/HEAD is detached.*GitHub Actions, GitLab CI, Jenkins, CircleCI, Buildkite/);
    const silentCi = runCli(repo.dir, ['json', '--ref', 'branch'], { BUILDKITE: 'true' });
    expect(silentCi.stderr).toMatch(/Buildkite names no branch or tag/);
  });

  it.each([
    ['GitHub Actions', { GITHUB_ACTIONS: 'true', GITHUB_REF_NAME: '7/merge', GITHUB_HEAD_REF: 'fix/leak' }, 'fix/leak'],
    ['GitHub Actions (tag)', { GITHUB_ACTIONS: 'true', GITHUB_REF_NAME: 'v1.1.0', GITHUB_REF_TYPE: 'tag' }, 'v1.1.0'],
    ['GitLab CI', { GITLAB_CI: 'true', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' }, 'main'],
    [
      'GitLab CI (merge request)',
      {
        GITLAB_CI: 'true',
        CI_COMMIT_REF_NAME: 'refs/merge-requests/3/head',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'mr',
      },
      'mr',
    ],
    ['Jenkins', { JENKINS_URL: 'https://ci/', GIT_BRANCH: 'origin/release/2.x' }, 'release/2.x'],
    ['Jenkins (pull request)', { JENKINS_URL: 'https://ci/', BRANCH_NAME: 'PR-9', CHANGE_BRANCH: 'topic' }, 'topic'],
    ['CircleCI', { CIRCLECI: 'true', CIRCLE_BRANCH: 'develop' }, 'develop'],
    ['Buildkite', { BUILDKITE: 'true', BUILDKITE_BRANCH: 'main', BUILDKITE_TAG: 'v2.0.0' }, 'v2.0.0'],
  ])('%s: --ref branch reads the branch, the commit stays the checkout', (_, env, branch) => {
    expect(labelsJson(repo.dir, ['--ref', 'branch'], env).service_git_ref).toBe(branch);
    expect(labelsJson(repo.dir, [], env).service_git_ref).toBe(commit);
    const otel = parseEnv(runCli(repo.dir, ['env'], env).stdout).otel;
    expect(otel['vcs.ref.head.name']).toBe(branch);
    expect(otel['vcs.ref.head.revision']).toBe(commit);
  });

  it.each([
    ['GitHub Actions', { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' }],
    ['GitLab CI', { GITLAB_CI: 'true', CI_PROJECT_URL: 'https://github.com/o/r' }],
    ['Jenkins', { JENKINS_URL: 'https://ci/', GIT_URL: 'https://jenkins:tok@github.com/o/r.git' }],
    ['CircleCI', { CIRCLECI: 'true', CIRCLE_REPOSITORY_URL: 'git@github.com:o/r.git' }],
    ['Buildkite', { BUILDKITE: 'true', BUILDKITE_REPO: 'ssh://git@github.com/o/r.git' }],
  ])("%s: a checkout without a remote takes the CI's repository URL, normalised", (_, env) => {
    const bare = makeRepo();
    bare.git('checkout', '-q', '--detach', 'HEAD');
    expect(labelsJson(bare.dir, [], env).service_repository).toBe('https://github.com/o/r');
  });
});

describe('every output format, read back', () => {
  let repo: TempRepo;
  let commit: string;
  let api: string;
  const expected = () => ({ service_repository: REPO, service_git_ref: commit, service_root_path: 'services/api' });
  const out = (format: string, ...args: string[]) => {
    const result = runCli(api, [format, ...args]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout;
  };
  beforeAll(() => {
    repo = repoWithRemote('git@github.com:linescope-demo/shop-go.git');
    commit = repo.git('rev-parse', 'HEAD');
    api = path.join(repo.dir, 'services/api');
  });

  it('json (also the default format)', () => {
    expect(JSON.parse(out('json'))).toEqual(expected());
    expect(runCli(api, []).stdout).toBe(out('json'));
  });

  it('env: a shell gets PYROSCOPE_LABELS and OTEL_RESOURCE_ATTRIBUTES', () => {
    const { pyroscopeLabels, otel } = parseEnv(out('env'));
    expect(pyroscopeLabels).toEqual(expected());
    expect(otel).toEqual({
      'vcs.repository.url.full': REPO,
      'vcs.ref.head.revision': commit,
      'vcs.ref.head.name': 'main',
      ...expected(),
    });
  });

  it('go: a generated file declaring PyroscopeTags, in the package asked for', () => {
    expect(parseGo(out('go'))).toEqual({ goPackage: 'main', labels: expected() });
    expect(parseGo(out('go', '--package', 'profiling')).goPackage).toBe('profiling');
    expect(runCli(api, ['go', '--package', 'not-a-name']).stderr).toMatch(/not a Go package name/);
  });

  it('python, ruby, node, java', () => {
    expect(parsePython(out('python'))).toEqual(expected());
    expect(parseRuby(out('ruby'))).toEqual(withRuby(expected()));
    expect(parseNode(out('node'))).toEqual(withNode(expected()));
    expect(parseJava(out('java'))).toEqual(expected());
  });

  it("node and ruby read service_runtime_version where the service runs, not the build's", () => {
    expect(parseNode(out('node'), 'v22.1.0').service_runtime_version).toBe('v22.1.0');
    expect(out('node')).not.toContain(process.version);
    // The other formats hold values fixed when they are printed, so they leave it out.
    for (const format of ['json', 'env', 'go', 'python', 'java', 'docker', 'k8s']) {
      expect(out(format)).not.toMatch(/runtime_version/);
    }
  });

  it('docker: --label arguments with the OCI names', () => {
    expect(parseDocker(out('docker'))).toEqual({
      'org.opencontainers.image.source': REPO,
      'org.opencontainers.image.revision': commit,
      'profiles.grafana.com.service_root_path': 'services/api',
    });
  });

  it('k8s: pod annotations as a pod-template patch', () => {
    expect(parseKubernetes(out('k8s'))).toEqual({
      'profiles.grafana.com/service_repository': REPO,
      'profiles.grafana.com/service_git_ref': commit,
      'profiles.grafana.com/service_root_path': 'services/api',
    });
  });

  /** The target Alloy's discovery would make of a container or pod carrying what the other formats write. */
  const sanitise = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

  it('alloy (docker): turns the image labels the docker format writes into the Pyroscope labels', () => {
    const relabel = parseAlloy(out('alloy'));
    expect(relabel.name).toBe('linescope');
    expect(relabel.targets).toBe('discovery.docker.containers.targets');
    const target: Record<string, string> = { __meta_docker_container_id: 'abc', service_name: 'shop' };
    for (const [key, value] of Object.entries(parseDocker(out('docker')))) {
      target[`__meta_docker_container_label_${sanitise(key)}`] = value;
    }
    expect(applyRelabel(relabel.rules, target)).toEqual({ ...target, ...expected() });
    // A container without the labels keeps the labels it had (an SDK may have set them).
    const unlabelled = { __meta_docker_container_id: 'def', service_repository: 'https://github.com/o/sdk' };
    expect(applyRelabel(relabel.rules, unlabelled)).toEqual(unlabelled);
  });

  it('alloy (kubernetes): turns the pod annotations the k8s format writes into the Pyroscope labels', () => {
    const relabel = parseAlloy(out('alloy', '--discovery', 'kubernetes', '--name', 'source_labels'));
    expect(relabel).toMatchObject({ name: 'source_labels', targets: 'discovery.kubernetes.pods.targets' });
    const target: Record<string, string> = { __meta_kubernetes_pod_container_id: 'containerd://1' };
    for (const [key, value] of Object.entries(parseKubernetes(out('k8s')))) {
      target[`__meta_kubernetes_pod_annotation_${sanitise(key)}`] = value;
    }
    expect(applyRelabel(relabel.rules, target)).toEqual({ ...target, ...expected() });
    expect(parseAlloy(out('alloy', '--targets', 'discovery.kubelet.local.targets')).targets).toBe(
      'discovery.kubelet.local.targets'
    );
  });

  it('alloy needs no checkout', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'linescope-labels-alloy-'));
    try {
      expect(parseAlloy(runCli(outside, ['alloy']).stdout).rules).toHaveLength(3);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('at the top of the repository the root path is left out (json keeps the key, empty)', () => {
    const top = (format: string) => runCli(repo.dir, [format]).stdout;
    const atTop = { service_repository: REPO, service_git_ref: commit };
    expect(JSON.parse(top('json'))).toEqual({ ...atTop, service_root_path: '' });
    expect(parseEnv(top('env')).pyroscopeLabels).toEqual(atTop);
    expect(parseGo(top('go')).labels).toEqual(atTop);
    expect(parsePython(top('python'))).toEqual(atTop);
    expect(parseRuby(top('ruby'))).toEqual(withRuby(atTop));
    expect(parseNode(top('node'))).toEqual(withNode(atTop));
    expect(parseJava(top('java'))).toEqual(atTop);
    expect(Object.keys(parseDocker(top('docker')))).toHaveLength(2);
    expect(Object.keys(parseKubernetes(top('k8s')))).toHaveLength(2);
  });
});

describe('awkward values survive every format', () => {
  it('a root path with spaces, quotes, #{ }, $ and non-ASCII', () => {
    const dir = `odd dir/it's "#{x}" $HOME ünï`;
    const repo = makeRepo({ [`${dir}/main.py`]: 'print(1)\n' });
    repo.git('remote', 'add', 'origin', REPO);
    const cwd = path.join(repo.dir, dir);
    const run = (format: string) => {
      const result = runCli(cwd, [format]);
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    const commit = repo.git('rev-parse', 'HEAD');
    const expected = { service_repository: REPO, service_git_ref: commit, service_root_path: dir };
    expect(JSON.parse(run('json'))).toEqual(expected);
    expect(parseEnv(run('env')).pyroscopeLabels).toEqual(expected);
    expect(parseEnv(run('env')).otel.service_root_path).toBe(dir);
    expect(parseGo(run('go')).labels).toEqual(expected);
    expect(parsePython(run('python'))).toEqual(expected);
    expect(parseRuby(run('ruby'))).toEqual(withRuby(expected));
    expect(parseNode(run('node'))).toEqual(withNode(expected));
    expect(parseJava(run('java'))).toEqual(expected);
    expect(parseDocker(run('docker'))['profiles.grafana.com.service_root_path']).toBe(dir);
    expect(parseKubernetes(run('k8s'))['profiles.grafana.com/service_root_path']).toBe(dir);
  });

  it('a root path with a comma is refused by the comma-separated formats only', () => {
    const repo = makeRepo({ 'a,b/main.go': 'package main\n' });
    repo.git('remote', 'add', 'origin', REPO);
    const cwd = path.join(repo.dir, 'a,b');
    for (const format of ['env', 'java']) {
      const result = runCli(cwd, [format]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/service_root_path "a,b" contains ","/);
    }
    expect(JSON.parse(runCli(cwd, ['json']).stdout).service_root_path).toBe('a,b');
  });
});

describe('the label names', () => {
  it('are the first of each field the plugin reads', async () => {
    const { RUNTIME_VERSION_LABELS, VERSION_LABELS } = await import('../../../src/pyroscope/versionLabels');
    const written = labelEntries({ repository: 'r', gitRef: 'g', rootPath: 'p', commit: 'c' }).map(([name]) => name);
    expect(written).toEqual([VERSION_LABELS.repository[0], VERSION_LABELS.gitRef[0], VERSION_LABELS.rootPath[0]]);
    expect(RUNTIME_VERSION_LABEL).toBe(RUNTIME_VERSION_LABELS[0]);
  });
});

describe('the command line', () => {
  it('is the bin npm links for the workspace: npx linescope-labels works at the top of this repository', () => {
    const root = path.resolve(__dirname, '../../..');
    const { bin } = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));
    expect(bin).toEqual({ 'linescope-labels': 'dist/cli.js' });
    expect(realpathSync(path.join(root, 'node_modules/.bin/linescope-labels'))).toBe(
      path.resolve(__dirname, '../dist/cli.js')
    );
    const result = spawnSync('npx', ['--no-install', 'linescope-labels', '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: linescope-labels \[format\] \[options\]/);
  });

  it('--help lists every format and exits 0', () => {
    const result = runCli(tmpdir(), ['--help']);
    expect(result.status).toBe(0);
    for (const format of ['json', 'env', 'go', 'python', 'java', 'node', 'ruby', 'docker', 'k8s', 'alloy']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${format} `, 'm'));
    }
  });

  it.each([
    [['yaml'], /unknown format "yaml"/],
    [['json', 'env'], /one format at a time/],
    [['--frobnicate'], /Unknown option '--frobnicate'[\s\S]*--help/],
    [['json', '--ref', 'tag'], /--ref must be one of sha, branch/],
    [['alloy', '--discovery', 'nomad'], /--discovery must be one of docker, kubernetes/],
    [['alloy', '--name', 'bad-name'], /not an Alloy component label/],
  ])('refuses %j with exit 2 and a message', (args, message) => {
    const result = runCli(tmpdir(), args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
