/**
 * The package registries, one entry each, beside the Git hosts' table: how its client is made from its setting
 * (the variable and default are config.ts's REGISTRY_VARIABLES; `off` switches it off). Resolution asks the table,
 * never a registry by name.
 */
import { REGISTRY_VARIABLES, type RegistrySettings } from '../config';
import { CredentialStyle, RegistryEndpoint, parseEndpoint } from './endpoint';
import { RegistryContext } from './context';
import { GoModuleProxy } from './goproxy/registry';
import { parseGoproxy } from './goproxy/proxy-list';
import { MavenRepository } from './maven/registry';
import { NpmRegistry } from './npm/registry';
import { PypiRegistry } from './pypi/registry';
import { PackageRegistry, RegistryKind } from './registry';
import { RubygemsRegistry } from './rubygems/registry';

export interface RegistryEntry {
  kind: RegistryKind;
  /** Throws an Error (naming no credentials) for a setting it cannot use. */
  create(value: string, context: RegistryContext): PackageRegistry;
}

type EndpointRegistry = new (endpoint: RegistryEndpoint, context: RegistryContext) => PackageRegistry;

function endpointEntry(kind: RegistryKind, style: CredentialStyle, Registry: EndpointRegistry): RegistryEntry {
  return { kind, create: (value, context) => new Registry(parseEndpoint(value, style), context) };
}

export const REGISTRIES: readonly RegistryEntry[] = [
  { kind: 'goproxy', create: (value, context) => new GoModuleProxy(parseGoproxy(value), context) },
  endpointEntry('npm', 'npm', NpmRegistry),
  endpointEntry('rubygems', 'basic', RubygemsRegistry),
  endpointEntry('pypi', 'basic', PypiRegistry),
  endpointEntry('maven', 'basic', MavenRepository),
];

export const OFF = 'off';

/** The registries switched on, by kind. `GOPROXY=off` and `GOPROXY=direct` leave no proxy to ask. */
export function createRegistries(
  settings: RegistrySettings,
  context: RegistryContext
): Map<RegistryKind, PackageRegistry> {
  const registries = new Map<RegistryKind, PackageRegistry>();
  for (const entry of REGISTRIES) {
    const value = settings[entry.kind].trim();
    if (value === OFF || (entry.kind === 'goproxy' && /^(off|direct)(,|$)/.test(value))) {
      continue;
    }
    registries.set(entry.kind, entry.create(value || REGISTRY_VARIABLES[entry.kind].default, context));
  }
  return registries;
}

/** The environment variable a registry is set with. */
export function registryVariable(kind: RegistryKind): string {
  return REGISTRY_VARIABLES[kind].name;
}
