// Why the panel could not show a call site's profile, and what the user can do about it: decided here, from the
// error's kind (its name, which survives the worker's postMessage), never from its wording. The panel only renders.
import { t } from '@grafana/i18n';

/** The error names the panel tells apart, as the code that throws them sets them. */
export const PROFILE_ERROR_NAMES = {
  /** pyroscope/errors.ts: the query failed; the error carries its own hint (by HTTP status). */
  query: 'PyroscopeError',
  /** @linescope/lines: the profile inflates past what Linescope reads. */
  tooLarge: 'ProfileTooLargeError',
  /** function-details/worker: the worker died or never started, with calls in flight. */
  workerFailed: 'FunctionDetailsWorkerError',
  /** webpack: a part of the plugin could not be loaded (it may have been updated meanwhile). */
  chunkLoad: 'ChunkLoadError',
} as const;

export type ProfileFailureKind = 'query' | 'too-large' | 'code-not-loaded' | 'unreadable';

export function profileFailureKind(error: Pick<Error, 'name'>): ProfileFailureKind {
  switch (error.name) {
    case PROFILE_ERROR_NAMES.query:
      return 'query';
    case PROFILE_ERROR_NAMES.tooLarge:
      return 'too-large';
    case PROFILE_ERROR_NAMES.workerFailed:
    case PROFILE_ERROR_NAMES.chunkLoad:
      return 'code-not-loaded';
    default:
      return 'unreadable';
  }
}

/** What to do about it, in a sentence under the error's own message. */
export function profileFailureHint(error: Pick<Error, 'name'> & { hint?: unknown }): string {
  switch (profileFailureKind(error)) {
    case 'query':
      return typeof error.hint === 'string' ? error.hint : unreadable();
    case 'too-large':
      return t(
        'domain.profile-failure.too-large',
        'Narrow the time range or the label selector so that the call site’s profile is smaller.'
      );
    case 'code-not-loaded':
      return t(
        'domain.profile-failure.code-not-loaded',
        'Part of Linescope could not be loaded (it may have been updated meanwhile): reload the page.'
      );
    case 'unreadable':
      return unreadable();
  }
}

const unreadable = () =>
  t(
    'domain.profile-failure.unreadable',
    'The profile could not be read. Try again; if it keeps failing, the data source may not be a Pyroscope server.'
  );
