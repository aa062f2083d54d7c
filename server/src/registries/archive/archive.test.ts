import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { TarEntry, packTar } from 'modern-tar';
import { ReadArchiveOptions, readArchive } from './archive';
import { ArchiveRejectedError, safeEntryPath } from './entry-path';
import { DEFAULT_ARCHIVE_LIMITS } from './limits';

const keepAll = (path: string) => path;
const stripFirst = (path: string) => path.split('/').slice(1).join('/') || undefined;

function options(overrides: Partial<ReadArchiveOptions> = {}): ReadArchiveOptions {
  return {
    format: 'zip',
    limits: DEFAULT_ARCHIVE_LIMITS,
    pathInPackage: keepAll,
    maxFileBytes: 1024 * 1024,
    ...overrides,
  };
}

/** A zip made by hand with one stored entry, so that its headers can lie. */
function handZip(name: string, content: Buffer, declared = { size: content.length, mode: 0o100644 }): Uint8Array {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(declared.size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(3 << 8, 4);
  central.writeUInt32LE(require('node:zlib').crc32(content), 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(declared.size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE((declared.mode << 16) >>> 0, 38);
  const directoryOffset = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

async function tarGz(entries: TarEntry[]): Promise<Uint8Array> {
  return gzipSync(await packTar(entries));
}

describe('safeEntryPath', () => {
  it.each([
    ['../etc/passwd', "climbs out with '..'"],
    ['a/../../b', "climbs out with '..'"],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/x', 'is an absolute path'],
    ['./C:/Windows/x', 'is an absolute path'],
    ['a\\..\\b', 'uses a backslash'],
    ['a//b', 'has an empty path element'],
    ['', 'has an empty name'],
  ])('refuses %j (%s)', (name, why) => {
    expect(() => safeEntryPath(name)).toThrow(ArchiveRejectedError);
    expect(() => safeEntryPath(name)).toThrow(why);
  });

  it('keeps ordinary names, dropping ./ and a directory slash', () => {
    expect(safeEntryPath('./package/index.js')).toBe('package/index.js');
    expect(safeEntryPath('lib/')).toBe('lib');
  });

  it('never answers a path that climbs out or is absolute (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '.', '..', '', 'b.go', 'C:', '\\', '/'), { maxLength: 8 }), (parts) => {
        let safe: string | undefined;
        try {
          safe = safeEntryPath(parts.join('/'));
        } catch (error) {
          expect(error).toBeInstanceOf(ArchiveRejectedError);
          return;
        }
        expect(safe.split('/')).not.toContain('..');
        expect(safe.startsWith('/')).toBe(false);
        expect(safe).not.toMatch(/^[A-Za-z]:/);
      })
    );
  });
});

