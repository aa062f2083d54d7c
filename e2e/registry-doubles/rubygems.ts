/**
 * RubyGems (guides.rubygems.org/rubygems-org-api): `GET /gems/<name>-<version>[-<platform>].gem`, which
 * rubygems.org answers with a 302 to its file host (here `/downloads/…` on the same server), and the version
 * documents `/api/v2/rubygems/<name>/versions/<version>.json`. A .gem is an uncompressed tar of `metadata.gz`,
 * `data.tar.gz` (the gem's files) and `checksums.yaml.gz`. Misses: 404 with a short text body (not verified).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { Reply, RouteContext, jsonReply, plain } from './reply';

export interface Gem {
  name: string;
  version: string;
  platform?: string;
  files: Record<string, string>;
  /** Serve this data.tar.gz instead of packing `files` (hostile archives). */
  data?: Uint8Array;
}

export function rubygemsRoutes(gems: Gem[]): (ctx: RouteContext) => Promise<Reply> {
  const fullName = (g: Gem) => `${g.name}-${g.version}${g.platform ? `-${g.platform}` : ''}`;
  const built = new Map<Gem, Buffer>();
  const gemFile = async (g: Gem) => {
    if (!built.has(g)) {
      const entries = Object.entries(g.files).map(([name, body]) => ({
        header: { name, size: Buffer.byteLength(body) },
        body,
      }));
      const data = g.data ?? gzipSync(await packTar(entries));
      const metadata = gzipSync(`--- !ruby/object:Gem::Specification\nname: ${g.name}\nversion: ${g.version}\n`);
      const outer = await packTar([
        { header: { name: 'metadata.gz', size: metadata.length }, body: metadata },
        { header: { name: 'data.tar.gz', size: data.length }, body: data },
      ]);
      built.set(g, Buffer.from(outer));
    }
    return built.get(g)!;
  };
  return async ({ path }) => {
    const download = /^\/(gems|downloads)\/([^/]+)\.gem$/.exec(path);
    if (download) {
      const gem = gems.find((g) => fullName(g) === download[2]);
      if (!gem) {
        return plain(404, 'This rubygem could not be found.');
      }
      return download[1] === 'gems'
        ? { status: 302, headers: { location: `/rubygems/downloads/${download[2]}.gem` } }
        : { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: await gemFile(gem) };
    }
    const version = /^\/api\/v2\/rubygems\/([^/]+)\/versions\/([^/]+)\.json$/.exec(path);
    const gem = version && gems.find((g) => g.name === version[1] && g.version === version[2]);
    if (!gem) {
      return plain(404, 'This rubygem could not be found.');
    }
    return jsonReply(200, {
      name: gem.name,
      version: gem.version,
      platform: gem.platform ?? 'ruby',
      sha: createHash('sha256')
        .update(await gemFile(gem))
        .digest('hex'),
      gem_uri: `/gems/${fullName(gem)}.gem`,
      yanked: false,
    });
  };
}
