export {
  registryDoubleEnv,
  startRegistryDouble,
  type RegistryDouble,
  type RegistryDoubleOptions,
  type RegistryRequestRecord,
} from './double';
export type { GoModule } from './goproxy';
export type { NpmPackage } from './npm';
export type { Gem } from './rubygems';
export type { PythonRelease } from './pypi';
export type { MavenArtifact } from './maven';
