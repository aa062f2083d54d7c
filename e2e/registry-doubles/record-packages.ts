/**
 * record.ts's npm, PyPI, Maven and RubyGems parts: which package files the sample profiles' Node.js, Python, Java
 * and Ruby frames name, read from where the service got them.
 *
 * - npm: the version from the service's lock file at the profile's commit (as the server reads it), the tarball
 *   from the registry `npm config get registry` names, package.json and the license beside the frames' files. A
 *   package the registry lacks (a private one) is left out: the double then answers 404 as the registry does.
 * - PyPI: the distribution and version from the service's pins at the profile's commit (as the server reads
 *   them), the pure wheel from PyPI's JSON API (`<PYPI_URL>/<name>/json`, its `releases`; PyPI's per-version
 *   document would do as well), checked against the sha256 PyPI gives.
 * - Maven: the coordinates from the service's `.pyroscope.yaml` at the profile's commit, the `-sources.jar` from
 *   MAVEN_URL (default Maven Central).
 * - Both read through the server's safe archive reader, licenses included (`*.dist-info/LICENSE`,
 *   `META-INF/LICENSE.txt`), which the double's archives then hold where the real ones do.
 * - RubyGems: **not from the registry**: rubygems.org cannot be reached from the machines these samples are
 *   recorded on, so a gem's files are copied from where the profiled service loaded them (the frame path is the
 *   installed gem, `…/gems/<name>-<version>/…`; Debian's gem packages install the released gem's files). The
 *   double packs them into a `.gem` as rubygems.org would serve it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { SampleFrame } from '../../samples/frames';
import type { SampleRepo } from '../../samples/repos';
import { gemDependency, npmDependency, pythonDependency } from '../../server/src/registries/dependency';
import { parseEndpoint } from '../../server/src/registries/endpoint';
import { parseCoordinates, sourcesJarPath } from '../../server/src/registries/maven/coordinates';
import { MAVEN_CENTRAL } from '../../server/src/registries/maven/registry';
import { NpmRegistry } from '../../server/src/registries/npm/registry';
import { RegistryContext } from '../../server/src/registries/context';
import { HOST_MAPPINGS } from '../../server/src/hosts/table';
import { PUBLIC_PYPI } from '../../server/src/registries/pypi/registry';
import { parseConfig } from '../../server/src/resolve/config';
import { matchingMappings } from '../../server/src/resolve/mappings';

/** Package key (`<name>@<version>`) → the paths inside it that frames name. */
export type Wanted = Map<string, Set<string>>;
export type Save = (registry: string, key: string, file: string, content: Uint8Array) => void;

