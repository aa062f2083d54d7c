/**
 * A Maven repository (maven.apache.org/repositories/layout.html): static files at
 * `<group as dirs>/<artifact>/<version>/<artifact>-<version>[-classifier].<ext>`, 200 or 404 (empty body, as
 * repo1.maven.org answers), `.sha1` beside each file and `maven-metadata.xml` per artifact.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { Reply, RouteContext, plain } from './reply';

export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
  /** The sources jar's files (`com/example/Foo.java`); absent: the artifact publishes no sources. */
  sources?: Record<string, string>;
}

export function mavenRoutes(artifacts: MavenArtifact[]): (ctx: RouteContext) => Reply {
  const files = new Map<string, Buffer>();
  for (const a of artifacts) {
    const dir = `/${a.groupId.replace(/\./g, '/')}/${a.artifactId}`;
    const versions = artifacts
      .filter((o) => o.groupId === a.groupId && o.artifactId === a.artifactId)
      .map((o) => o.version);
    files.set(
      `${dir}/maven-metadata.xml`,
      Buffer.from(
        `<metadata><groupId>${a.groupId}</groupId><artifactId>${a.artifactId}</artifactId><versioning><release>${versions[versions.length - 1]}</release><versions>${versions.map((v) => `<version>${v}</version>`).join('')}</versions></versioning></metadata>`
      )
    );
    if (a.sources) {
      const jar = Buffer.from(
        zipSync({
          'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n'),
          ...Object.fromEntries(Object.entries(a.sources).map(([p, b]) => [p, strToU8(b)])),
        })
      );
      const name = `${dir}/${a.version}/${a.artifactId}-${a.version}-sources.jar`;
      files.set(name, jar);
      files.set(`${name}.sha1`, Buffer.from(createHash('sha1').update(jar).digest('hex')));
    }
  }
  return ({ path }) => {
    const body = files.get(path);
    return body
      ? {
          status: 200,
          headers: { 'content-type': path.endsWith('.jar') ? 'application/java-archive' : 'text/xml' },
          body,
        }
      : { ...plain(404, ''), body: '' };
  };
}
