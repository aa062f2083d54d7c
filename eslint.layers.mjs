// The plugin's and the server's layers, lowest first, and what each may import besides itself. ARCHITECTURE.md
// draws the same pictures; eslint.config.mjs turns these tables into the lint rule, and src/layers.node.test.ts
// (plugin) and server/test/layers.test.ts (server) show that it bites.
export const pluginLayers = [
  // The per-line computation, shared with the CLI and the MCP server: below every plugin layer, it imports none.
  { type: 'lines', pattern: 'packages/lines/**', mayImport: [] },
  // The linescope command (CLI and MCP server) stands beside the plugin: it takes the computation, nothing of src/.
  { type: 'cli', pattern: 'packages/cli/**', mayImport: ['lines'] },
  { type: 'shared', pattern: 'src/{constants,testIds,queryClient,logger}.ts', mayImport: ['plugin-json'] },
  { type: 'plugin-json', pattern: 'src/plugin.json', mayImport: [] },
  { type: 'domain', pattern: 'src/domain/**', mayImport: ['lines'] },
  { type: 'pyroscope', pattern: 'src/pyroscope/**', mayImport: ['domain', 'shared'] },
  { type: 'source', pattern: 'src/source/**', mayImport: ['domain', 'shared'] },
  { type: 'settings', pattern: 'src/settings/**', mayImport: ['shared'] },
  { type: 'side-panel', pattern: 'src/side-panel/**', mayImport: ['shared'] },
  {
    type: 'function-details',
    pattern: 'src/function-details/**',
    mayImport: ['lines', 'domain', 'pyroscope', 'source', 'settings', 'shared'],
  },
  { type: 'flamegraph', pattern: 'src/flamegraph/**', mayImport: ['domain', 'pyroscope', 'shared'] },
  { type: 'extensions', pattern: 'src/extensions/**', mayImport: ['flamegraph', 'shared'] },
  {
    type: 'pages',
    pattern: 'src/pages/**',
    mayImport: ['function-details', 'flamegraph', 'side-panel', 'settings', 'source', 'pyroscope', 'domain', 'shared'],
  },
  {
    type: 'app',
    pattern: 'src/{app/**,module.tsx}',
    mayImport: ['pages', 'extensions', 'settings', 'source', 'shared', 'plugin-json'],
  },
  // Test helpers may reach anything; product code never imports them (only tests do).
  {
    type: 'test-support',
    pattern: 'src/test-support/**',
    mayImport: ['source', 'shared'],
  },
];

// The server: configuration, logs and metrics at the bottom; caches; sessions; what every Git host shares
// (hosts/*.ts and hosts/blame/); each host in its own folder, which imports no other host's; the host table, the
// one module that names the hosts; resolution; the RPCs; the server itself. resolve/ and rpc/ see the hosts only
// through the neutral modules and the table.
export const serverLayers = [
  { type: 'server-base', pattern: 'server/src/{config,config-reference,log,metrics}.ts', mayImport: [] },
  { type: 'server-cache', pattern: 'server/src/cache/**', mayImport: ['server-base'] },
  { type: 'server-session', pattern: 'server/src/session/**', mayImport: ['server-cache', 'server-base'] },
  {
    type: 'server-hosts',
    pattern: 'server/src/hosts/{*.ts,blame/**}',
    mayImport: ['server-session', 'server-cache', 'server-base'],
  },
  // One element per host folder (captured as `host`; blame/ is matched above, as neutral): a host imports its own
  // folder, never another host's.
  {
    type: 'server-host',
    pattern: 'server/src/hosts/*/**',
    capture: ['host'],
    mayImport: ['server-hosts', 'server-session', 'server-cache', 'server-base'],
    mayImportItself: [['server-host', { host: '${from.host}' }]],
  },
  {
    type: 'server-host-table',
    pattern: 'server/src/hosts/table.ts',
    // Matched before the neutral hosts/*.ts (an element is the first whose pattern matches).
    matchFirst: true,
    mayImport: ['server-host', 'server-hosts', 'server-session', 'server-cache', 'server-base'],
  },
  { type: 'server-gateway', pattern: 'server/src/gateway/**', mayImport: ['server-base'] },
  // The package registries, like the hosts: neutral parts (archives, lock files, the files cache, the interface),
  // one folder per registry that imports no other registry's, and the modules that name them all (the table,
  // frames to dependencies, the run-time set).
  {
    type: 'server-registry-table',
    pattern: 'server/src/registries/{table,dependency,runtime}.ts',
    matchFirst: true,
    mayImport: ['server-registry', 'server-registries', 'server-hosts', 'server-cache', 'server-base'],
  },
  {
    type: 'server-registries',
    pattern: 'server/src/registries/{*.ts,archive/**,locks/**}',
    mayImport: ['server-hosts', 'server-cache', 'server-base'],
  },
  {
    type: 'server-registry',
    pattern: 'server/src/registries/*/**',
    capture: ['registry'],
    mayImport: ['server-registries', 'server-hosts', 'server-cache', 'server-base'],
    mayImportItself: [['server-registry', { registry: '${from.registry}' }]],
  },
  {
    type: 'server-resolve',
    pattern: 'server/src/resolve/**',
    mayImport: ['server-registry-table', 'server-registries', 'server-hosts', 'server-cache', 'server-base'],
  },
  {
    type: 'server-rpc',
    pattern: 'server/src/rpc/**',
    mayImport: [
      'server-resolve',
      'server-registry-table',
      'server-host-table',
      'server-hosts',
      'server-session',
      'server-cache',
      'server-base',
    ],
  },
  {
    type: 'server-app',
    pattern: 'server/src/{server,main,index}.ts',
    mayImport: [
      'server-rpc',
      'server-gateway',
      'server-resolve',
      'server-registry-table',
      'server-host-table',
      'server-hosts',
      'server-session',
      'server-cache',
      'server-base',
    ],
  },
];

