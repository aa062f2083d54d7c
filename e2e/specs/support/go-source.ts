// shop-go's source as the panel shows it, whichever Git host serves it: each hot line's code is the sample's line at
// that commit, with a number beside it.
import { expect, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectRowsShowLines, readHotRows } from './code-rows';

const SAMPLES = path.resolve(__dirname, '../../../samples');
export const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';

/** The sample version (v1, v2) of a shop-go commit, from the profiles' labels. */
export function shopGoVersionOf(sha: string): string {
  for (const version of ['v1', 'v2']) {
    const labels = JSON.parse(
      readFileSync(path.join(SAMPLES, 'profiles', `shop-go-${version}.cpu.labels.json`), 'utf8')
    );
    if (labels.service_git_ref.startsWith(sha)) {
      return version;
    }
  }
  throw new Error(`no shop-go sample at ${sha}`);
}

/** The code view shows shop-go's `file` at `sha`, a total beside every hot line and self time beside some. */
export async function expectSourceBesideNumbers(panel: Locator, sha: string, file: string) {
  const view = panel.getByTestId('code-view');
  await expect(view).toBeVisible();
  const lines = readFileSync(path.join(SAMPLES, 'sources', 'shop-go', shopGoVersionOf(sha), file), 'utf8').split('\n');
  const rows = await readHotRows(view);
  expectRowsShowLines(rows, lines);
  // A hot line may only call out (total, no self), but some line of the function spends time itself.
  expect(rows.filter((row) => /\d/.test(row.self)).length).toBeGreaterThan(0);
}
