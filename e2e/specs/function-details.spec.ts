// Function details from a flame-graph click: name, file, start line and the per-line numbers of each version,
// compared with `go tool pprof -list` (the samples' golden answers) and the sample sources.
import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSampleGolden, readSampleLabels } from '../../samples/profiles';
import { clickFunction, connect, openFlameGraph, openFunctionDetails, screenshot } from './support/app';

const SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const SOURCES = path.resolve(__dirname, '../../samples/sources');

/** The line of `func (c *Catalog) Search(` in the sample source of a version: the start line, independently. */
function goStartLine(version: string, file: string, method: string): number {
  const lines = readFileSync(path.join(SOURCES, 'shop-go', version, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => new RegExp(`^func (\\([^)]*\\) )?${method}\\(`).test(l));
  expect(index, `func ${method} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

function golden(profile: string, name: string) {
  const report = readSampleGolden(profile)!.reports.find((r) => r.sampleIndex === 'cpu')!;
  const fn = report.functions.find((f) => f.name === name);
  expect(fn, `${name} in the golden of ${profile}`).toBeDefined();
  return fn!;
}

const NS_SCALE: Record<string, number> = { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9, min: 60e9, hour: 3600e9 };

/**
 * A displayed duration ("2.74 s", "750 ms", "–") equals a golden nanosecond value when the golden value, in the
 * displayed unit and rounded to the displayed decimals, is the displayed number.
 */
function expectDuration(text: string, goldenNs: number, what: string) {
  if (goldenNs === 0) {
    expect(text.trim(), what).toBe('–');
    return;
  }
  const m = /^(-?\d+(?:\.(\d+))?)\s*(ns|µs|ms|s|min|hour)$/.exec(text.trim());
  expect(m, `${what}: "${text}" is a duration`).not.toBeNull();
  const decimals = m![2]?.length ?? 0;
  expect(Number((goldenNs / NS_SCALE[m![3]]).toFixed(decimals)), `${what}: "${text}" vs ${goldenNs} ns`).toBe(Number(m![1]));
}

/** Every golden line appears in the breakdown with the same self and total; lines without samples show dashes. */
async function expectBreakdown(panel: Locator, fn: ReturnType<typeof golden>) {
  const rows = panel.getByTestId('linescope-breakdown-line');
  for (const line of fn.lines) {
    // The cells after the line number: self, its share, total, its share (a gutter cell may come before it).
    const cells = panel.locator(`[data-testid="linescope-breakdown-line"][data-line="${line.line}"] th ~ td`);
    await expect(cells.first()).toBeVisible();
    expectDuration(await cells.nth(0).innerText(), line.flat, `self of line ${line.line}`);
    expectDuration(await cells.nth(2).innerText(), line.cum, `total of line ${line.line}`);
  }
  const sampled = await rows.evaluateAll((els) =>
    els.filter((el) => [...el.querySelectorAll('th ~ td')].some((td, i) => (i === 0 || i === 2) && td.textContent !== '–')).map((el) => Number(el.getAttribute('data-line')))
  );
  expect(sampled.sort((a, b) => a - b)).toEqual(fn.lines.map((l) => l.line));
}

test('Function details shows name, file, start line and per-line numbers of each commit (golden answers)', async ({ page }) => {
  const graph = await openFlameGraph(page, 'shop-go');
  const panel = await openFunctionDetails(page, graph, SEARCH);

  const v1 = readSampleLabels('shop-go-v1.cpu').service_git_ref;
  const v2 = readSampleLabels('shop-go-v2.cpu').service_git_ref;
  const commits = panel.getByTestId('linescope-commit-choice');
  const commit = (sha: string) => commits.getByRole('radio', { name: new RegExp(`^${sha.slice(0, 7)}`) });
  await expect(commit(v1)).toBeVisible();
  await expect(commit(v2)).toBeVisible();

  for (const [label, sha, profile] of [
    ['v1', v1, 'shop-go-v1.cpu'],
    ['v2', v2, 'shop-go-v2.cpu'],
  ] as const) {
    await commit(sha).check();
    await expect(commit(sha)).toBeChecked();
    const fn = golden(profile, SEARCH);
    await expect(panel.getByTestId('linescope-row-file')).toContainText(fn.file);
    await expect(panel.getByTestId('linescope-row-start-line')).toHaveText(
      new RegExp(`^Start line\\s*${goStartLine(label, 'catalog/search.go', 'Search')}$`)
    );
    await expectBreakdown(panel, fn);
    await screenshot(page, `function-details-shop-go-${label}`);
  }
});

for (const { service, fn, file, startLine } of [
  // Python frames carry start lines; JFR records none, so Java's start line is unknown ("–").
  { service: 'shop-python', fn: 'Catalog.search', file: '/opt/linescope-samples/shop-python/shop/catalog.py', startLine: /^Start line\s*\d+$/ },
  { service: 'shop-java', fn: 'com/linescope/shop/Catalog.search', file: 'com/linescope/shop/Catalog.java', startLine: /^Start line\s*(\d+|–)$/ },
]) {
  test(`Function details opens for ${service}`, async ({ page }) => {
    const graph = await openFlameGraph(page, service);
    const panel = await openFunctionDetails(page, graph, fn);
    await expect(panel.getByTestId('linescope-row-file')).toContainText(file);
    await expect(panel.getByTestId('linescope-row-start-line')).toHaveText(startLine);
    await expect(panel.getByTestId('linescope-breakdown-line').first()).toBeVisible();
    await screenshot(page, `function-details-${service}`);
  });
}

// Timed, not asserted: printed with each `npm run e2e` so that a slower build shows (shop-go's CPU profiles are the
// largest recorded ones; its flame graph merges both versions).
test('what a user waits for: menu click to the numbers, Connect to the source (printed)', async ({ page }) => {
  const graph = await openFlameGraph(page, 'shop-go');
  await clickFunction(page, graph, SEARCH);
  const menuItem = page.getByRole('menuitem', { name: 'Function details' });
  await menuItem.waitFor();
  const clicked = performance.now();
  await menuItem.click();
  const panel = page.getByTestId('linescope-function-details');
  await panel.getByTestId('linescope-breakdown-line').first().waitFor();
  const toNumbers = performance.now() - clicked;

  const connecting = performance.now();
  await connect(page, panel);
  const toSession = performance.now() - connecting;
  await panel.getByTestId('code-view-row').first().waitFor();
  const toSource = performance.now() - connecting;

  const timings =
    `menu click → per-line numbers ${toNumbers.toFixed(0)} ms; Connect → source ${toSource.toFixed(0)} ms ` +
    `(of which the popup until connected ${toSession.toFixed(0)} ms)`;
  console.log(`what a user waits for (shop-go, ${SEARCH}): ${timings}`);
  test.info().annotations.push({ type: 'timing', description: timings });
  await expect(panel.getByTestId('code-view-row').first()).toBeVisible();
});
