import { randomBytes } from 'crypto';
import { gzipSync } from 'zlib';
import { gunzipWithLimit, MAX_INFLATED_PROFILE_BYTES, ProfileTooLargeError } from './inflate';
import { readPprof } from './pprofReader';
import { BOMB_INFLATED_BYTES, gzipBomb, lyingGzipBomb } from '../testing/gzipBomb';
import { PprofBuilder } from '../testing/pprofBuilder';

jest.setTimeout(60_000);

describe('gunzipWithLimit', () => {
  it('inflates what fits, over many input slices, byte for byte', () => {
    // Random bytes do not compress: the input is ~1 MB, many slices of the streaming inflate.
    const data = new Uint8Array(randomBytes(1024 * 1024 + 7));
    expect(Buffer.from(gunzipWithLimit(new Uint8Array(gzipSync(data)))).equals(Buffer.from(data))).toBe(true);
    const small = new TextEncoder().encode('hello');
    expect(new TextDecoder().decode(gunzipWithLimit(new Uint8Array(gzipSync(small))))).toBe('hello');
    expect(gunzipWithLimit(new Uint8Array(gzipSync(new Uint8Array(0))))).toHaveLength(0);
  });

  it('takes exactly the limit, and refuses one byte more', () => {
    const data = new Uint8Array(100_000).fill(7);
    expect(gunzipWithLimit(new Uint8Array(gzipSync(data)), 100_000)).toHaveLength(100_000);
    expect(() => gunzipWithLimit(new Uint8Array(gzipSync(data)), 99_999)).toThrow(ProfileTooLargeError);
  });

  it('refuses a gzip bomb (255 KB to 256 MiB) by its declared size, before inflating', () => {
    const bomb = gzipBomb();
    expect(bomb.length).toBeLessThan(300 * 1024);
    expect(() => gunzipWithLimit(bomb)).toThrow(
      new ProfileTooLargeError(
        `its gzip trailer says it inflates to ${BOMB_INFLATED_BYTES} bytes`,
        MAX_INFLATED_PROFILE_BYTES
      )
    );
  });

  it('stops a bomb whose trailer lies as soon as the output passes the limit', () => {
    expect(() => gunzipWithLimit(lyingGzipBomb(1024))).toThrow(/^The profile is too large: it inflates to more, /);
    // A smaller limit stops it sooner, whatever the trailer says.
    expect(() => gunzipWithLimit(lyingGzipBomb(10), 1024 * 1024)).toThrow(ProfileTooLargeError);
  });

  it.each([4, 8, 100, 5000, 9990])('refuses a stream cut %i bytes short as broken, not as too large', (cut) => {
    const good = new Uint8Array(gzipSync(randomBytes(10_000)));
    const cutShort = () => gunzipWithLimit(good.subarray(0, good.length - cut));
    expect(cutShort).toThrow();
    expect(cutShort).not.toThrow(ProfileTooLargeError);
  });

  it('refuses a stream whose trailer names another size as corrupt', () => {
    const good = new Uint8Array(gzipSync(randomBytes(1000)));
    new DataView(good.buffer).setUint32(good.length - 4, 999, true);
    expect(() => gunzipWithLimit(good)).toThrow('it inflates to 1000 bytes where its gzip trailer says 999');
  });
});

describe('readPprof of a gzipped profile', () => {
  it('reads a gzipped profile as before', () => {
    const b = new PprofBuilder();
    b.sample([b.location(b.mapping(''), [[b.function('main.work', 'work.go', 1), 2]])], 5);
    const profile = readPprof(new Uint8Array(gzipSync(b.encode())));
    expect(profile.functions.map((f) => f.name)).toEqual(['main.work']);
  });

  it('says "too large" for a gzip bomb, whether its trailer tells the truth or not', () => {
    expect(() => readPprof(gzipBomb())).toThrow(/^The profile is too large: /);
    expect(() => readPprof(lyingGzipBomb())).toThrow(/^The profile is too large: /);
  });
});
