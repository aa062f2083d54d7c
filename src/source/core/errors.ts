// What a failed vcs.v1 call means for the user, decided once here so every view says the same thing.
import { Code, ConnectError } from '@connectrpc/connect';
import { ResolutionExplanationSchema, type ResolutionExplanation } from '../../../proto/gen/vcs/v1/vcs_pb';

export type VcsFailure =
  /** The server (or Grafana's proxy on its behalf) refused the session: no cookie, a bad one, or an expired one. */
  | { kind: 'unauthenticated'; message: string }
  /** GetFile found nothing; `explanation` lists what was tried when the server sends it (Linescope does). */
  | { kind: 'not-found'; message: string; explanation?: ResolutionExplanation }
  /** The server has no GitHub client configured (Pyroscope answers 501 `unimplemented`). */
  | { kind: 'not-configured'; message: string }
  /** The request was cancelled by us (inputs changed); never shown. */
  | { kind: 'aborted'; message: string }
  | { kind: 'other'; message: string; code?: string };

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
      return { kind: 'not-configured', message };
    case Code.Canceled:
      return { kind: 'aborted', message };
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
