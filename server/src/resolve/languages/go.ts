/** Go frames: mappings, standard library, vendor/, module cache and -trimpath module paths, then relative paths. */
import {
  detectGoStd,
  goReleaseTag,
  goVersionFromGoMod,
  locateModule,
  ModuleLocation,
  parseModulePath,
  refFromVersion,
} from './go-modules';
import { goDependency } from '../../registries/dependency';
import { tryDependency } from '../dependencies';
import { GoMod, parseGoMod } from './gomod';
import { LanguageRules } from './language';
import { matchingMappings, PyroscopeConfig } from '../mappings';
import { goJoin, underRoot } from '../paths';
import { Resolution, Resolved } from '../resolution';

export const go = {
  names: ['go'],
  ownsPath: (_path, extension) => extension === '.go' || extension === '.s',
  examplePaths: ['/usr/local/go/src/net/http/server.go', 'github.com/acme/shop/main.go', 'runtime/asm_amd64.s'],
  speculate,
  find: (r, frame) => findGoFile(r, frame.config),
  dependency: goModuleDependency,
  notFoundReason: () => 'file not found',
} satisfies LanguageRules;

/**
 * A versioned standard-library file is read from golang/go at once; an absolute path outside a module cache will be
 * matched against the tree.
 */
function speculate(r: Resolution): void {
  const path = r.request.path;
  const std = detectGoStd(path);
  if (std?.version) {
    r.prefetchFile(r.repository('golang', 'go'), goJoin('src', std.path), goReleaseTag(std.version));
  } else if (!std && path.startsWith('/') && !path.includes('@v')) {
    r.prefetchTree();
  }
}

async function findGoFile(r: Resolution, config: PyroscopeConfig | undefined): Promise<Resolved | undefined> {
  const path = r.request.path;

  const std = detectGoStd(path);
  if (std) {
    const found = await findStd(r, config, std.path, std.version);
    if (found) {
      return found;
    }
    // Not final (unlike Pyroscope): a repository path that merely looks like a std package goes on below.
  }

  const vendorAt = path.indexOf('/vendor/');
  if (vendorAt >= 0) {
    const found = await r.tryUnderRoot('go:vendor', path.slice(vendorAt));
    if (found) {
      return found;
    }
  }

  const module = parseModulePath(path);
  if (module) {
    const goMod = await loadGoMod(r);
    const location = locateModule(module.path, module.version, goMod?.mod, r.moduleHosts);
    const found = await tryModule(r, location, module.file, goMod?.dir ?? '');
    if (found) {
      return found;
    }
  } else {
    const found = await findTrimmedModulePath(r, path);
    if (found) {
      return found;
    }
  }
  // A module no Git host served: the module proxy at the exact version (unless go.mod replaces it locally).
  const fromProxy = await tryDependency(r, await goModuleDependency(r));
  if (fromProxy) {
    return fromProxy;
  }

  return r.tryRelativeSuffixes('relative', path);
}

