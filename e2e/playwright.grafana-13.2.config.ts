// The smoke specs on the second Grafana/React combination: Grafana 13.2 with React 19 (e2e/host/grafana-13.2), the
// same plugin dist/ as on 13.0. Run with `npm run e2e:matrix` after `npm run e2e:build` (the full set runs on 13.0).
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Flame graph, Function details, Connect and override (github-source), settings. */
export const SMOKE_SPECS = ['flamegraph', 'function-details', 'github-source', 'settings'];

export default defineConfig({
  ...base,
  testMatch: new RegExp(`/(${SMOKE_SPECS.join('|')})\.spec\.ts$`),
  metadata: { grafana: '13.2' },
  outputDir: process.env.LINESCOPE_E2E_OUTPUT ?? './artifacts/test-results-grafana-13.2',
});
