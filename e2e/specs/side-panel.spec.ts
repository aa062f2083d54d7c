// The Function details side panel in a real browser: it fits its rows (long call sites, several commits), the
// code view scrolls sideways instead of cutting lines off, and its width follows the drag handle, the keyboard and
// the last choice made in this browser.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openFlameGraph, openFunctionDetails, screenshot } from './support/app';

const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';

async function openPanel(page: Page): Promise<Locator> {
  const graph = await openFlameGraph(page, 'shop-go');
  return openFunctionDetails(page, graph, GO_SEARCH);
}

const width = async (locator: Locator) => (await locator.boundingBox())!.width;

test('rows stay inside the panel; long source lines scroll inside the code view', async ({ page }) => {
  const panel = await openPanel(page);
  const popupPromise = page.waitForEvent('popup');
  await panel.getByTestId('github-connect').click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;
  const scroller = panel.getByTestId('code-view-scroll');
  await expect(scroller).toBeVisible();

  // Nothing in the rows reaches past the panel's right edge, at the default width and at the narrowest.
  const overflowingRows = () =>
    panel.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('dd, dd *')]
        .filter((child) => child.getBoundingClientRect().right > right + 1)
        .map((child) => child.textContent?.slice(0, 60));
    });
  expect(await overflowingRows()).toEqual([]);

  // Narrow the panel until the longest line does not fit: it scrolls into view instead of being cut off.
  const handle = page.getByRole('separator', { name: 'Resize Function details' });
  await handle.focus();
  await page.keyboard.press('End');
  expect(await overflowingRows()).toEqual([]);
  const scroll = await scroller.evaluate((el) => {
    const before = { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    el.scrollLeft = el.scrollWidth;
    const rows = [...el.querySelectorAll('[data-testid="code-view-code"]')];
    const widest = Math.max(...rows.map((r) => r.getBoundingClientRect().right));
    const view = el.getBoundingClientRect();
    // The numbers stay pinned at the left while the code scrolls under them.
    const hottest = el.querySelector('[data-hottest="true"]')!;
    const lineCell = hottest.querySelector('[role="cell"]')!.getBoundingClientRect();
    const totalCell = hottest.querySelector('[data-testid="code-view-total"]')!.getBoundingClientRect();
    return {
      ...before,
      scrollLeft: el.scrollLeft,
      widestRight: widest,
      viewRight: view.right,
      lineCellLeft: lineCell.left - view.left,
      totalCellInside: totalCell.left >= view.left && totalCell.right <= view.right,
    };
  });
  expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
  expect(scroll.scrollLeft).toBeGreaterThan(0);
  expect(scroll.widestRight).toBeLessThanOrEqual(scroll.viewRight + 1);
  expect(scroll.lineCellLeft).toBeLessThanOrEqual(1);
  expect(scroll.lineCellLeft).toBeGreaterThanOrEqual(0);
  expect(scroll.totalCellInside).toBe(true);
  await screenshot(page, 'code-view-scrolled-sideways');
});

test('the panel is resized by dragging and by the keyboard, and keeps its width after a reload', async ({ page }) => {
  const panel = await openPanel(page);
  const side = page.getByTestId('linescope-side-panel');
  const handle = page.getByRole('separator', { name: 'Resize Function details' });
  const initial = await width(side);
  const split = (await side.evaluate((el) => el.parentElement!.getBoundingClientRect().width)) as number;
  // About half the space beside Grafana's menu by default.
  expect(initial / split).toBeGreaterThan(0.45);
  expect(initial / split).toBeLessThan(0.55);

  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + 40, { steps: 5 });
  await page.mouse.up();
  const dragged = await width(side);
  expect(dragged).toBeGreaterThan(initial + 150);
  await screenshot(page, 'function-details-resized');

  await handle.focus();
  await page.keyboard.press('ArrowRight');
  const afterKey = await width(side);
  expect(afterKey).toBeLessThan(dragged);
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThan(50);

  await page.reload();
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  await openPanel(page);
  await expect(panel).toBeVisible();
  expect(Math.abs((await width(side)) - afterKey)).toBeLessThan(3);
});
