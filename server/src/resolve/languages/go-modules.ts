/** Go module paths: module-cache parsing, stdlib detection, go.mod application, vanity hosts, versions → refs. */
import { GO_STD_PACKAGES } from './go-std-packages';
import { GoMod } from './gomod';
import { goJoin } from '../paths';
import type { ResolutionHost } from '../resolution';

export interface ModuleFile {
  path: string;
  version: string;
  file: string;
}

/** `<...>/pkg/mod/<module>@<version>/<file>`; undefined when the path is not in a module cache. */
export function parseModulePath(input: string): ModuleFile | undefined {
  const parts = input.split('@v');
  if (parts.length !== 2) {
    return undefined;
  }
  const slash = parts[1].indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const version = `v${parts[1].slice(0, slash)}`;
  const file = parts[1].slice(slash + 1);
  let head = parts[0];
  const modIndex = head.indexOf('/pkg/mod/');
  if (modIndex > 0) {
    head = head.slice(modIndex + '/pkg/mod/'.length);
  }
  const segments = head.split('/');
  const start = segments.findIndex((s) => s.includes('.'));
  if (start < 0) {
    return undefined;
  }
  return { path: unescapeModulePath(segments.slice(start).join('/')), version, file };
}

/** The module cache writes upper-case letters as "!" + lower-case; this restores them (Pyroscope drops the "!"). */
function unescapeModulePath(path: string): string {
  return path.replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export interface StdFile {
  /** Path under $GOROOT/src. */
  path: string;
  /** Go version (e.g. "1.21.3"), "" when the frame does not say. */
  version: string;
}

const TOOLCHAIN_VERSION = /-go([0-9]+\.[0-9]+(?:\.[0-9]+)?(?:rc[0-9]+|beta[0-9]+)?)(?:\.|-)/;
const VERSIONED_GOROOT =
  /.*?\/go\/.*?(?<version>(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?).*?\/src\/(?<path>.*)/;
/** Distribution layouts such as Debian's /usr/lib/go-1.19/src/... (two-part versions). */
const DISTRO_GOROOT = /\/go-?(?<version>[0-9]+\.[0-9]+(?:\.[0-9]+)?)\/src\/(?<path>.*)$/;
const PLAIN_GOROOT = /^(?:.*\/)?go(?:lang)?\/src\/(?<path>.*)$/;

/**
 * Standard-library detection with two fixes: module-cache paths are never taken for
 * GOROOT (`.../mod/x@v1.2.3/src/y.go` is a module), and distribution GOROOTs with two-part versions count.
 */
export function detectGoStd(path: string): StdFile | undefined {
  const module = parseModulePath(path);
  if (module) {
    if (module.path !== 'golang.org/toolchain') {
      return undefined;
    }
    const match = TOOLCHAIN_VERSION.exec(module.version);
    return match ? { path: module.file.replace(/^src\//, ''), version: match[1] } : undefined;
  }
  for (const pattern of [VERSIONED_GOROOT, DISTRO_GOROOT]) {
    const match = pattern.exec(path);
    if (match?.groups && isStdPackagePath(match.groups.path)) {
      return { path: match.groups.path, version: match.groups.version };
    }
  }
  let rest = path;
  for (const prefix of ['/usr/local/go/src/', '$GOROOT/src/']) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length);
    }
  }
  if (isStdPackagePath(rest)) {
    return { path: rest, version: '' };
  }
  const plain = PLAIN_GOROOT.exec(path);
  if (plain?.groups && isStdPackagePath(plain.groups.path)) {
    return { path: plain.groups.path, version: '' };
  }
  return undefined;
}

function isStdPackagePath(filePath: string): boolean {
  const slash = filePath.lastIndexOf('/');
  const pkg = slash >= 0 ? filePath.slice(0, slash) : filePath;
  return pkg.startsWith('vendor/') || GO_STD_PACKAGES.has(pkg);
}

/** Tag of a Go release in golang/go: 1.19.0 → go1.19 (releases before 1.21 have no ".0"), 1.21.0 → go1.21.0. */
export function goReleaseTag(version: string): string {
  const m = /^(\d+)\.(\d+)\.0$/.exec(version);
  if (m && Number(m[1]) === 1 && Number(m[2]) < 21) {
    return `go${m[1]}.${m[2]}`;
  }
  return `go${version}`;
}

/**
 * The Go release a go.mod points at: its `toolchain`, else its `go` line. A bare language version (`go 1.19`)
 * means that release or a later one; its first release is the closest guess (Pyroscope uses master, which
 * matches no release at all).
 */
export function goVersionFromGoMod(mod: GoMod | undefined): string {
  const toolchain = /^go(\d+\.\d+(?:\.\d+)?(?:rc\d+|beta\d+)?)$/.exec(mod?.toolchain ?? '');
  if (toolchain) {
    return toolchain[1];
  }
  const go = mod?.go ?? '';
  if (/^\d+\.\d+\.\d+$/.test(go)) {
    return go;
  }
  return /^\d+\.\d+$/.test(go) ? `${go}.0` : '';
}

const PSEUDO_VERSION =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const SEMVER = /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Module version → git ref: a pseudo-version's revision, a semver's canonical tag, or the text unchanged. */
export function refFromVersion(version: string): string {
  if (PSEUDO_VERSION.test(version)) {
    return version.replace(/\+.*$/, '').split('-').pop() ?? version;
  }
  const m = SEMVER.exec(version);
  if (m) {
    return `v${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}`;
  }
  return version;
}

export type ModuleLocation =
  | { kind: 'github'; owner: string; repo: string; subdir: string; version: string; modulePath: string }
  /** A module on another host the table knows the module paths of: the repository's path below its web URL. */
  | {
      kind: 'host';
      host: ResolutionHost;
      repositoryPath: string;
      subdir: string;
      version: string;
      modulePath: string;
    }
  /** A `replace` with a local directory: the file is in the request repository. */
  | { kind: 'local'; dir: string }
  | { kind: 'unsupported'; reason: string };

/**
 * Where a module's source lives: go.mod require/replace applied, then the hosts whose module paths their table
 * entries know (only those this server reads), gopkg.in and the vanity table (never a live go-get lookup: hosts
 * taken from profile data are not contacted).
 */
export function locateModule(
  path: string,
  version: string,
  goMod: GoMod | undefined,
  hosts: readonly ResolutionHost[] = []
): ModuleLocation {
  let modulePath = path;
  let moduleVersion = version;
  if (goMod) {
    const required = goMod.requires.get(modulePath);
    if (required) {
      moduleVersion = required;
    }
    const replaced = goMod.replaces.get(modulePath);
    if (replaced) {
      if (replaced.path.startsWith('./') || replaced.path.startsWith('../')) {
        return { kind: 'local', dir: goJoin(replaced.path) };
      }
      modulePath = replaced.path;
      moduleVersion = replaced.version || moduleVersion;
    }
  }
  if (modulePath === '') {
    return { kind: 'unsupported', reason: 'empty module path' };
  }
  for (const host of hosts.filter((h) => h.serves)) {
    const found = host.goModules?.locate(modulePath, host.names);
    if (found) {
      return { kind: 'host', host, ...found, version: moduleVersion, modulePath };
    }
  }
  const github = toGitHubPath(modulePath);
  if (!github) {
    return {
      kind: 'unsupported',
      reason: `unsupported module path: ${modulePath} (no known GitHub mirror; add a .pyroscope.yaml mapping)`,
    };
  }
  const segments = github.split('/');
  if (segments.length < 3) {
    return { kind: 'unsupported', reason: `invalid github URL: ${github}` };
  }
  // Major-version suffixes (/v2, /v56) are part of the module path, not of the repository layout.
  const subdir = segments
    .slice(3)
    .filter((s) => !/^v\d+$/.test(s))
    .join('/');
  return { kind: 'github', owner: segments[1], repo: segments[2], subdir, version: moduleVersion, modulePath };
}

/** github.com/<owner>/<repo>[/sub] for a module path, or undefined. */
function toGitHubPath(modulePath: string): string | undefined {
  if (modulePath.startsWith('github.com/')) {
    return modulePath;
  }
  if (modulePath.startsWith('gopkg.in/')) {
    return gopkgIn(modulePath);
  }
  for (const [pattern, target] of VANITY_HOSTS) {
    const m = pattern.exec(modulePath);
    if (m) {
      const rest = modulePath.slice(m[0].length);
      return goJoin(target(m), rest);
    }
  }
  return undefined;
}

/** gopkg.in/pkg.vN → github.com/go-pkg/pkg; gopkg.in/user/pkg.vN → github.com/user/pkg. */
export function gopkgIn(path: string): string | undefined {
  const segments = path.split('/');
  const last = segments[segments.length - 1];
  const name = last.split('.')[0];
  if (!last.includes('.') || name === '') {
    return undefined;
  }
  if (segments.length === 2) {
    return `github.com/go-${name}/${name}`;
  }
  if (segments.length === 3) {
    return `github.com/${segments[1]}/${name}`;
  }
  return undefined;
}

/**
 * Well-known vanity import hosts and their GitHub repositories. Each pattern matches the start of a module
 * path; what follows the match is a subdirectory of the repository.
 */
const VANITY_HOSTS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^golang\.org\/x\/([^/]+)/, (m) => `github.com/golang/${m[1]}`],
  [/^google\.golang\.org\/protobuf/, () => 'github.com/protocolbuffers/protobuf-go'],
  [/^google\.golang\.org\/grpc/, () => 'github.com/grpc/grpc-go'],
  [/^google\.golang\.org\/genproto/, () => 'github.com/googleapis/go-genproto'],
  [/^google\.golang\.org\/api/, () => 'github.com/googleapis/google-api-go-client'],
  [/^google\.golang\.org\/appengine/, () => 'github.com/golang/appengine'],
  [/^cloud\.google\.com\/go/, () => 'github.com/googleapis/google-cloud-go'],
  [/^go\.uber\.org\/([^/]+)/, (m) => `github.com/uber-go/${m[1]}`],
  [/^k8s\.io\/([^/]+)/, (m) => `github.com/kubernetes/${m[1]}`],
  [/^sigs\.k8s\.io\/([^/]+)/, (m) => `github.com/kubernetes-sigs/${m[1]}`],
  [/^go\.opentelemetry\.io\/otel/, () => 'github.com/open-telemetry/opentelemetry-go'],
  [/^go\.opentelemetry\.io\/contrib/, () => 'github.com/open-telemetry/opentelemetry-go-contrib'],
  [/^go\.opentelemetry\.io\/proto/, () => 'github.com/open-telemetry/opentelemetry-proto-go'],
  [/^go\.opentelemetry\.io\/collector/, () => 'github.com/open-telemetry/opentelemetry-collector'],
  [/^go\.opentelemetry\.io\/auto/, () => 'github.com/open-telemetry/opentelemetry-go-instrumentation'],
  [/^go\.etcd\.io\/([^/]+)/, (m) => `github.com/etcd-io/${m[1]}`],
  [/^connectrpc\.com\/([^/]+)/, (m) => `github.com/connectrpc/${m[1]}-go`],
  [/^go\.mongodb\.org\/mongo-driver/, () => 'github.com/mongodb/mongo-go-driver'],
  [/^honnef\.co\/go\/tools/, () => 'github.com/dominikh/go-tools'],
  [/^gotest\.tools/, () => 'github.com/gotestyourself/gotest.tools'],
  [/^go\.starlark\.net/, () => 'github.com/google/starlark-go'],
  [/^gocloud\.dev/, () => 'github.com/google/go-cloud'],
  [/^filippo\.io\/edwards25519/, () => 'github.com/FiloSottile/edwards25519'],
  [/^dario\.cat\/mergo/, () => 'github.com/darccio/mergo'],
  [/^go\.yaml\.in\/yaml/, () => 'github.com/yaml/go-yaml'],
  [/^go\.temporal\.io\/([^/]+)/, (m) => `github.com/temporalio/${m[1]}`],
  [/^go\.elastic\.co\/apm/, () => 'github.com/elastic/apm-agent-go'],
  [/^storj\.io\/([^/]+)/, (m) => `github.com/storj/${m[1]}`],
  [/^go\.mozilla\.org\/([^/]+)/, (m) => `github.com/mozilla-services/${m[1]}`],
  [/^mvdan\.cc\/([^/]+)/, (m) => `github.com/mvdan/${m[1]}`],
  [/^lukechampine\.com\/([^/]+)/, (m) => `github.com/lukechampine/${m[1]}`],
];
