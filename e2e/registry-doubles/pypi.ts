/**
 * PyPI's JSON API (docs.pypi.org/api/json): `/pypi/<project>/<version>/json` with `info` and `urls` (each file:
 * `packagetype` bdist_wheel or sdist, `filename`, `url`, `digests.sha256`, `size`, `yanked`), a 301 to the
 * normalized name for any other spelling, 404 for an unknown project or version; files served under
 * `/packages/…` (files.pythonhosted.org's role). Wheels are zips laid out as site-packages; sdists are
 * `<name>-<version>.tar.gz` with one top folder.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { Reply, RouteContext, jsonReply } from './reply';

export interface PythonRelease {
  /** The project's name as published (`PyYAML`). */
  name: string;
  version: string;
  /** Paths as site-packages holds them (`yaml/__init__.py`). */
  files: Record<string, string>;
  /** Which files the release offers; default both a pure wheel and an sdist. */
  kinds?: Array<'wheel' | 'sdist'>;
  /** Put the sdist's code under `src/`. */
  srcLayout?: boolean;
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export function pypiRoutes(releases: PythonRelease[], base: () => string): (ctx: RouteContext) => Promise<Reply> {
  const files = new Map<string, Buffer>();
  const build = async (r: PythonRelease) => {
    const underscored = r.name.replace(/[-.]+/g, '_');
    const out: Array<{ filename: string; packagetype: string; body: Buffer }> = [];
    const kinds = r.kinds ?? ['wheel', 'sdist'];
    if (kinds.includes('wheel')) {
      const entries = Object.fromEntries(Object.entries(r.files).map(([p, b]) => [p, strToU8(b)]));
      entries[`${underscored}-${r.version}.dist-info/METADATA`] = strToU8(`Name: ${r.name}\nVersion: ${r.version}\n`);
      out.push({
        filename: `${underscored}-${r.version}-py3-none-any.whl`,
        packagetype: 'bdist_wheel',
        body: Buffer.from(zipSync(entries)),
      });
    }
    if (kinds.includes('sdist')) {
      const top = `${underscored}-${r.version}`;
      const entries = Object.entries(r.files).map(([p, body]) => ({
        header: { name: `${top}/${r.srcLayout ? 'src/' : ''}${p}`, size: Buffer.byteLength(body) },
        body,
      }));
      entries.push({ header: { name: `${top}/PKG-INFO`, size: 8 }, body: 'Name: x\n' });
      out.push({ filename: `${top}.tar.gz`, packagetype: 'sdist', body: gzipSync(await packTar(entries)) });
    }
    return out;
  };
  return async ({ path }) => {
    const file = /^\/packages\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]+\/(.+)$/.exec(path);
    if (file) {
      const body = files.get(file[1]);
      return body
        ? { status: 200, headers: { 'content-type': 'application/octet-stream' }, body }
        : jsonReply(404, { message: 'Not Found' });
    }
    const match = /^\/pypi\/([^/]+)\/([^/]+)\/json$/.exec(path);
    if (!match) {
      return jsonReply(404, { message: 'Not Found' });
    }
    if (match[1] !== normalize(match[1])) {
      return { status: 301, headers: { location: `/pypi/pypi/${normalize(match[1])}/${match[2]}/json` } };
    }
    const release = releases.find((r) => normalize(r.name) === match[1] && r.version === match[2]);
    if (!release) {
      return jsonReply(404, { message: 'Not Found' });
    }
    const urls = (await build(release)).map(({ filename, packagetype, body }) => {
      const blake = createHash('sha256').update(filename).digest('hex');
      files.set(filename, body);
      return {
        filename,
        packagetype,
        url: `${base()}/packages/${blake.slice(0, 2)}/${blake.slice(2, 4)}/${blake.slice(4, 64)}/${filename}`,
        digests: { sha256: createHash('sha256').update(body).digest('hex') },
        size: body.length,
        yanked: false,
      };
    });
    return {
      ...jsonReply(200, { info: { name: release.name, version: release.version }, urls }),
      headers: {
        'content-type': 'application/json',
        'cache-control': 'max-age=900, public',
        'x-pypi-last-serial': '1',
      },
    };
  };
}
