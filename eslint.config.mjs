import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import baseConfig from './.config/eslint.config.mjs';
import { TEST_FILES, layerElements, layerRule, serverLayerRule, serverLayers } from './eslint.layers.mjs';
import { i18nConfig } from './eslint.i18n.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  // The scaffold's config only names src/: the server, the doubles and host, the samples and the benchmarks
  // are TypeScript too and get the same rules.
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.{ts,tsx}',
      'samples/**/*.ts',
      'bench/**/*.ts',
      'packages/**/*.ts',
      'catalog/**/*.ts',
      'docs/**/*.ts',
    ],
  },
  // The plugin's layers (ARCHITECTURE.md): a folder imports only the folders below it, a Git host's folder no other's.
  {
    files: ['src/**/*.{ts,tsx}', 'packages/lines/**/*.ts', 'packages/cli/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'boundaries/include': ['src/**/*', 'packages/lines/**/*', 'packages/cli/**/*'],
      'boundaries/elements': layerElements,
    },
    rules: { 'boundaries/element-types': layerRule() },
  },
  { files: TEST_FILES, rules: { 'boundaries/element-types': layerRule(['test-support']) } },
  // The server's layers (ARCHITECTURE.md): the same rule, with one element per Git host folder.
  {
    files: ['server/src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
      'boundaries/include': ['server/src/**/*'],
      'boundaries/elements': [
        ...serverLayers.filter((layer) => layer.matchFirst),
        ...serverLayers.filter((layer) => !layer.matchFirst),
      ].map(({ type, pattern, capture }) => ({
        type,
        pattern,
        mode: 'full',
        ...(capture ? { capture } : {}),
      })),
    },
    rules: { 'boundaries/element-types': serverLayerRule() },
  },
  ...i18nConfig,
  // e2e/registry-doubles/fixtures/: real packages' files recorded from their registries, kept as published.
  {
    ignores: [
      '**/out/',
      'e2e/artifacts/',
      'e2e/.data/',
      'server/dist/',
      'proto/gen/',
      'e2e/registry-doubles/fixtures/',
    ],
  },
]);
