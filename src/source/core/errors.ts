// What a failed vcs.v1 call means for the user, decided once here so every view says the same thing.
import { Code, ConnectError } from '@connectrpc/connect';
import { t } from '@grafana/i18n';
import { ResolutionExplanationSchema, type ResolutionExplanation } from '../../../proto/gen/vcs/v1/vcs_pb';

export type VcsFailure =
  /** The server (or Grafana's proxy on its behalf) refused the session: no cookie, a bad one, or an expired one. */
  | { kind: 'unauthenticated'; message: string }
  /** GetFile found nothing; `explanation` lists what was tried when the server sends it (Linescope does). */
  | { kind: 'not-found'; message: string; explanation?: ResolutionExplanation }
  /**
   * The server does not serve the call: for a file, no client configured for the host (Pyroscope answers 501); for
   * blame, a host whose API has none (Linescope's server says so) or a server without linescope.v1.BlameService.
   */
  | { kind: 'unimplemented'; message: string }
  /** The request was cancelled by us (inputs changed); never shown. */
  | { kind: 'aborted'; message: string }
  /** A passing failure (rate limited, timed out, the host or the server unavailable): asking again may work. */
  | { kind: 'transient'; message: string; code: TransientCode }
  | { kind: 'other'; message: string; code?: string };

type TransientCode = 'ResourceExhausted' | 'DeadlineExceeded' | 'Unavailable';

export function classifyVcsError(error: unknown): VcsFailure {
  const err = ConnectError.from(error);
  const message = err.rawMessage || err.message;
  switch (err.code) {
    case Code.Unauthenticated:
      return { kind: 'unauthenticated', message };
    case Code.NotFound: {
      const [explanation] = err.findDetails(ResolutionExplanationSchema);
      return { kind: 'not-found', message, explanation };
    }
    case Code.Unimplemented:
      return { kind: 'unimplemented', message };
    case Code.Canceled:
      return { kind: 'aborted', message };
    case Code.ResourceExhausted:
    case Code.DeadlineExceeded:
    case Code.Unavailable:
      return { kind: 'transient', message, code: Code[err.code] as TransientCode };
    default: {
      // Linescope also explains invalid arguments (e.g. a bad .pyroscope.yaml): keep the explanation then too.
      const [explanation] = err.findDetails(ResolutionExplanationSchema);
      if (explanation) {
        return { kind: 'not-found', message, explanation };
      }
      return { kind: 'other', message, code: Code[err.code] };
    }
  }
}

/** Whether a Retry may help: only for a passing failure, not for one that asking again cannot change. */
export const isRetryable = (failure: VcsFailure): boolean => failure.kind === 'transient';

/**
 * What the panel says when a file's source could not be loaded (after the session and not-found cases). The server's
 * own words follow the sentence as they are (not through the translation, which would escape them).
 */
export function sourceFailureMessage(failure: VcsFailure): string {
  return `${sourceFailureSentence(failure)} ${failure.message}`;
}

function sourceFailureSentence(failure: VcsFailure): string {
  if (failure.kind !== 'transient') {
    return t('source.failure.other', 'The source could not be loaded:');
  }
  switch (failure.code) {
    case 'ResourceExhausted':
      return t('source.failure.rate-limited', 'The Git host is rate limiting the source server; retry in a moment:');
    case 'DeadlineExceeded':
      return t('source.failure.timed-out', 'The source took too long to arrive; retry:');
    case 'Unavailable':
      return t('source.failure.unavailable', 'The source server or the Git host is unavailable; retry in a moment:');
  }
}
