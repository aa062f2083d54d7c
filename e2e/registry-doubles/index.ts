export { startRegistryDouble, type RegistryDouble, type RegistryDoubleOptions, type RegistryRequestRecord } from './double';
export type { GoModule } from './goproxy';
export type { NpmPackage } from './npm';
