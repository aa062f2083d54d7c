import { Code, ConnectError } from '@connectrpc/connect';
import { attemptOutcome, endsRefFallback, endsResolution, toConnectError } from './error-policy';
import {
  BlameUnavailableError,
  FileNotFoundError,
  FileRejectedError,
  HostAuthError,
  HostError,
  MalformedAnswerError,
  RateLimitError,
} from './errors';

const rateLimit = new RateLimitError('GitHub', Date.UTC(2030, 0, 1), 403);
const auth = new HostAuthError('GitLab', '401 Unauthorized');
const unreachable = new HostError('connect ECONNREFUSED', undefined);

describe('host failures as Connect codes', () => {
  it.each([
    [rateLimit, Code.ResourceExhausted, 'GitHub rate limit exceeded; it resets at 2030-01-01T00:00:00.000Z'],
    [auth, Code.Unauthenticated, "GitLab rejected the session's token: 401 Unauthorized"],
    [new FileNotFoundError('404 Not Found'), Code.NotFound, '404 Not Found'],
    [new MalformedAnswerError('commit contains no date'), Code.Internal, 'commit contains no date'],
    [
      new BlameUnavailableError('Bitbucket', 'blame'),
      Code.Unimplemented,
      "Bitbucket's API has no blame (annotate); open the file's blame on Bitbucket instead",
    ],
    [unreachable, Code.Unavailable, 'connect ECONNREFUSED'],
    [new HostError('did not answer', 504), Code.DeadlineExceeded, 'did not answer'],
    [new HostError('No commit found', 422), Code.NotFound, 'No commit found'],
    [new HostError('Forbidden', 403), Code.PermissionDenied, 'Forbidden'],
    [new HostError('Git Repository is empty', 409), Code.FailedPrecondition, 'Git Repository is empty'],
    [new HostError('Bad Gateway', 502), Code.Unavailable, 'Bad Gateway'],
    [new HostError('Teapot', 418), Code.Unknown, 'Teapot'],
    [new Error('POST /t?client_secret=s3cret failed'), Code.Unknown, 'POST /t?client_secret=[redacted] failed'],
  ])('%s → %s', (error, code, message) => {
    const answer = toConnectError(error);
    expect(answer.code).toBe(code);
    expect(answer.rawMessage).toBe(message);
  });

  it('passes a Connect error through and tells when a rate limit lifts', () => {
    const connect = new ConnectError('invalid token', Code.Unauthenticated);
    expect(toConnectError(connect)).toBe(connect);
    expect(toConnectError(rateLimit).metadata.get('x-ratelimit-reset')).toBe(String(Date.UTC(2030, 0, 1) / 1000));
    expect(toConnectError(new RateLimitError('GitHub', undefined, 429)).metadata.get('x-ratelimit-reset')).toBeNull();
  });
});

describe('when searching on stops', () => {
  it.each([
    ['rate limit', rateLimit, true, true],
    ['refused token', auth, true, true],
    ['unreachable host', unreachable, true, true],
    ['timeout', new HostError('timed out', 504), true, true],
    ['other 5xx', new HostError('Bad Gateway', 502), false, true],
    ['422', new HostError('No commit found', 422), false, false],
    ['404', new FileNotFoundError('404'), false, false],
    ['too large', new FileRejectedError('big', 'too_large'), false, false],
  ])('%s: resolution stops %s, ref fallback stops %s', (_name, error, resolution, refFallback) => {
    expect(endsResolution(error)).toBe(resolution);
    expect(endsRefFallback(error)).toBe(refFallback);
  });

  it.each([
    [rateLimit, 'rate_limited'],
    [auth, 'unauthenticated'],
    [new FileNotFoundError('404'), 'not_found'],
    [new FileNotFoundError('src is a dir', 'not_a_file'), 'not_found: not a file'],
    [new FileRejectedError('x.bin is a binary file', 'binary'), 'rejected: x.bin is a binary file'],
    [unreachable, 'error: connect ECONNREFUSED'],
  ])('records %s as %s', (error, outcome) => {
    expect(attemptOutcome(error)).toBe(outcome);
  });
});
