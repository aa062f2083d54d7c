/**
 * The host table as resolution sees it, for resolution tests (resolve/ itself never imports the table): the hosts'
 * mapping shapes, and each host as a server with this environment runs it.
 */
import { loadConfig } from '../src/config';
import { HOST_MAPPINGS, HOST_TABLE, servesHost } from '../src/hosts/table';
import { resolutionHost } from '../src/rpc/hosts';
import { ResolutionHost } from '../src/resolve/resolution';

export { HOST_MAPPINGS };

/** Every host of the table under `env` (none configured: GitHub serves, as the default host). */
export function resolutionHostsFor(env: Record<string, string | undefined> = {}): ResolutionHost[] {
  const config = loadConfig(env);
  return HOST_TABLE.map((entry) => resolutionHost(entry, config, servesHost(config, entry)));
}
