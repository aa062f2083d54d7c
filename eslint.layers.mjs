// The plugin's layers, lowest first, and what each may import besides itself. ARCHITECTURE.md draws the same
// picture; eslint.config.mjs turns this table into the lint rule, and src/layers.node.test.ts shows that it bites.
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

/**
 * The rule: each layer may import itself and what the table lists (tests: also `extra`); a host's folder what the
 * source layer may, and of the hosts' folders only its own.
 */
export function layerRule(extra = []) {
  const source = pluginLayers.find(({ type }) => type === 'source');
  return [
    'error',
    {
      default: 'disallow',
      message: '${file.type} is below ${dependency.type}: it may import only its own layer and lower ones',
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
