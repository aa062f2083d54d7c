/**
 * The package registries, one entry each: the environment variable that points at it (or says `off`), its
 * default, and how its client is made. Resolution asks the table, never a registry by name.
 */
import { CredentialStyle, RegistryEndpoint, parseEndpoint } from './endpoint';
import { RegistryContext } from './context';
import { GoModuleProxy } from './goproxy/registry';
import { DEFAULT_GOPROXY, parseGoproxy } from './goproxy/proxy-list';
import { MAVEN_CENTRAL, MavenRepository } from './maven/registry';
import { NpmRegistry, PUBLIC_NPM_REGISTRY } from './npm/registry';
import { PUBLIC_PYPI, PypiRegistry } from './pypi/registry';
import { PackageRegistry, RegistryKind } from './registry';
import { PUBLIC_RUBYGEMS, RubygemsRegistry } from './rubygems/registry';

export interface RegistryEntry {
  kind: RegistryKind;
  /** The environment variable naming its URL; `off` switches the registry off. */
  variable: string;
  defaultUrl: string;
  /** Throws an Error (naming no credentials) for a value it cannot use. */
  check(value: string): void;
  create(value: string, context: RegistryContext): PackageRegistry;
}

type EndpointRegistry = new (endpoint: RegistryEndpoint, context: RegistryContext) => PackageRegistry;

function endpointEntry(
  kind: RegistryKind,
  variable: string,
  defaultUrl: string,
  style: CredentialStyle,
  Registry: EndpointRegistry
): RegistryEntry {
  return {
    kind,
    variable,
    defaultUrl,
    check: (value) => parseEndpoint(value, style),
    create: (value, context) => new Registry(parseEndpoint(value, style), context),
  };
}

export const REGISTRIES: readonly RegistryEntry[] = [
  {
    kind: 'goproxy',
    variable: 'GOPROXY',
    defaultUrl: DEFAULT_GOPROXY,
    check: (value) => parseGoproxy(value),
    create: (value, context) => new GoModuleProxy(parseGoproxy(value), context),
  },
  endpointEntry('npm', 'NPM_REGISTRY_URL', PUBLIC_NPM_REGISTRY, 'npm', NpmRegistry),
  endpointEntry('rubygems', 'RUBYGEMS_URL', PUBLIC_RUBYGEMS, 'basic', RubygemsRegistry),
  endpointEntry('pypi', 'PYPI_URL', PUBLIC_PYPI, 'basic', PypiRegistry),
  endpointEntry('maven', 'MAVEN_URL', MAVEN_CENTRAL, 'basic', MavenRepository),
];

/** Each registry's setting: its URL (credentials allowed), or `off`. */
export type RegistrySettings = Record<RegistryKind, string>;

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
    registries.set(entry.kind, entry.create(value || entry.defaultUrl, context));
  }
  return registries;
}

/** Problems with the settings, for the configuration's error message (credentials never echoed). */
export function registrySettingProblems(settings: RegistrySettings): string[] {
  const problems: string[] = [];
  for (const entry of REGISTRIES) {
    const value = settings[entry.kind].trim();
    if (value === OFF || value === '') {
      continue;
    }
    try {
      entry.check(value);
    } catch (error) {
      problems.push(`${entry.variable}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}
