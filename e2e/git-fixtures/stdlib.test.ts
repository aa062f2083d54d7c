/** Standard-library stand-ins: made of local toolchain files the profiles name, skipped with a note when absent. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readBlob, objectAt, resolveCommit } from './git';
import { createStdlibStandIns, LocalToolchains } from './stdlib';

describe('createStdlibStandIns', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-stdlib-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const fileAt = async (dir: string, ref: string, path: string) => {
    const commit = await resolveCommit(dir, ref);
    const object = commit ? await objectAt(dir, commit, path) : undefined;
    return object ? (await readBlob(dir, object.sha)).toString('utf8') : undefined;
  };

  it('copies only the files the frames name, at the upstream refs', async () => {
    const toolchains: LocalToolchains = {
      go: { version: '1.19', extraTags: ['go1.19.8'], src: join(root, 'go/src') },
      python: { version: '3.11', lib: join(root, 'python3.11') },
      jdk: { tag: 'jdk-17.0.15+6', srcZip: join(root, 'jdk/src.zip') },
    };
    write(join(root, 'go/src/runtime/proc.go'), 'package runtime // proc\n');
    write(join(root, 'go/src/sort/slice.go'), 'package sort\n');
    write(join(root, 'go/src/unused/x.go'), 'package unused\n');
    write(join(root, 'python3.11/json/encoder.py'), '# encoder\n');
    write(join(root, 'jdk/src/java.base/java/util/Formatter.java'), 'package java.util;\n');
    execFileSync('zip', ['-q', '-r', '../src.zip', 'java.base'], { cwd: join(root, 'jdk/src') });

    const standIns = createStdlibStandIns(
      join(root, 'repos'),
      [
        `${root}/go/src/runtime/proc.go`,
        'sort/slice.go', // -trimpath
        'github.com/acme/app/main.go', // not the standard library
        `${root}/python3.11/json/encoder.py`,
        '/opt/app/shop/main.py',
        'java/util/Formatter.java',
        'com/acme/Main.java',
      ],
      toolchains
    );

    expect(standIns.map((s) => s.note)).toEqual([
      `golang/go at go1.19, go1.19.8: 2 files from ${root}/go/src`,
      `python/cpython at branch 3.11: 1 file from ${root}/python3.11`,
      `openjdk/jdk17u at jdk-17.0.15+6: 1 file from ${root}/jdk/src.zip`,
    ]);
    const [go, python, jdk] = standIns.map((s) => s.repo!.dir);
    expect(await fileAt(go, 'go1.19.8', 'src/runtime/proc.go')).toBe('package runtime // proc\n');
    expect(await fileAt(go, 'go1.19', 'src/sort/slice.go')).toBe('package sort\n');
    expect(await fileAt(go, 'go1.19', 'src/unused/x.go')).toBeUndefined();
    expect(await fileAt(python, '3.11', 'Lib/json/encoder.py')).toBe('# encoder\n');
    expect(await fileAt(jdk, 'jdk-17.0.15+6', 'src/java.base/share/classes/java/util/Formatter.java')).toBe(
      'package java.util;\n'
    );
  });

  it('skips a toolchain that is not installed, or that has none of the files, with a note instead of failing', () => {
    const standIns = createStdlibStandIns(join(root, 'repos-missing'), ['/usr/lib/go-1.19/src/runtime/proc.go'], {
      go: { version: '1.19', src: join(root, 'go/src') },
      python: { version: '3.11', lib: join(root, 'no-python') },
      jdk: { tag: 'jdk-17.0.15+6', srcZip: join(root, 'no-jdk/src.zip') },
    });
    expect(standIns.map((s) => [s.fullName, s.repo, s.note])).toEqual([
      ['golang/go', undefined, `golang/go: not added (none of the files the profiles name are in ${root}/go/src)`],
      ['python/cpython', undefined, `python/cpython: not added (no ${root}/no-python on this machine)`],
      ['openjdk/jdk17u', undefined, `openjdk/jdk17u: not added (no ${root}/no-jdk/src.zip on this machine)`],
    ]);
  });
});
