// Playwright with Debian's Chromium against the standalone stack, started once by global-setup.ts on free ports.
// Run with `npm run e2e` (builds the plugin, the source server and the shell first).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: require.resolve('./specs/support/global-setup'),
  // Playwright empties this at start; give concurrent runs their own with LINESCOPE_E2E_OUTPUT.
  outputDir: process.env.LINESCOPE_E2E_OUTPUT ?? './artifacts/test-results',
  // One worker: specs share one stack, and the settings spec switches the feature off for everyone while it runs.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.LINESCOPE_E2E_URL,
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