/** A file of a sample repository at a commit, or undefined. */
function showFile(repos: SampleRepo[], frame: SampleFrame, file: string): string | undefined {
  const repo = repos.find((r) => frame.repositoryURL.endsWith(`/${r.fullName}`));
  if (!repo || !frame.ref) {
    return undefined;
  }
  try {
    return execFileSync('git', ['show', `${frame.ref}:${file}`], { cwd: repo.dir, encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return undefined;
  }
}

function want(wanted: Wanted, key: string, file: string, extra: readonly string[]): void {
  wanted.set(key, (wanted.get(key) ?? new Set(extra)).add(file));
}

/**
 * Copies `paths` out of a downloaded archive through the server's safe archive reader (entry paths as they are,
 * licenses included), and saves each file found.
 */
async function saveFromZip(
  ctx: RegistryContext,
  registry: string,
  key: string,
  zip: Buffer,
  paths: Set<string>,
  save: Save
) {
  const [name, version] = key.split('@');
  for (const file of paths) {
    const read = await ctx.files.readFile(
      { registry: `${registry} (recording)`, name, version },
      file,
      (entry) => entry,
      async () => ({ format: 'zip', bytes: zip })
    );
    if (read.kind === 'file') {
      save(registry, key, file, read.content);
    }
  }
}

export async function recordNpm(frames: SampleFrame[], repos: SampleRepo[], ctx: RegistryContext, save: Save) {
  const wanted: Wanted = new Map();
  for (const frame of frames) {
    const dependency = await npmDependency(frame.localPath, async (file) => showFile(repos, frame, file));
    if (dependency?.ref) {
      want(wanted, `${dependency.ref.name}@${dependency.ref.version}`, dependency.ref.path, [
        'LICENSE',
        'LICENSE.txt',
        'LICENSE.md',
        'package.json',
      ]);
    }
  }
  const registryUrl = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const registry = new NpmRegistry(parseEndpoint(registryUrl, 'npm'), ctx);
  for (const [key, paths] of wanted) {
    const at = key.lastIndexOf('@');
    for (const file of paths) {
      const read = await registry
        .readFile({ name: key.slice(0, at), version: key.slice(at + 1), path: file })
        .catch((error: unknown) => console.log(`not recorded: npm ${key} ${file}: ${String(error)}`));
      if (read && read.file.kind === 'file') {
        save('npm', key, file, read.file.content);
      }
    }
  }
}

export async function recordPypi(frames: SampleFrame[], repos: SampleRepo[], ctx: RegistryContext, save: Save) {
  const wanted: Wanted = new Map();
  for (const frame of frames) {
    const dependency = await pythonDependency(frame.localPath, async (file) => showFile(repos, frame, file));
    if (dependency?.ref) {
      const { name, version, path } = dependency.ref;
      // The wheel's license sits in its .dist-info folder, which the double's wheel then holds as well.
      const dist = `${name.replace(/-/g, '_')}-${version}.dist-info`;
      want(wanted, `${name}@${version}`, path, [`${dist}/LICENSE`, `${dist}/LICENSE.txt`]);
    }
  }
  const base = (process.env.PYPI_URL ?? PUBLIC_PYPI).replace(/\/+$/, '');
  for (const [key, paths] of wanted) {
    const [name, version] = key.split('@');
    await saveFromZip(ctx, 'pypi', key, await pureWheel(base, name, version), paths, save);
  }
}

async function pureWheel(base: string, name: string, version: string): Promise<Buffer> {
  const document = (await (await fetchOk(`${base}/${name}/json`)).json()) as {
    releases?: Record<string, Array<{ filename: string; url: string; digests?: { sha256?: string } }>>;
  };
  const wheel = document.releases?.[version]?.find((f) => f.filename.endsWith('-none-any.whl'));
  if (!wheel) {
    throw new Error(`PyPI lists no pure wheel of ${name} ${version}`);
  }
  const bytes = await download(wheel.url);
  if (createHash('sha256').update(bytes).digest('hex') !== wheel.digests?.sha256) {
    throw new Error(`${wheel.filename} does not match the sha256 PyPI gives`);
  }
  return bytes;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) {
    // Origin and path only: a URL from the environment may carry credentials.
    throw new Error(`${new URL(url).origin}${new URL(url).pathname} answered ${response.status}`);
  }
  return response;
}

async function download(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetchOk(url)).arrayBuffer());
}

export async function recordMaven(frames: SampleFrame[], repos: SampleRepo[], ctx: RegistryContext, save: Save) {
  const wanted: Wanted = new Map();
  for (const frame of frames.filter((f) => f.localPath.endsWith('.java'))) {
    const config = parseConfig(showFile(repos, frame, '.pyroscope.yaml') ?? '', HOST_MAPPINGS).config;
    const source = matchingMappings(config, frame.localPath, frame.functionName)[0]?.mapping.source;
    if (source && 'maven' in source) {
      // Folders group/artifact@version: no `:` in file names.
      const { groupId, artifactId, version } = parseCoordinates(source.maven.coordinates);
      want(wanted, `${groupId}/${artifactId}@${version}`, frame.localPath, ['META-INF/LICENSE.txt']);
    }
  }
  const base = (process.env.MAVEN_URL ?? MAVEN_CENTRAL).replace(/\/+$/, '');
  for (const [key, paths] of wanted) {
    const [folder, version] = key.split('@');
    const [groupId, artifactId] = folder.split('/');
    const jar = await download(`${base}/${sourcesJarPath({ groupId, artifactId, version })}`);
    await saveFromZip(ctx, 'maven', key, jar, paths, save);
  }
}

export function recordGems(frames: SampleFrame[], save: Save): void {
  const saved = new Set<string>();
  for (const frame of frames) {
    const gem = gemDependency(frame.localPath)?.ref;
    if (!gem || gem.platform || saved.has(frame.localPath)) {
      continue;
    }
    saved.add(frame.localPath);
    if (!existsSync(frame.localPath)) {
      throw new Error(`${frame.localPath} is not installed here: install ${gem.name} ${gem.version} to record it`);
    }
    save('rubygems', `${gem.name}@${gem.version}`, gem.path, readFileSync(frame.localPath));
  }
}
