export {
  type HostKind,
  type KnownHost,
  type ParseOptions,
  type ParseProblem,
  type ParseResult,
  type RepositoryUrl,
  hostKindOf,
  knownHostOf,
  parseRepositoryUrl,
} from './parse';
export { type HostLinkInput, type HostLinks, type LinkHostKind, hostLinks } from './links';
