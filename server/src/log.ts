/** Structured logs (pino) with tokens, cookies, codes and secrets redacted wherever they appear. */
import pino, { Logger } from 'pino';

export type { Logger };

const REDACT_PATHS = [
  'token',
  'accessToken',
  'refreshToken',
  'authorizationCode',
  'code',
  'cookie',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorizationCode',
  '*.code',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'linescope-server' } },
    destination
  );
}

/** Removes anything that looks like a credential from free text (error messages can quote URLs). */
export function scrub(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, '$1[redacted]@')
    .replace(/((?:client_secret|access_token|refresh_token|code)=)[^&\s]+/g, '$1[redacted]')
    .replace(/(gh[opsur]_)[A-Za-z0-9]+/g, '$1[redacted]')
    .replace(/(Bearer |token )[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]');
}

/** A URL for the logs: its password (CACHE_URL's, PYROSCOPE_URL's) replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '[redacted]';
    }
    return parsed.toString();
  } catch {
    return scrub(url);
  }
}
