/**
 * Small `golang/go` and `python/cpython` repositories for the double, made of real files of the toolchains
 * installed on this machine (e.g. /usr/lib/go-1.19/src, /usr/lib/python3.11), tagged / branched as upstream
 * (`go1.19`, `3.11`). Only the files asked for are copied, so building them is quick.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFixtureRepo, FixtureRepo } from './fixtures';

/**
 * golang/go with tag go<version> (and any extra tags, e.g. the exact patch release) holding src/<file> for each
 * existing file (paths relative to GOROOT/src).
 */
export function createGoStdlibRepo(
  root: string,
  version: string,
  goSrc: string,
  files: string[],
  extraTags: string[] = []
): FixtureRepo {
  const picked: Record<string, Buffer> = {};
  for (const file of files) {
    const from = path.join(goSrc, file);
    if (existsSync(from)) {
      picked[`src/${file}`] = readFileSync(from);
    }
  }
  return createFixtureRepo(
    root,
    'golang/go',
    [{ files: picked, tags: [`go${version}`, ...extraTags], message: `go${version}` }],
    'master'
  );
}

/** python/cpython with branch <version> holding Lib/<file> for each existing file. */
export function createCPythonRepo(root: string, version: string, libDir: string, files: string[]): FixtureRepo {
  const picked: Record<string, Buffer> = {};
  for (const file of files) {
    const from = path.join(libDir, file);
    if (existsSync(from)) {
      picked[`Lib/${file}`] = readFileSync(from);
    }
  }
  return createFixtureRepo(
    root,
    'python/cpython',
    [{ files: picked, branch: version, message: `Python ${version}` }],
    'main'
  );
}
