/**
 * Doubles of the package registries' protocols, written from their documentation (see each protocol's file),
 * on one HTTP server under one prefix per registry: `/goproxy` (GOPROXY), `/npm` (the npm registry),
 * `/rubygems`, `/pypi` (JSON API under `/pypi/pypi`, files under `/pypi/packages`) and `/maven`. Every request
 * is recorded; a registry may demand credentials (401 otherwise) and answer a forced status for paths under a
 * prefix. Over TLS when given a certificate, as a company's own proxy or registry is served.
 */
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { GoModule, goproxyRoutes } from './goproxy';
import { MavenArtifact, mavenRoutes } from './maven';
import { NpmPackage, npmRoutes } from './npm';
import { PythonRelease, pypiRoutes } from './pypi';
import { Gem, rubygemsRoutes } from './rubygems';
import { Reply, RouteContext, plain } from './reply';

export interface RegistryDoubleOptions {
  goModules?: GoModule[];
  npmPackages?: NpmPackage[];
  gems?: Gem[];
  pythonReleases?: PythonRelease[];
  mavenArtifacts?: MavenArtifact[];
  port?: number;
  /** `Authorization` header value every request must carry (401 without it). */
  requireAuthorization?: string;
  /** Serve https with this key and certificate (made for 127.0.0.1). */
  tls?: { key: Buffer; cert: Buffer };
}

export interface RegistryRequestRecord {
  method: string;
  path: string;
  status: number;
  authorization: string | undefined;
}

export interface RegistryDouble {
  url: string;
  /** GOPROXY for this double. */
  goproxyUrl: string;
  /** NPM_REGISTRY_URL for this double. */
  npmUrl: string;
  /** RUBYGEMS_URL for this double. */
  rubygemsUrl: string;
  /** PYPI_URL for this double (the JSON API's base). */
  pypiUrl: string;
  /** MAVEN_URL for this double. */
  mavenUrl: string;
  /** The source server's variables pointing every registry at this double (GOPROXY … MAVEN_URL). */
  env: Record<string, string>;
  requests: RegistryRequestRecord[];
  /** Recorded requests whose path starts with prefix. */
  calls(prefix: string): RegistryRequestRecord[];
  resetRequests(): void;
  /** Answer `status` (text/plain) for the next `count` requests whose path starts with prefix. */
  forceStatus(prefix: string, status: number, count?: number): void;
  /** Answer a 302 to `location` for the next `count` requests whose path starts with prefix. */
  forceRedirect(prefix: string, location: string, count?: number): void;
  close(): Promise<void>;
}

export async function startRegistryDouble(options: RegistryDoubleOptions): Promise<RegistryDouble> {
  const requests: RegistryRequestRecord[] = [];
  const forced: Array<{ prefix: string; status: number; left: number; location?: string }> = [];
  let baseUrl = '';
  const routes: Record<string, (ctx: RouteContext) => Promise<Reply> | Reply> = {
    '/goproxy/': goproxyRoutes(options.goModules ?? []),
    '/npm/': npmRoutes(options.npmPackages ?? [], () => `${baseUrl}/npm`),
    '/rubygems/': rubygemsRoutes(options.gems ?? []),
    '/pypi/': pypiRoutes(options.pythonReleases ?? [], () => `${baseUrl}/pypi`),
    '/maven/': mavenRoutes(options.mavenArtifacts ?? []),
  };

  const handler: http.RequestListener = (req, res) => {
    const path = req.url ?? '/';
    const answer = (reply: Reply) => {
      requests.push({
        method: req.method ?? 'GET',
        path,
        status: reply.status,
        authorization: req.headers.authorization,
      });
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    };
    void (async () => {
      if (options.requireAuthorization && req.headers.authorization !== options.requireAuthorization) {
        return answer(plain(401, 'unauthorized'));
      }
      const force = forced.find((f) => path.startsWith(f.prefix) && f.left > 0);
      if (force) {
        force.left--;
        const reply = plain(force.status, `forced ${force.status}`);
        return answer(force.location ? { ...reply, headers: { ...reply.headers, location: force.location } } : reply);
      }
      const prefix = Object.keys(routes).find((p) => path.startsWith(p));
      if (!prefix || (req.method !== 'GET' && req.method !== 'HEAD')) {
        return answer(plain(404, 'not found'));
      }
      const url = new URL(path, 'http://double');
      answer(
        await routes[prefix]({
          path: url.pathname.slice(prefix.length - 1),
          rawPath: path.slice(prefix.length - 1),
          headers: req.headers,
        })
      );
    })().catch((error: unknown) => answer(plain(500, String(error))));
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = {
    goproxyUrl: `${baseUrl}/goproxy`,
    npmUrl: `${baseUrl}/npm`,
    rubygemsUrl: `${baseUrl}/rubygems`,
    pypiUrl: `${baseUrl}/pypi/pypi`,
    mavenUrl: `${baseUrl}/maven`,
  };
  return {
    url: baseUrl,
    ...urls,
    env: {
      GOPROXY: urls.goproxyUrl,
      NPM_REGISTRY_URL: urls.npmUrl,
      RUBYGEMS_URL: urls.rubygemsUrl,
      PYPI_URL: urls.pypiUrl,
      MAVEN_URL: urls.mavenUrl,
    },
    requests,
    calls: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    resetRequests: () => requests.splice(0),
    forceStatus: (prefix, status, count = Infinity) => forced.push({ prefix, status, left: count }),
    forceRedirect: (prefix, location, count = Infinity) => forced.push({ prefix, status: 302, left: count, location }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
