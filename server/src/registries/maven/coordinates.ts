/**
 * Maven coordinates as `.pyroscope.yaml` names them (`groupId:artifactId:version`) and the repository layout of
 * their sources jar: `<groupId with / for .>/<artifactId>/<version>/<artifactId>-<version>-sources.jar`.
 */
export interface MavenCoordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

const PART = /^[A-Za-z0-9_.-]+$/;

/** Throws an Error saying what is wrong; SNAPSHOT versions are refused (their file names are timestamped). */
export function parseCoordinates(text: string): MavenCoordinates {
  const parts = text.trim().split(':');
  if (parts.length !== 3 || !parts.every((part) => PART.test(part) && !part.split('.').includes(''))) {
    throw new Error(
      `Maven coordinates must read groupId:artifactId:version, e.g. com.google.guava:guava:33.0.0-jre (got ${JSON.stringify(text)})`
    );
  }
  const [groupId, artifactId, version] = parts;
  if (version.endsWith('-SNAPSHOT')) {
    throw new Error(`Maven SNAPSHOT versions are not read (their files are timestamped): ${text}`);
  }
  return { groupId, artifactId, version };
}

export function sourcesJarPath(c: MavenCoordinates): string {
  return `${c.groupId.replace(/\./g, '/')}/${c.artifactId}/${c.version}/${c.artifactId}-${c.version}-sources.jar`;
}
