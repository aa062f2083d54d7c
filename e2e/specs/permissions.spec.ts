// Grafana's permissions as the plugin meets them: plugins:write is an org Admin's alone (a Grafana server admin who is
// only a Viewer in the org cannot change the settings), and querying needs datasources:query.
import { expect, test } from '@playwright/test';
import { flameGraphUrl, openFlameGraph } from './support/app';

const SETTINGS_PAGE = '/plugins/linescope-app?page=configuration';

test('a Grafana server admin who is not an org admin gets no settings form, and the API refuses the write', async ({ page }) => {
  await page.goto(`/login/as/serveradmin?redirect=${encodeURIComponent(SETTINGS_PAGE)}`);
  await expect(page.getByTestId('host-user-role')).toHaveText('Viewer');
  await expect(page.getByTestId('plugin-overview')).toBeVisible();
  await expect(page.getByTestId('linescope-config-form')).toHaveCount(0);
  const before = await (await page.request.get('/api/plugins/linescope-app/settings')).json();
  const res = await page.request.post('/api/plugins/linescope-app/settings', { data: { enabled: false } });
  expect(res.status()).toBe(403);
  expect((await res.json()).message).toContain('plugins:write');
  expect((await (await page.request.get('/api/plugins/linescope-app/settings')).json()).enabled).toBe(before.enabled);
  // As a Viewer in the org, the app itself works.
  await openFlameGraph(page, 'shop-go');
});

test('a user without an org role may not query: the flame graph says so', async ({ page }) => {
  await page.goto(`/login/as/norole?redirect=${encodeURIComponent(flameGraphUrl('shop-go'))}`);
  const proxied = await page.request.post('/api/datasources/proxy/uid/pyroscope/querier.v1.QuerierService/ProfileTypes', { data: {} });
  expect(proxied.status()).toBe(403);
  expect((await proxied.json()).message).toContain('datasources:query');
  await expect(page.getByText(/permissions needed: datasources:query|not allowed to query this data source/i).first()).toBeVisible();
});
