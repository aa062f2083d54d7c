/**
 * Parsed `.pyroscope.yaml` files, kept by their content: a commit's config is parsed once, not on every GetFile
 * (a large one costs seconds and hundreds of MB while being parsed), and commits that did not change it share it.
 * Parsing is a pure function of the text, so one cache serves every user and repository.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../cache/lru';
import type { HostMapping } from '../hosts/host-paths';
import { ConfigResult, parseConfig } from './config';

/** Parsed values take a few times their text's size; 32 MB holds hundreds of ordinary configs. */
const CACHE_BYTES = 32 * 1024 * 1024;
const PARSED_BYTES_PER_TEXT_BYTE = 4;

const parsed = new ByteLru<{ result: ConfigResult; textBytes: number }>({
  maxBytes: CACHE_BYTES,
  sizeOf: (entry) => entry.textBytes * PARSED_BYTES_PER_TEXT_BYTE,
});

/** The mapping shapes of the hosts that have one. */
export function hostMappings(hosts: ReadonlyArray<{ mapping?: HostMapping }>): HostMapping[] {
  return hosts.flatMap((h) => (h.mapping ? [h.mapping] : []));
}

/** `hosts` are the same table on every call in a server; their keys are part of the cache key all the same. */
export function parseConfigCached(content: Buffer, hosts: readonly HostMapping[]): ConfigResult {
  const keys = hosts.map((h) => h.key).join(',');
  const key = `${keys}:${createHash('sha256').update(content).digest('base64')}`;
  const cached = parsed.get(key);
  if (cached) {
    return cached.result;
  }
  const result = parseConfig(content.toString('utf8'), hosts);
  parsed.set(key, { result, textBytes: content.length });
  return result;
}