/**
 * Inside source/: each Git host's folder (`providers/<host>/`) is an element of its own, part of the source layer.
 * It imports its own folder, source/'s neutral code (core/, connection/) and the layers below, never another host's
 * folder: what two hosts share lives in the neutral folders. Listed before the layers, so it wins over `source`.
 */
export const hostFolder = { type: 'git-host', pattern: 'src/source/providers/*/**', capture: ['host'] };

/** The elements eslint-plugin-boundaries knows: each host's folder, then the layers. */
export const layerElements = [hostFolder, ...pluginLayers].map(({ type, pattern, capture }) => ({
  type,
  pattern,
  capture,
  mode: 'full',
}));

/** Tests sit beside the code they check and may also use the test helpers. */
export const TEST_FILES = [
  'src/**/*.test.{ts,tsx}',
  'src/**/testing/**',
  'packages/lines/**/*.test.ts',
  'packages/cli/test/**',
];

/** A layer that may import source/ may import the hosts' folders too (source/ itself picks them from its table). */
const withHosts = (types) => (types.includes('source') ? [...types, hostFolder.type] : types);

const LAYER_MESSAGE = '${file.type} is below ${dependency.type}: it may import only its own layer and lower ones';

/**
 * The plugin's rule: each layer may import itself and what the table lists (tests: also `extra`); a host's folder
 * what the source layer may, and of the hosts' folders only its own.
 */
export function layerRule(extra = []) {
  const source = pluginLayers.find(({ type }) => type === 'source');
  return [
    'error',
    {
      default: 'disallow',
      message: LAYER_MESSAGE,
      rules: [
        ...pluginLayers.map(({ type, mayImport }) => ({ from: type, allow: withHosts([type, ...mayImport, ...extra]) })),
        { from: hostFolder.type, allow: ['source', ...source.mayImport, ...extra] },
        { from: hostFolder.type, allow: [[hostFolder.type, { host: '${from.host}' }]] },
        {
          from: hostFolder.type,
          disallow: [[hostFolder.type, { host: '!${from.host}' }]],
          message:
            'providers/${file.host}/ imports providers/${dependency.host}/: a Git host folder never imports another; what hosts share goes in source/connection/ or source/core/',
        },
      ],
    },
  ];
}

/**
 * The server's rule: each layer may import itself (or, with `mayImportItself`, only the part of itself it names)
 * and what the table lists.
 */
export function serverLayerRule() {
  return [
    'error',
    {
      default: 'disallow',
      message: LAYER_MESSAGE,
      rules: serverLayers.map(({ type, mayImport, mayImportItself }) => ({
        from: type,
        allow: [...(mayImportItself ?? [type]), ...mayImport],
      })),
    },
  ];
}
