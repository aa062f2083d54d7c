// Walking the call graph in Function details: from main.handleRequest into the function its line 68 calls
// (catalog.(*Catalog).Search) and back, with the chosen commit kept, the breadcrumb, the browser's own back and
// forward, the flame graph highlighting the function shown, and a reload of the deep link.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readSampleLabels } from '../../samples/profiles';
import { openFlameGraph, openFunctionDetails, screenshot } from './support/app';

const HANDLE = 'main.handleRequest';
const SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
/** `hits := shop.Search(query, 24)` in main.go of both sample versions of shop-go. */
const SEARCH_CALL_LINE = 68;

const anchored = (name: string) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

function commitRadio(panel: Locator, sha: string) {
  return panel.getByTestId('linescope-commit-choice').getByRole('radio', { name: new RegExp(`^${sha.slice(0, 7)}`) });
}

async function expectShown(page: Page, panel: Locator, functionName: string, sha: string) {
  await expect(panel.getByTestId('linescope-row-function-name')).toContainText(functionName);
  await expect(commitRadio(panel, sha)).toBeChecked();
  expect(new URL(page.url()).searchParams.get('fdFunction')).toBe(functionName);
  await expect(page.getByPlaceholder('Search...')).toHaveValue(anchored(functionName));
}

test('walks from main.handleRequest into catalog.(*Catalog).Search and back, the commit kept, and reloads the link', async ({
  page,
}) => {
  // v1 is the smaller of the two versions, so it is not the one shown by default: keeping it is not a coincidence.
  const v1 = readSampleLabels('shop-go-v1.cpu').service_git_ref;
  const graph = await openFlameGraph(page, 'shop-go');
  const panel = await openFunctionDetails(page, graph, HANDLE);
  await commitRadio(panel, v1).check();
  await expectShown(page, panel, HANDLE, v1);

  // Called from: main.handleRequest is called by main.serve.
  await expect(panel.getByTestId('linescope-function-details-callers')).toContainText('main.serve');

  // The gutter disclosure of line 68, by keyboard.
  const toggle = panel.locator(
    `[data-testid="linescope-function-details-callee-toggle"][data-line="${SEARCH_CALL_LINE}"]`
  );
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const callees = panel.getByTestId('linescope-function-details-callees');
  await expect(callees).toContainText(SEARCH);
  await screenshot(page, 'function-details-callees');

  await callees.getByTestId('linescope-function-details-callee-link').filter({ hasText: SEARCH }).click();
  await expectShown(page, panel, SEARCH, v1);
  const breadcrumb = panel.getByTestId('linescope-function-details-breadcrumb');
  await expect(breadcrumb.getByRole('listitem')).toHaveText([HANDLE, SEARCH]);
  expect(JSON.parse(new URL(page.url()).searchParams.get('fdCallSite')!).slice(-2)).toEqual([HANDLE, SEARCH]);
  const deepLink = page.url();

  // Back with the panel's button, forward with Alt+→, back with the browser's own button.
  await breadcrumb.getByRole('button', { name: /^Back to the previous function/ }).click();
  await expectShown(page, panel, HANDLE, v1);
  // Back left the breadcrumb's tooltip under the mouse: move away, then give the panel the keyboard.
  await page.mouse.move(0, 0);
  await panel.getByTestId('linescope-row-function-name').click();
  await page.keyboard.press('Alt+ArrowRight');
  await expectShown(page, panel, SEARCH, v1);
  await page.goBack();
  await expectShown(page, panel, HANDLE, v1);
  await page.goForward();
  await expectShown(page, panel, SEARCH, v1);

  // The deep link opens the same Function details on a fresh page.
  await page.goto('about:blank');
  await page.goto(deepLink);
  const reopened = page.getByTestId('linescope-function-details');
  await expect(reopened).toBeVisible();
  await expectShown(page, reopened, SEARCH, v1);
});