async function findStd(
  r: Resolution,
  config: PyroscopeConfig | undefined,
  stdPath: string,
  version: string
): Promise<Resolved | undefined> {
  if (version === '') {
    for (const match of matchingMappings(config, '$GOROOT/src', '')) {
      const found = await r.tryMapping(match, stdPath, 'mapping-goroot');
      if (found) {
        return found;
      }
    }
    // No version in the path (-trimpath, $GOROOT): the release go.mod names, else master.
    const fromGoMod = goVersionFromGoMod((await loadGoMod(r))?.mod);
    for (const ref of fromGoMod ? [goReleaseTag(fromGoMod), 'master'] : ['master']) {
      const found = await r.tryFile('go:stdlib', r.repository('golang', 'go'), goJoin('src', stdPath), ref);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  return r.tryFile('go:stdlib', r.repository('golang', 'go'), goJoin('src', stdPath), goReleaseTag(version));
}

/**
 * With -trimpath, frames carry bare import paths (`github.com/o/r/pkg/f.go`, no `@v`): the service's own module
 * (go.mod `module`) maps into the request repository; a required module is read at the go.mod version, or
 * from vendor/ (where vendored builds keep it).
 */
async function findTrimmedModulePath(r: Resolution, path: string): Promise<Resolved | undefined> {
  const segments = path.split('/');
  if (path.startsWith('/') || !segments[0].includes('.') || segments.length < 2) {
    return undefined;
  }
  const goMod = await loadGoMod(r);
  if (!goMod) {
    return undefined;
  }
  const { mod, dir } = goMod;
  if (path.startsWith(`${mod.module}/`)) {
    return r.tryFile(
      'go:main-module',
      r.request.repository,
      goJoin(dir, path.slice(mod.module.length + 1)),
      r.request.ref
    );
  }
  const modulePath = [...mod.requires.keys(), ...mod.replaces.keys()]
    .filter((m) => path.startsWith(`${m}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (!modulePath) {
    return undefined;
  }
  const vendored = await r.tryFile('go:vendor', r.request.repository, goJoin(dir, 'vendor', path), r.request.ref);
  if (vendored) {
    return vendored;
  }
  const file = path.slice(modulePath.length + 1);
  return tryModule(r, locateModule(modulePath, mod.requires.get(modulePath) ?? '', mod, r.moduleHosts), file, dir);
}

async function tryModule(
  r: Resolution,
  location: ModuleLocation,
  file: string,
  goModDir: string
): Promise<Resolved | undefined> {
  switch (location.kind) {
    case 'unsupported':
      r.attempts.push({
        rule: 'go:module',
        repositoryUrl: '',
        ref: '',
        path: file,
        outcome: `not_found: ${location.reason}`,
      });
      return undefined;
    case 'local':
      return r.tryFile('go:module-replace', r.request.repository, goJoin(goModDir, location.dir, file), r.request.ref);
    case 'github': {
      const repository = r.repository(location.owner, location.repo);
      for (const ref of moduleRefs(location.version, location.subdir, 'main')) {
        const found = await r.tryFile('go:module', repository, goJoin(location.subdir, file), ref);
        if (found) {
          return found;
        }
      }
      return undefined;
    }
    case 'host': {
      const { host, repositoryPath, subdir } = location;
      for (const ref of moduleRefs(location.version, subdir, '')) {
        const found = await r.tryHostFile('go:module', host, repositoryPath, goJoin(subdir, file), ref);
        if (found) {
          return found;
        }
      }
      return undefined;
    }
  }
}

/**
 * The refs a module version may be tagged with: modules in a subdirectory of a multi-module repository are tagged
 * `<subdir>/<version>`; no version at all reads `unversioned` (GitHub's `main`; the default branch elsewhere).
 */
function moduleRefs(version: string, subdir: string, unversioned: string): string[] {
  const base = refFromVersion(version);
  if (base === '') {
    return [unversioned];
  }
  return subdir && /^v\d/.test(base) ? [`${subdir}/${base}`, base] : [base];
}

/**
 * The module version a frame lies in: from the module cache or -trimpath path, else from go.mod's requirements.
 * A module go.mod replaces with a local directory is the service's own code, never the proxy's.
 */
async function goModuleDependency(r: Resolution) {
  const path = r.request.path;
  const versionInPath = path.startsWith('/') && path.includes('@');
  const goMod = versionInPath || !mayNameModule(path) ? undefined : (await loadGoMod(r))?.mod;
  const requirements = goMod ? [...goMod.requires].map(([modulePath, version]) => ({ path: modulePath, version })) : [];
  const dependency = goDependency(path, requirements);
  const replaced = dependency?.ref && goMod?.replaces.has(dependency.ref.name);
  return replaced || (goMod && dependency?.ref && path.startsWith(`${goMod.module}/`)) ? undefined : dependency;
}

/**
 * Whether a frame path may hold a module's import path: Go requires a dot in a module path's first element
 * (`example.org/lib`), so a path with no dotted directory (`/home/ci/app/internal/x.go`, `main.go`) is the
 * service's own code and costs no go.mod read.
 */
function mayNameModule(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some((segment) => segment.includes('.'));
}

/** go.mod at rootPath, else at the repository root (Pyroscope reads only the root), read once per resolution. */
async function loadGoMod(r: Resolution): Promise<{ mod: GoMod; dir: string } | undefined> {
  const dirs = r.request.rootPath ? [underRoot(r.request.rootPath, ''), ''] : [''];
  for (const dir of dirs) {
    const mod = await r.remember(`go.mod:${dir}`, () =>
      r
        .tryFile('go:go.mod', r.request.repository, goJoin(dir, 'go.mod'), r.request.ref)
        .then((f) => (f ? parseGoMod(f.content.toString('utf8')) : undefined))
    );
    if (mod) {
      return { mod, dir };
    }
  }
  return undefined;
}
