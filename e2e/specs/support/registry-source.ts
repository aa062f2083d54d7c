// A dependency's file as the panel shows it when it came from a package registry (the stack's registry double,
// serving files recorded from the real registries under e2e/registry-doubles/fixtures/).
import { expect, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RECORDED_DIR } from '../../registry-doubles/recorded';
import { expectRowsShowLines, readHotRows } from './code-rows';

/** Every sampled row shows the package file's own text at its line, with its total, and some line self time. */
export async function expectPackageFileBesideTheNumbers(panel: Locator, recordedFile: string, language: string) {
  const view = panel.getByTestId('code-view');
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('data-language', language);
  const rows = await readHotRows(view);
  expectRowsShowLines(rows, readFileSync(path.join(RECORDED_DIR, recordedFile), 'utf8').split('\n'));
  expect(rows.some((r) => r.self !== '' && r.self !== '–')).toBe(true);
}

/**
 * Where the file came from, with the package's page at that version (the stack's registry double is served over
 * https, as a company's own proxy or registry is, so its page passes the panel's URL policy), and no repository
 * links: it is not the service's file.
 */
export async function expectFromRegistry(panel: Locator, from: string, page: RegExp) {
  await expect(panel.getByTestId('linescope-package-source')).toHaveText(from);
  const link = panel.getByTestId('linescope-package-source-link').getByRole('link');
  await expect(link).toHaveText(/Package page/);
  await expect(link).toHaveAttribute('href', page);
  await expect(panel.getByTestId('source-link-file')).toHaveCount(0);
}
