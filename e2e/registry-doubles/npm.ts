/**
 * The npm registry (github.com/npm/registry docs: package-metadata.md, REGISTRY-API.md): the package document
 * `/<name>` (scoped: `/@scope%2fname`; abbreviated with `Accept: application/vnd.npm.install-v1+json`), the
 * version document `/<name>/<version>`, and tarballs at `dist.tarball`
 * (`/<name>/-/<unscoped name>-<version>.tgz`, files under `package/`) with `dist.integrity` (sha512 SRI) and
 * `dist.shasum` (SHA-1). Misses are 404 `{"error":"Not found"}`; documents carry Cache-Control and an ETag.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { Reply, RouteContext, jsonReply } from './reply';

export interface NpmPackage {
  name: string;
  version: string;
  files: Record<string, string | Uint8Array>;
  /** Serve these tarball bytes instead of packing `files` (hostile archives). */
  tarball?: Uint8Array;
  /** Write this integrity instead of the tarball's own (a tampered tarball). */
  integrity?: string;
  /** Name this URL as `dist.tarball` instead of the registry's own (given the registry's base URL). */
  tarballUrl?: (registryBase: string) => string;
}

const ABBREVIATED = 'application/vnd.npm.install-v1+json';

export function npmRoutes(packages: NpmPackage[], base: () => string): (ctx: RouteContext) => Promise<Reply> {
  const tarballs = new Map<NpmPackage, Buffer>();
  const tarballOf = async (p: NpmPackage) => {
    if (!tarballs.has(p)) {
      const entries = Object.entries(p.files).map(([path, body]) => ({
        header: { name: `package/${path}`, size: Buffer.byteLength(body) },
        body,
      }));
      tarballs.set(p, Buffer.from(p.tarball ?? gzipSync(await packTar(entries))));
    }
    return tarballs.get(p)!;
  };
  const versionDocument = async (p: NpmPackage) => {
    const tarball = await tarballOf(p);
    return {
      name: p.name,
      version: p.version,
      dist: {
        tarball: p.tarballUrl?.(base()) ?? `${base()}/${p.name}/-/${p.name.split('/').pop()}-${p.version}.tgz`,
        shasum: createHash('sha1').update(tarball).digest('hex'),
        integrity: p.integrity ?? `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
        fileCount: Object.keys(p.files).length,
      },
    };
  };
  const notFound = () => jsonReply(404, { error: 'Not found' });

  return async ({ path, headers }) => {
    const decoded = decodeURIComponent(path.slice(1));
    const tarball = /^(.+)\/-\/([^/]+)-(\d[^/]*)\.tgz$/.exec(decoded);
    if (tarball) {
      const found = packages.find((p) => p.name === tarball[1] && p.version === tarball[3]);
      return found
        ? { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: await tarballOf(found) }
        : notFound();
    }
    const match = /^((?:@[^/]+\/)?[^/@]+)(?:\/([^/]+))?$/.exec(decoded);
    const versions = match ? packages.filter((p) => p.name === match[1]) : [];
    if (!match || versions.length === 0) {
      return notFound();
    }
    if (match[2] !== undefined) {
      const found = versions.find((p) => p.version === match[2]);
      return found ? cacheable(jsonReply(200, await versionDocument(found))) : notFound();
    }
    const abbreviated = (headers.accept ?? '').includes(ABBREVIATED);
    const documents = await Promise.all(versions.map(versionDocument));
    const latest = versions[versions.length - 1].version;
    const document = {
      name: match[1],
      'dist-tags': { latest },
      versions: Object.fromEntries(documents.map((d) => [d.version, d])),
      ...(abbreviated ? { modified: '2024-01-01T00:00:00.000Z' } : { time: { modified: '2024-01-01T00:00:00.000Z' } }),
    };
    return cacheable(jsonReply(200, document, abbreviated ? ABBREVIATED : 'application/json'));
  };
}

function cacheable(reply: Reply): Reply {
  const etag = `"${createHash('sha1')
    .update(reply.body ?? '')
    .digest('hex')}"`;
  return {
    ...reply,
    headers: { ...reply.headers, 'cache-control': 'public, max-age=300', etag, vary: 'accept-encoding, accept' },
  };
}
