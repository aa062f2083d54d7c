// What changed, end to end on GitHub (shop-go) and GitLab (shop-go-gitlab): catalog.(*Catalog).Search at v1.1.0
// shows who last changed each line beside the numbers (line 16, rewritten by v1.1.0's commit, names it; line 30,
// unchanged since v1.0.0, names that one), and comparing v1.1.0 with v1.0.0 names v1.1.0's commit as the suspect
// of line 16, which got hotter; from the hot line to the commit's page is one click on its sha.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CPU, openFunctionDetails, screenshot } from './support/app';
import { connectThroughPopup } from './support/connect';
import { flameNodes } from './support/flame-geometry';

const SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const shaOf = (version: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../samples/profiles/shop-go-${version}.cpu.labels.json`), 'utf8'))
    .service_git_ref as string;
const V100_SHA = shaOf('v1');
const V110_SHA = shaOf('v2');

/** The flame graph of a label selection over the last hour, and Function details of Search in it. */
async function openSearch(page: Page, query: string) {
  const params = new URLSearchParams({ datasource: 'pyroscope', profileType: CPU, query, from: 'now-1h', to: 'now' });
  const response = page.waitForResponse((r) => r.url().includes('/api/ds/query'));
  await page.goto(`/a/linescope-app/flamegraph?${params}`);
  const body = await (await response).json();
  const result = body.results?.A ?? Object.values(body.results ?? {})[0];
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  return openFunctionDetails(page, flameNodes(result.frames[0]), SEARCH);
}

const historyOf = (panel: Locator, line: number) =>
  panel.locator(
    `[data-testid="code-view-row"][data-line="${line}"] [data-testid="linescope-function-details-line-history"]`
  );
const blameOf = (panel: Locator, line: number) =>
  panel.locator(`[data-testid="code-view-row"][data-line="${line}"] [data-testid="linescope-function-details-blame"]`);

for (const { service, host, commitPath } of [
  { service: 'shop-go', host: 'github' as const, commitPath: `/commit/${V110_SHA}` },
  { service: 'shop-go-gitlab', host: 'gitlab' as const, commitPath: `/-/commit/${V110_SHA}` },
]) {
  test(`${service}: blame beside the hot lines of Search, and the suspect commit of v1.1.0 against v1.0.0`, async ({
    page,
  }) => {
    const v110 = `{service_name="${service}", version="v1.1.0"}`;
    const v100 = `{service_name="${service}", version="v1.0.0"}`;
    const panel = await openSearch(page, v110);
    await connectThroughPopup(page, panel, host);

    // Blame beside the numbers: v1.1.0's commit rewrote lines 16-17, the rest of the loop is v1.0.0's.
    await expect(panel.getByTestId('code-view')).toBeVisible();
    const line16 = blameOf(panel, 16);
    await expect(line16).toHaveAttribute('data-sha', V110_SHA);
    await expect(line16).toContainText('index the catalog once, fold names without allocating');
    await expect(line16).toHaveAttribute('data-recent', 'true');
    await expect(blameOf(panel, 30)).toHaveAttribute('data-sha', V100_SHA);
    // Each sampled line over the range, beside its numbers.
    await expect(historyOf(panel, 30)).toBeVisible();
    // One click from the hot line to the commit on the host.
    await expect(line16.getByRole('link', { name: V110_SHA.slice(0, 7) })).toHaveAttribute(
      'href',
      new RegExp(`/linescope-demo/shop-go${commitPath.replace(/[/-]/g, '\\$&')}$`)
    );
    await line16.scrollIntoViewIfNeeded();
    await screenshot(page, `blame-${service}`);

    // Compare with v1.0.0: line 16 got hotter, and v1.1.0's commit changed it.
    const compare = panel.getByTestId('linescope-compare');
    await compare.getByRole('button', { name: /Compare with/ }).click();
    await compare.getByRole('radio', { name: 'Labels' }).click();
    await compare.getByRole('textbox').fill(v100);
    await compare.getByRole('button', { name: 'Compare', exact: true }).click();
    const suspects = panel.getByTestId('linescope-compare-suspects');
    const suspect = suspects.getByRole('listitem').first();
    await expect(suspect).toContainText('index the catalog once, fold names without allocating');
    await expect(suspect).toHaveAttribute('data-sha', V110_SHA);
    await expect(suspect.getByRole('button', { name: /^16 \(\+/ })).toBeVisible();
    await expect(suspect.getByRole('link', { name: V110_SHA.slice(0, 7) })).toHaveAttribute(
      'href',
      new RegExp(`${commitPath.replace(/[/-]/g, '\\$&')}$`)
    );
    // The line's button scrolls the comparison to it.
    await suspect.getByRole('button', { name: /^16 \(\+/ }).click();
    await expect(panel.locator('[data-testid="linescope-compare-line"][data-key="line:16"]')).toBeInViewport();
    await suspects.scrollIntoViewIfNeeded();
    await screenshot(page, `suspects-${service}`);
  });
}

test('shop-go over the last hour: each hot line of Search over time, with the deployment of v1.1.0 marked', async ({
  page,
}) => {
  const panel = await openSearch(page, '{service_name="shop-go"}');
  await connectThroughPopup(page, panel, 'github');
  // v1.0.0 ran 40 minutes ago, v1.1.0 now: line 30 has a chart, and the commit change is marked on it.
  const history = historyOf(panel, 30);
  await expect(history).toBeVisible();
  await expect(history.getByRole('img')).toHaveAttribute('data-commit-changes', /^\d+$/);
  await expect(history.getByTestId('line-history-commit-change')).toHaveCount(1);
  await expect(history).toHaveAttribute(
    'title',
    /^Line 30 over the range: total from .* to .*; the commit changed once$/
  );
  // The blame beside it too, for the picture of all three.
  await expect(blameOf(panel, 17)).toBeVisible();
  await screenshot(page, 'line-history-shop-go');
});