describe('zip archives', () => {
  it('indexes every file and reads the wanted one', async () => {
    const zip = zipSync({
      'm@v1.0.0/a.go': strToU8('package a'),
      'm@v1.0.0/sub/b.go': strToU8('package b'.repeat(500)),
    });
    const read = await readArchive(zip, options({ wanted: 'm@v1.0.0/sub/b.go' }));
    expect([...read.index.keys()]).toEqual(['m@v1.0.0/a.go', 'm@v1.0.0/sub/b.go']);
    expect(read.content?.toString()).toBe('package b'.repeat(500));
  });

  it('returns the same files as were zipped, whatever they hold (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.go$/), fc.uint8Array({ maxLength: 2000 }), {
          minKeys: 1,
          maxKeys: 6,
        }),
        async (files) => {
          const names = Object.keys(files).filter(
            (n) => !Object.keys(files).some((o) => o.startsWith(`${n.slice(0, -3)}/`))
          );
          const zip = zipSync(Object.fromEntries(names.map((n) => [n, files[n]])));
          for (const name of names) {
            const read = await readArchive(zip, options({ wanted: name }));
            expect(new Uint8Array(read.content!)).toEqual(files[name]);
          }
        }
      ),
      { numRuns: 30 }
    );
  });

  it('refuses an archive with an entry that climbs out, before reading anything', async () => {
    const zip = zipSync({ 'ok.go': strToU8('x'), '../../evil.go': strToU8('y') });
    await expect(readArchive(zip, options({ wanted: 'ok.go' }))).rejects.toThrow("climbs out with '..'");
  });

  it('lists a symlink entry as a link and never reads it', async () => {
    const zip = handZip('link.go', Buffer.from('/etc/passwd'), { size: 11, mode: 0o120777 });
    const read = await readArchive(zip, options({ wanted: 'link.go' }));
    expect(read.index.get('link.go')).toEqual({ size: 11, kind: 'link' });
    expect(read.content).toBeUndefined();
  });

  it('refuses an entry whose bytes are not the size it declares', async () => {
    const zip = handZip('a.go', Buffer.from('package a, longer than declared'), { size: 4, mode: 0o100644 });
    await expect(readArchive(zip, options({ wanted: 'a.go' }))).rejects.toThrow('does not match its declared size');
  });

  it('refuses a deflate bomb by its declared sizes before inflating', async () => {
    const zip = zipSync({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(64 * 1024);
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxUnpackedBytes: 1024 * 1024 };
    await expect(readArchive(zip, options({ limits, wanted: 'zeros.txt' }))).rejects.toThrow('unpacks to more than');
  });

  it('does not inflate a file larger than the file limit', async () => {
    const zip = zipSync({ 'big.go': new Uint8Array(4096).fill(65) });
    const read = await readArchive(zip, options({ wanted: 'big.go', maxFileBytes: 1000 }));
    expect(read.index.get('big.go')).toEqual({ size: 4096, kind: 'file' });
    expect(read.content).toBeUndefined();
  });

  it('refuses too many entries, an archive over the size limit, and bytes that are no zip', async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.go`, strToU8('x')])));
    await expect(readArchive(many, options({ limits: { ...DEFAULT_ARCHIVE_LIMITS, maxEntries: 10 } }))).rejects.toThrow(
      'more than 10 entries'
    );
    await expect(
      readArchive(many, options({ limits: { ...DEFAULT_ARCHIVE_LIMITS, maxArchiveBytes: 100 } }))
    ).rejects.toThrow('larger than the limit of 100');
    await expect(readArchive(Buffer.from('not a zip at all, just text'), options())).rejects.toThrow('not a zip file');
  });
});

describe('gzipped tar archives', () => {
  it('strips the top folder, reads PAX long names, and keeps only the wanted body', async () => {
    const long = `package/${'deep/'.repeat(40)}index.js`;
    const archive = await tarGz([
      { header: { name: 'package/package.json', size: 2 }, body: '{}' },
      { header: { name: long, size: 14 }, body: 'module.exports' },
    ]);
    const read = await readArchive(
      archive,
      options({ format: 'tar.gz', pathInPackage: stripFirst, wanted: long.slice(8) })
    );
    expect([...read.index.keys()]).toEqual(['package.json', long.slice(8)]);
    expect(read.content?.toString()).toBe('module.exports');
  });

  it('refuses `..` and absolute entries, and lists links without reading them', async () => {
    const climbing = await tarGz([{ header: { name: 'package/../../x.js', size: 1 }, body: 'x' }]);
    await expect(readArchive(climbing, options({ format: 'tar.gz' }))).rejects.toThrow(ArchiveRejectedError);
    const absolute = await tarGz([{ header: { name: '/etc/cron.d/x', size: 1 }, body: 'x' }]);
    await expect(readArchive(absolute, options({ format: 'tar.gz' }))).rejects.toThrow(ArchiveRejectedError);
    const linked = await tarGz([
      { header: { name: 'package/a.js', size: 0, type: 'symlink', linkname: '/etc/passwd' } },
    ]);
    const read = await readArchive(linked, options({ format: 'tar.gz', pathInPackage: stripFirst, wanted: 'a.js' }));
    expect(read.index.get('a.js')?.kind).toBe('link');
    expect(read.content).toBeUndefined();
  });

  it('stops a gzip bomb at the unpacked limit', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxUnpackedBytes: 1024 * 1024 };
    await expect(readArchive(bomb, options({ format: 'tar.gz', limits }))).rejects.toThrow('unpacks to more than');
  });

  it('refuses a truncated tar and bytes that are not gzip', async () => {
    const tar = await packTar([{ header: { name: 'a.js', size: 5000 }, body: 'y'.repeat(5000) }]);
    await expect(readArchive(gzipSync(tar.subarray(0, 1024)), options({ format: 'tar.gz' }))).rejects.toThrow(
      ArchiveRejectedError
    );
    await expect(readArchive(Buffer.from('plain text'), options({ format: 'tar.gz' }))).rejects.toThrow(
      'not a readable gzip'
    );
  });
});
