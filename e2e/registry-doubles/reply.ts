/** What one registry's routes see of a request and answer. */
import http from 'node:http';

export interface RouteContext {
  /** The path after the registry's prefix, decoded by URL rules (`%2f` stays as is). */
  path: string;
  rawPath: string;
  headers: http.IncomingHttpHeaders;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function plain(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

export function jsonReply(status: number, value: unknown, contentType = 'application/json'): Reply {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}
