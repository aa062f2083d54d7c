// Times in tests are UTC whatever the machine's zone.
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const shared = {
  ...base,
  transform: {
    ...base.transform,
    // d3-color / d3-array ship only .mjs; the scaffold's transform regex skips .mjs.
    '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
  // ESM-only dependencies (Grafana's list, Octokit's tree, yaml's browser build, msw's helpers) are transformed.
  transformIgnorePatterns: [
    nodeModulesToTransform([
      ...grafanaESModules,
      '@octokit',
      'universal-user-agent',
      'before-after-hook',
      'fast-content-type-parse',
      'json-with-bigint',
      'content-type',
      'yaml',
      'until-async',
      'bottleneck',
      'modern-tar',
    ]) + '(?!.*\\.mjs$)',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    // React components and browser logic: jsdom with the scaffold's setup plus a canvas mock for the flame graph.
    {
      ...shared,
      displayName: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.node\\.test\\.ts$'],
    },
    // Network code, the source server, samples and doubles: real Node globals (fetch), no DOM.
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/jest-node-setup.js'],
      testMatch: [
        '<rootDir>/src/**/*.node.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/packages/**/*.test.ts',
        '<rootDir>/samples/**/*.test.ts',
        '<rootDir>/e2e/**/*.test.ts',
        '<rootDir>/catalog/**/*.test.ts',
        '<rootDir>/docs/**/*.test.ts',
        '<rootDir>/test/**/*.test.ts',
        '<rootDir>/packages/**/*.test.ts',
      ],
    },
  ],
};
