export {
  type HostKind,
  type KnownHost,
  type ParseOptions,
  type ParseResult,
  type RepositoryUrl,
  hostKindOf,
  knownHostOf,
  parseRepositoryUrl,
} from './parse';
