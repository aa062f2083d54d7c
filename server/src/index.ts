/** Programmatic API of the source server (tests, the standalone host, benchmarks). */
export { createServer, type LinescopeServer, type ServerDeps } from './server';
export { loadConfig, ConfigError, type ServerConfig } from './config';
export { createMetrics } from './metrics';
export { createLogger } from './log';
export { resolveFile } from './resolve/resolver';
export type { GitHost, GitHostProvider, SourceReader, RepoFile, Commit } from './hosts/git-host';
export { encryptToken, decryptToken, deriveKey } from './session/token';
export { encodeSessionCookie, SESSION_COOKIE } from './session/cookie';
