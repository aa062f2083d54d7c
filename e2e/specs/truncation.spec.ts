// A Pyroscope tenant that enforces its node limit on SelectMergeProfile: the panel asks for as many nodes as the
// tenant allows and, when the answer is still cut short, says which numbers may be low and why.
import { expect, test } from '@playwright/test';
import { openFlameGraph, openFunctionDetails, screenshot } from './support/app';

const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const limitsUrl = () => `${process.env.LINESCOPE_E2E_PYROSCOPE_URL}/__double/tenant-limits`;
const PYROSCOPE_DEFAULTS = { maxFlameGraphNodesOnSelectMergeProfile: false, maxFlameGraphNodesDefault: 8192, maxFlameGraphNodesMax: 1048576 };

test.afterEach(async ({ request }) => {
  await request.put(limitsUrl(), { data: PYROSCOPE_DEFAULTS });
});

test('a merge the tenant cut short: the panel says which numbers may be low, by how much, and why', async ({ page, request }) => {
  // The flame graph loads first: its own query asks for more nodes than this tenant will allow.
  const graph = await openFlameGraph(page, 'shop-go');
  const set = await request.put(limitsUrl(), { data: { maxFlameGraphNodesOnSelectMergeProfile: true, maxFlameGraphNodesMax: 24 } });
  expect(set.ok()).toBe(true);
  const asked = page.waitForResponse((r) => r.url().endsWith('/SelectMergeProfile') && r.status() === 200);
  const panel = await openFunctionDetails(page, graph, GO_SEARCH);
  await asked;
  const notice = panel.getByTestId('linescope-function-details-truncated');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Pyroscope cut this profile short');
  await expect(notice).toContainText(/of the call site\) no longer says which functions and lines it ran in/);
  await expect(notice).toContainText('may be low, by up to');
  await expect(panel.getByTestId('linescope-breakdown')).toBeVisible();
  await notice.scrollIntoViewIfNeeded();
  await screenshot(page, 'function-details-truncated');
});

test('the same tenant with the limit off: no notice', async ({ page }) => {
  const panel = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
  await expect(panel.getByTestId('linescope-breakdown')).toBeVisible();
  await expect(panel.getByTestId('linescope-function-details-truncated')).toHaveCount(0);
});
