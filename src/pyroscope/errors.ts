// Turns what BackendSrv throws for data source proxy calls and data source queries into one message that says what
// went wrong and what to do about it.

import { t } from '@grafana/i18n';

export class PyroscopeError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly hint: string
  ) {
    super(message);
    this.name = 'PyroscopeError';
  }
}

interface FetchErrorLike {
  status?: number;
  statusText?: string;
  data?: unknown;
  message?: string;
  cancelled?: boolean;
}

const text = (data: unknown): string | undefined => {
  if (typeof data === 'string') {
    return data.trim() || undefined;
  }
  // Binary calls get their error bodies as bytes too: Connect errors are JSON, proxy errors plain text.
  // (Tag check rather than instanceof: the buffer may come from another realm.)
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]' || ArrayBuffer.isView(data)) {
    return text(new TextDecoder().decode(data as ArrayBuffer));
  }
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; error?: unknown; code?: unknown };
    const message = typeof d.message === 'string' ? d.message : typeof d.error === 'string' ? d.error : undefined;
    if (message) {
      return typeof d.code === 'string' && d.code !== message ? `${d.code}: ${message}` : message;
    }
  }
  return undefined;
};

const parseJsonText = (value: string | undefined): string | undefined => {
  if (!value?.startsWith('{')) {
    return value;
  }
  try {
    return text(JSON.parse(value)) ?? value;
  } catch {
    return value;
  }
};

function hintFor(status: number | undefined, message: string): string {
  if (/Authentication to data source failed/i.test(message)) {
    return t(
      'pyroscope.failure-hint.credentials',
      'The data source rejected the credentials Grafana sent. Check the data source’s authentication settings.'
    );
  }
  switch (status) {
    case 400:
      return t(
        'pyroscope.failure-hint.bad-query',
        'Pyroscope did not accept the query. Check the label filters and the time range (Pyroscope allows at most 24h by default).'
      );
    case 403:
      return t(
        'pyroscope.failure-hint.forbidden',
        'You are not allowed to query this data source. Ask an admin for query access.'
      );
    case 404:
      return t(
        'pyroscope.failure-hint.not-found',
        'The data source was not found, or its URL does not lead to Pyroscope. Pick another data source or check its URL.'
      );
    case 429:
      return t(
        'pyroscope.failure-hint.rate-limited',
        'Pyroscope is rate limiting queries. Wait a moment and try again, or narrow the time range.'
      );
    case 499:
      return t('pyroscope.failure-hint.cancelled', 'The request was cancelled.');
    case 502:
    case 503:
      return t(
        'pyroscope.failure-hint.unreachable',
        'Grafana could not reach Pyroscope. Check that Pyroscope is running and that the data source URL is right.'
      );
    case 504:
      return t(
        'pyroscope.failure-hint.timed-out',
        'Pyroscope took too long. Narrow the time range or the label filters, then try again.'
      );
    default:
      return t(
        'pyroscope.failure-hint.other',
        'Try again; if it keeps failing, check the data source in Grafana’s Connections page.'
      );
  }
}

export function toPyroscopeError(err: unknown, what: string): PyroscopeError {
  if (err instanceof PyroscopeError) {
    return err;
  }
  const e = (err ?? {}) as FetchErrorLike;
  const detail = parseJsonText(text(e.data)) ?? e.message ?? e.statusText ?? 'unknown error';
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const prefix = status ? `${what} failed (HTTP ${status})` : `${what} failed`;
  return new PyroscopeError(`${prefix}: ${detail}`, status, hintFor(status, detail));
}
