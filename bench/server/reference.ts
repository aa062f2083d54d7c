/**
 * A model of Pyroscope's GetFile algorithm (reference/pyroscope-vcs.md §3, commit 3fe6a457), used only to count
 * the GitHub calls it makes for the same frames: no cache, one best mapping, Pyroscope's stdlib rules (x.y.z
 * GOROOT versions, /usr/local/go/src/ and $GOROOT/src/ prefixes), site-packages as stdlib, up to 30 suffix tries.
 */
import { HOST_MAPPINGS } from '../../server/src/hosts/table';
import { parseConfig } from '../../server/src/resolve/config';
import { GO_STD_PACKAGES } from '../../server/src/resolve/languages/go-std-packages';
import { parseModulePath } from '../../server/src/resolve/languages/go-modules';
import { bestMapping, PyroscopeConfig } from '../../server/src/resolve/mappings';
import { goJoin, extensionOf } from '../../server/src/resolve/paths';
import { Repository, repositoryFromParts } from '../../server/src/hosts/repository';

export interface ReferenceReader {
  /** One GitHub contents call; undefined on 404. */
  read(repo: Repository, path: string, ref: string): Promise<Buffer | undefined>;
}

export interface ReferenceRequest {
  repository: Repository;
  ref: string;
  path: string;
  rootPath: string;
  functionName: string;
}

const VERSIONED_GOROOT =
  /.*?\/go\/.*?(?<version>(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?).*?\/src\/(?<path>.*)/;

function pyroscopeIsStd(path: string): { path: string; version: string } | undefined {
  const module = parseModulePath(path);
  if (module?.path === 'golang.org/toolchain') {
    const m = /-go([0-9]+\.[0-9]+(?:\.[0-9]+)?(?:rc[0-9]+|beta[0-9]+)?)(?:\.|-)/.exec(module.version);
    if (m) {
      return { path: module.file.replace(/^src\//, ''), version: m[1] };
    }
  }
  const versioned = VERSIONED_GOROOT.exec(path);
  if (versioned?.groups) {
    return { path: versioned.groups.path, version: versioned.groups.version };
  }
  let rest = path;
  for (const prefix of ['/usr/local/go/src/', '$GOROOT/src/']) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length);
    }
  }
  const slash = rest.lastIndexOf('/');
  const pkg = slash >= 0 ? rest.slice(0, slash) : rest;
  return pkg.startsWith('vendor/') || GO_STD_PACKAGES.has(pkg) ? { path: rest, version: '' } : undefined;
}

/** Pyroscope's conversion: cut the last "/" segment at its first "." or "$" (lambda classes included). */
function pyroscopeJavaPath(functionName: string): string {
  const segments = functionName.split('/');
  const last = segments[segments.length - 1];
  const cut = last.search(/[.$]/);
  segments[segments.length - 1] = cut > 0 ? last.slice(0, cut) : last;
  return `${segments.join('/')}.java`;
}

export async function referenceResolve(
  reader: ReferenceReader,
  req: ReferenceRequest,
  githubUrl: string
): Promise<boolean> {
  const ref = req.ref || 'HEAD';
  const repoFile = (path: string) =>
    reader.read(req.repository, (req.rootPath ? goJoin(req.rootPath, path) : path).replace(/^\/+/, ''), ref);
  const other = (owner: string, repo: string, path: string, r: string) =>
    reader.read(repositoryFromParts(githubUrl, owner, repo), path, r);

  let config: PyroscopeConfig | undefined;
  const configText = await reader.read(
    req.repository,
    (req.rootPath ? goJoin(req.rootPath, '.pyroscope.yaml') : '.pyroscope.yaml').replace(/^\/+/, ''),
    ref
  );
  if (configText) {
    const parsed = parseConfig(configText.toString('utf8'), HOST_MAPPINGS);
    config = parsed.problems.length === 0 ? parsed.config : undefined;
  }
  const best = bestMapping(config, req.path, req.functionName);
  const fetchMapped = (rel: string) => {
    if (!best) {
      return Promise.resolve(undefined);
    }
    const source = best.mapping.source;
    if ('local' in source) {
      return repoFile(source.local.path ? goJoin(source.local.path, rel) : rel);
    }
    // Pyroscope knows no other host's sources.
    if (!('host' in source) || source.host.key !== 'github') {
      return Promise.resolve(undefined);
    }
    const [owner, repo] = source.host.repositoryPath.split('/');
    return other(owner, repo, source.host.path ? goJoin(source.host.path, rel) : rel, source.host.ref);
  };
  const stripped = () => (best && best.score <= req.path.length ? req.path.slice(best.score).replace(/^\/+/, '') : '');

  const language =
    best?.mapping.language ??
    {
      '.go': 'go',
      '.s': 'go',
      '.py': 'python',
      '.js': 'javascript',
      '.ts': 'javascript',
      '.mjs': 'javascript',
      '.cjs': 'javascript',
      '.jsx': 'javascript',
      '.tsx': 'javascript',
    }[extensionOf(req.path)];
  switch (language) {
    case 'go': {
      if (best && (await fetchMapped(stripped()))) {
        return true;
      }
      const std = pyroscopeIsStd(req.path);
      if (std) {
        return !!(await other('golang', 'go', goJoin('src', std.path), std.version ? `go${std.version}` : 'master'));
      }
      const vendorAt = req.path.indexOf('/vendor/');
      if (vendorAt >= 0) {
        return !!(await repoFile(req.path.slice(vendorAt)));
      }
      const module = parseModulePath(req.path);
      if (module) {
        await reader.read(req.repository, 'go.mod', ref);
        const segments = module.path.split('/');
        return (
          module.path.startsWith('github.com/') &&
          !!(await other(segments[1], segments[2], goJoin(segments.slice(3).join('/'), module.file), module.version))
        );
      }
      let p = req.path;
      const marker = `github.com/${req.repository.owner}/${req.repository.repo}/`;
      if (p.includes(marker)) {
        p = p.slice(p.indexOf(marker) + marker.length);
      }
      p = p.replace(/^\/+/, '');
      for (let attempt = 0; attempt < 30; attempt++) {
        if (await reader.read(req.repository, req.rootPath ? `${req.rootPath}/${p}` : p, ref)) {
          return true;
        }
        const slash = p.indexOf('/');
        if (slash < 0) {
          return false;
        }
        p = p.slice(slash + 1);
      }
      return false;
    }
    case 'python': {
      const matches = [...req.path.matchAll(/\/python(\d+\.\d{1,2})\//g)];
      const last = matches[matches.length - 1];
      const rest = last ? req.path.slice((last.index ?? 0) + last[0].length) : '';
      if (last && rest) {
        return !!(await other('python', 'cpython', goJoin('Lib', rest), last[1]));
      }
      if (best && (await fetchMapped(stripped()))) {
        return true;
      }
      return !!(await repoFile(req.path));
    }
    case 'java':
      return !!best && !!(await fetchMapped(pyroscopeJavaPath(req.functionName)));
    case 'javascript':
      if (best && (await fetchMapped(stripped()))) {
        return true;
      }
      return !!(await repoFile(req.path));
    default:
      return !!(await repoFile(req.path));
  }
}
