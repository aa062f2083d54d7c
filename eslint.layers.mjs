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
  {
    type: 'server-resolve',
    pattern: 'server/src/resolve/**',
    mayImport: ['server-hosts', 'server-cache', 'server-base'],
  },
  {
    type: 'server-rpc',
    pattern: 'server/src/rpc/**',
    mayImport: ['server-resolve', 'server-host-table', 'server-hosts', 'server-session', 'server-cache', 'server-base'],
  },
  {
    type: 'server-app',
    pattern: 'server/src/{server,main,index}.ts',
    mayImport: [
      'server-rpc',
      'server-gateway',
      'server-resolve',
      'server-host-table',
      'server-hosts',
      'server-session',
      'server-cache',
      'server-base',
    ],
  },
];

/** Tests sit beside the code they check and may also use the test helpers. */
export const TEST_FILES = [
  'src/**/*.test.{ts,tsx}',
  'src/**/testing/**',
  'packages/lines/**/*.test.ts',
  'packages/cli/test/**',
];

/**
 * The rule: each layer may import itself (or, with `mayImportItself`, only the part of itself it names) and what
 * the table lists (tests: also `extra`).
 */
export function layerRule(extra = [], layers = pluginLayers) {
  return [
    'error',
    {
      default: 'disallow',
      message: '${file.type} is below ${dependency.type}: it may import only its own layer and lower ones',
      rules: layers.map(({ type, mayImport, mayImportItself }) => ({
        from: type,
        allow: [...(mayImportItself ?? [type]), ...mayImport, ...extra],
      })),
    },
  ];
}
