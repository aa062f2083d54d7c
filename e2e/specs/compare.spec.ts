// Compare with…: shop-go v1.1.0 against v1.0.0 as another label selection. The recorded profiles differ in
// catalog.(*Catalog).Search, whose line 17 went from strings.ToLower per product (v1.0.0) to a precomputed name
// (v1.1.0): that line's share of the whole profile fell most, so it heads the largest changes.
import { expect, test } from '@playwright/test';
import { readSampleGolden } from '../../samples/profiles';
import { CPU, openFunctionDetails, screenshot } from './support/app';
import { flameNodes } from './support/flame-geometry';

const SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const V110 = '{service_name="shop-go", version="v1.1.0"}';
const V100 = '{service_name="shop-go", version="v1.0.0"}';

/** Line 17's share of the whole profile in each version, from the goldens (`go tool pprof -list`). */
function line17Shares() {
  const share = (profile: string) => {
    const report = readSampleGolden(profile)!.reports.find((r) => r.sampleIndex === 'cpu')!;
    const fn = report.functions.find((f) => f.name === SEARCH && f.lines.some((l) => l.line === 17))!;
    return fn.lines.find((l) => l.line === 17)!.cum / report.total;
  };
  return { before: share('shop-go-v1.cpu'), after: share('shop-go-v2.cpu') };
}

test('Compare with another label selection puts the changed line of Search at the top of the largest changes', async ({
  page,
}) => {
  const params = new URLSearchParams({ datasource: 'pyroscope', profileType: CPU, query: V110, from: 'now-1h', to: 'now' });
  const response = page.waitForResponse((r) => r.url().includes('/api/ds/query'));
  await page.goto(`/a/linescope-app/flamegraph?${params}`);
  const body = await (await response).json();
  const result = body.results?.A ?? Object.values(body.results ?? {})[0];
  const graph = flameNodes(result.frames[0]);
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  const panel = await openFunctionDetails(page, graph, SEARCH);

  const compare = panel.getByTestId('linescope-compare');
  await compare.getByRole('button', { name: /Compare with/ }).click();
  await compare.getByRole('radio', { name: 'Labels' }).click();
  await compare.getByRole('textbox').fill(V100);
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compare).toContainText(`Compared with ${V100}`);

  const largest = panel.getByTestId('linescope-largest-changes');
  const first = largest.getByRole('button').first();
  await expect(first).toHaveAttribute('data-line', '17');
  const { before, after } = line17Shares();
  const points = Math.abs((after - before) * 100);
  await expect(first).toContainText(`−${points >= 10 ? points.toFixed(0) : points.toFixed(1)} pp`);

  // The list scrolls the code to the line, whose difference reads the same.
  await first.click();
  const row = panel.locator('[data-testid="linescope-compare-line"][data-key="line:17"]');
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('linescope-line-delta')).toContainText(`−${points >= 10 ? points.toFixed(0) : points.toFixed(1)} pp`);
  await expect(row.getByTestId('linescope-line-delta')).toHaveAttribute('aria-label', /better$/);

  // The comparison is in the URL, so the link can be shared.
  expect(new URL(page.url()).searchParams.get('compare')).toBe(`labels:${V100}`);
  await screenshot(page, 'compare-shop-go-versions');
});
