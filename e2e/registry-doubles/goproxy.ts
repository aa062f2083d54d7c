/**
 * The GOPROXY protocol (go.dev/ref/mod#goproxy-protocol): `<module>/@v/list`, `<module>/@v/<v>.info`, `.mod`,
 * `.zip`, and `<module>/@latest`, with module paths and versions case-escaped (`!a` for `A`). Only 200 is
 * success; a module or version the proxy lacks is 404 (or 410 when marked gone) with a plain-text reason, as
 * proxy.golang.org answers `not found: …`. Zips hold every file under `<module>@<version>/`.
 */
import { zipSync } from 'fflate';
import { Reply, RouteContext, jsonReply, plain } from './reply';

export interface GoModule {
  module: string;
  version: string;
  /** Path inside the module → content. */
  files: Record<string, string | Uint8Array>;
  /** RFC 3339 time of the version; default 2024-01-01. */
  time?: string;
  /** Answer 410 Gone instead of serving it. */
  gone?: boolean;
  /** Serve these zip bytes instead of building the zip (hostile archives). */
  zip?: Uint8Array;
}

export function goproxyRoutes(modules: GoModule[]): (ctx: RouteContext) => Reply {
  const zips = new Map<GoModule, Uint8Array>();
  const zipOf = (m: GoModule) => {
    if (!zips.has(m)) {
      const entries = Object.entries(m.files).map(([path, content]) => [
        `${m.module}@${m.version}/${path}`,
        typeof content === 'string' ? new TextEncoder().encode(content) : content,
      ]);
      zips.set(m, m.zip ?? zipSync(Object.fromEntries(entries)));
    }
    return zips.get(m)!;
  };
  return ({ path }) => {
    const match = /^\/(.+?)\/(@v\/(list|(.+)\.(info|mod|zip))|@latest)$/.exec(path);
    const module = match && unescape(match[1]);
    if (!match || module === undefined) {
      return plain(404, `not found: ${path}`);
    }
    const versions = modules.filter((m) => m.module === module);
    if (match[2] === '@latest' || match[3] === 'list') {
      if (versions.length === 0) {
        return plain(404, `not found: module ${module}: no matching versions`);
      }
      return match[3] === 'list'
        ? plain(200, versions.map((m) => `${m.version}\n`).join(''))
        : jsonReply(200, info(versions[versions.length - 1]));
    }
    const version = unescape(match[4]);
    const found = versions.find((m) => m.version === version);
    if (!found) {
      return plain(404, `not found: ${module}@${match[4]}: invalid version: unknown revision ${match[4]}`);
    }
    if (found.gone) {
      return plain(410, `not found: ${module}@${version}: gone`);
    }
    switch (match[5]) {
      case 'info':
        return jsonReply(200, info(found));
      case 'mod':
        return plain(200, typeof found.files['go.mod'] === 'string' ? found.files['go.mod'] : `module ${module}\n`);
      default:
        return { status: 200, headers: { 'content-type': 'application/zip' }, body: Buffer.from(zipOf(found)) };
    }
  };
}

function info(m: GoModule) {
  return { Version: m.version, Time: m.time ?? '2024-01-01T00:00:00Z' };
}

/** Go's case decoding; undefined for a path a real proxy would refuse (capitals or a stray `!`). */
function unescape(escaped: string): string | undefined {
  if (/[A-Z]/.test(escaped) || /!(?![a-z])/.test(escaped)) {
    return undefined;
  }
  return escaped.replace(/!([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
