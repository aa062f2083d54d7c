// App settings: an admin switches Function details off (the menu item disappears) and on again; a viewer cannot
// change the settings, neither in the UI nor through the API.
import { expect, test, type Page } from '@playwright/test';
import { clickFunction, openFlameGraph, screenshot } from './support/app';

const SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const SETTINGS_PAGE = '/plugins/linescope-app?page=configuration';

async function setFunctionDetails(page: Page, on: boolean) {
  await page.goto(SETTINGS_PAGE);
  const form = page.getByTestId('linescope-config-form');
  await expect(form).toBeVisible();
  const toggle = form.getByTestId('linescope-config-enable-function-details');
  await (on ? toggle.check({ force: true }) : toggle.uncheck({ force: true }));
  await screenshot(page, `settings-function-details-${on ? 'on' : 'off'}`);
  // Saving reloads the page (Grafana caches the plugin meta per page load).
  await Promise.all([page.waitForEvent('load'), form.getByTestId('linescope-config-save').click()]);
  const meta = await (await page.request.get('/api/plugins/linescope-app/settings')).json();
  expect(meta.jsonData?.enableFunctionDetails).toBe(on);
}

test('an admin switches Function details off: the menu item is gone, and back on', async ({ page }) => {
  await page.goto('/a/linescope-app');
  await expect(page.getByTestId('host-user-role')).toHaveText('Admin');
  try {
    await setFunctionDetails(page, false);
    const graph = await openFlameGraph(page, 'shop-go');
    await clickFunction(page, graph, SEARCH);
    // The flame graph's own menu opens, without Linescope's item.
    await expect(page.getByRole('menuitem', { name: 'Copy function name' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Function details' })).toHaveCount(0);
    await screenshot(page, 'menu-without-function-details');
  } finally {
    await setFunctionDetails(page, true);
  }
  const graph = await openFlameGraph(page, 'shop-go');
  await clickFunction(page, graph, SEARCH);
  await expect(page.getByRole('menuitem', { name: 'Function details' })).toBeVisible();
  await screenshot(page, 'menu-with-function-details');
});

test('a viewer cannot change the settings', async ({ page }) => {
  await page.goto(`/login/as/viewer?redirect=${encodeURIComponent(SETTINGS_PAGE)}`);
  await expect(page.getByTestId('host-user-role')).toHaveText('Viewer');
  // Grafana shows config pages only to users allowed to write plugin settings, and no nav link to them.
  await expect(page.getByTestId('plugin-overview')).toBeVisible();
  await expect(page.getByTestId('linescope-config-form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Configuration' })).toHaveCount(0);
  await screenshot(page, 'settings-viewer');

  // The API refuses the write from the viewer's session, and nothing changes.
  const before = await (await page.request.get('/api/plugins/linescope-app/settings')).json();
  const res = await page.request.post('/api/plugins/linescope-app/settings', {
    data: { enabled: true, pinned: true, jsonData: { ...before.jsonData, enableFunctionDetails: false } },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).message).toContain('plugins:write');
  const after = await (await page.request.get('/api/plugins/linescope-app/settings')).json();
  expect(after.jsonData).toEqual(before.jsonData);
  expect(after.enabled).toBe(true);

  // The app itself still works for the viewer.
  await openFlameGraph(page, 'shop-go');
});
