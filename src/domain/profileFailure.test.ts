import { ProfileTooLargeError } from '@linescope/lines/src/inflate';
import { PROFILE_ERROR_NAMES, profileFailureHint, profileFailureKind } from './profileFailure';

/** An error as it arrives from the worker: only its message and its name made the trip. */
const named = (name: string, message = 'whatever the wording') => Object.assign(new Error(message), { name });
/** What pyroscope/errors.ts throws: a PyroscopeError with its hint. */
const queryFailed = (message: string, hint: string) => Object.assign(named(PROFILE_ERROR_NAMES.query, message), { hint });

describe('profileFailureKind: by the error kind, whatever its message says', () => {
  it.each([
    [queryFailed('SelectMergeProfile failed: 429', 'Wait a moment.'), 'query'],
    [new ProfileTooLargeError('it inflates to more', 128 * 1024 * 1024), 'too-large'],
    [named(PROFILE_ERROR_NAMES.tooLarge), 'too-large'],
    [named(PROFILE_ERROR_NAMES.workerFailed, 'The function details worker failed: out of memory'), 'code-not-loaded'],
    [named('ChunkLoadError', 'Loading chunk 42 failed.'), 'code-not-loaded'],
    [new Error('invalid wire type 7 at offset 3'), 'unreadable'],
    [new TypeError('Cannot read properties of undefined'), 'unreadable'],
  ] as const)('%s → %s', (error, kind) => {
    expect(profileFailureKind(error)).toBe(kind);
  });

  it('does not read the wording: a message that looks like another kind changes nothing', () => {
    expect(profileFailureKind(new Error('The profile is too large: or so it says'))).toBe('unreadable');
    expect(profileFailureKind(new Error('worker: Loading chunk failed'))).toBe('unreadable');
  });
});

describe('profileFailureHint', () => {
  it("gives a Pyroscope failure's own hint", () => {
    const error = queryFailed('SelectMergeProfile failed: 504', 'Pyroscope took too long.');
    expect(profileFailureHint(error)).toBe('Pyroscope took too long.');
  });

  it('tells a too large profile to narrow the query', () => {
    expect(profileFailureHint(named(PROFILE_ERROR_NAMES.tooLarge))).toBe(
      'Narrow the time range or the label selector so that the call site’s profile is smaller.'
    );
  });

  it('tells a worker or code chunk that could not load to reload the page', () => {
    for (const name of [PROFILE_ERROR_NAMES.workerFailed, PROFILE_ERROR_NAMES.chunkLoad]) {
      expect(profileFailureHint(named(name))).toBe(
        'Part of Linescope could not be loaded (it may have been updated meanwhile): reload the page.'
      );
    }
  });

  it('says anything else could not be read, and a hint that is not text changes nothing', () => {
    const unreadable =
      'The profile could not be read. Try again; if it keeps failing, the data source may not be a Pyroscope server.';
    expect(profileFailureHint(new Error('index out of range'))).toBe(unreadable);
    expect(profileFailureHint(Object.assign(named(PROFILE_ERROR_NAMES.query), { hint: 42 }))).toBe(unreadable);
  });
});
