import { Code, ConnectError } from '@connectrpc/connect';
import { classifyVcsError, isRetryable, sourceFailureMessage } from './errors';

const failed = (code: Code, message = 'upstream said no') => classifyVcsError(new ConnectError(message, code));

describe('classifyVcsError: by the error code, whatever the message says', () => {
  it.each([
    [Code.Unauthenticated, 'unauthenticated'],
    [Code.NotFound, 'not-found'],
    [Code.Unimplemented, 'unimplemented'],
    [Code.Canceled, 'aborted'],
    [Code.ResourceExhausted, 'transient'],
    [Code.DeadlineExceeded, 'transient'],
    [Code.Unavailable, 'transient'],
    [Code.Internal, 'other'],
    [Code.InvalidArgument, 'other'],
    [Code.PermissionDenied, 'other'],
  ])('%s → %s', (code, kind) => {
    expect(failed(code).kind).toBe(kind);
  });

  it('takes something that is not an error at all as an unknown failure', () => {
    expect(classifyVcsError('a string')).toMatchObject({ kind: 'other', code: 'Unknown' });
  });
});

describe('isRetryable: only the passing failures', () => {
  it.each([
    [Code.ResourceExhausted, true],
    [Code.DeadlineExceeded, true],
    [Code.Unavailable, true],
    [Code.Internal, false],
    [Code.NotFound, false],
    [Code.Unauthenticated, false],
    [Code.Unimplemented, false],
    [Code.PermissionDenied, false],
  ])('%s → %s', (code, retryable) => {
    expect(isRetryable(failed(code))).toBe(retryable);
  });
});

describe("sourceFailureMessage: a sentence per kind, then the server's words as they are", () => {
  it.each([
    [Code.ResourceExhausted, 'The Git host is rate limiting the source server; retry in a moment: rate limit <hit>'],
    [Code.DeadlineExceeded, 'The source took too long to arrive; retry: rate limit <hit>'],
    [Code.Unavailable, 'The source server or the Git host is unavailable; retry in a moment: rate limit <hit>'],
    [Code.Internal, 'The source could not be loaded: rate limit <hit>'],
  ])('%s', (code, message) => {
    expect(sourceFailureMessage(failed(code, 'rate limit <hit>'))).toBe(message);
  });

  it('keeps quotes and markup in the server message as text, unescaped', () => {
    expect(sourceFailureMessage(failed(Code.Internal, `can't read "a&b"`))).toBe(
      `The source could not be loaded: can't read "a&b"`
    );
  });
});
