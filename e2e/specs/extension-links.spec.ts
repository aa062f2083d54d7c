// "Open in Linescope" as Grafana offers it: the host loads the app for an extension point only because plugin.json
// declares the link there (boot data), checks the registered link against plugin.json, and shows it on Explore's
// toolbar and in a dashboard panel's menu. Both must land on the same flame graph.
import { expect, test, type Page } from '@playwright/test';
import { CPU } from './support/app';

const PANES = {
  pane1: {
    datasource: 'pyroscope',
    queries: [
      {
        refId: 'A',
        datasource: { type: 'grafana-pyroscope-datasource', uid: 'pyroscope' },
        queryType: 'profile',
        profileTypeId: CPU,
        labelSelector: '{service_name="shop-go"}',
      },
    ],
    range: { from: 'now-1h', to: 'now' },
  },
};

/** Where the link went and the flame graph query the page then ran. */
async function landing(page: Page, click: () => Promise<void>) {
  const query = page.waitForRequest((r) => r.url().includes('/api/ds/query'));
  await click();
  await expect(page).toHaveURL(/\/a\/linescope-app\/flamegraph\?/);
  const body = (await query).postDataJSON();
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  const params = Object.fromEntries(new URL(page.url()).searchParams);
  const { datasource, profileTypeId, labelSelector } = body.queries[0];
  return { params, query: { datasource: datasource.uid, profileTypeId, labelSelector } };
}

test('Open in Linescope from Explore and from a dashboard panel opens the same flame graph', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Could not register link extension|doesn't match the description/.test(m.text())) {
      problems.push(m.text());
    }
  });

  await page.goto(`/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(PANES))}`);
  await expect(page.getByTestId('host-explore')).toBeVisible();
  const fromExplore = await landing(page, async () => {
    await page.getByTestId('host-explore-add').click();
    await page.getByRole('menuitem', { name: 'Open in Linescope' }).click();
  });

  await page.goto('/d/linescope-profiles/service-profiles');
  await expect(page.getByTestId('host-dashboard')).toBeVisible();
  const fromPanel = await landing(page, async () => {
    // The menu button shows when the pointer is over the panel, as in Grafana.
    await page.getByText('CPU of shop-go').hover();
    await page.getByRole('button', { name: 'Menu for panel CPU of shop-go' }).click();
    await page.getByRole('menuitem', { name: 'Extensions' }).hover();
    await page.getByRole('menuitem', { name: 'Open in Linescope' }).click();
  });

  expect(fromExplore.params).toEqual({ datasource: 'pyroscope', profileType: CPU, query: '{service_name="shop-go"}', from: 'now-1h', to: 'now' });
  expect(fromPanel.params).toEqual(fromExplore.params);
  expect(fromPanel.query).toEqual(fromExplore.query);
  expect(fromExplore.query).toMatchObject({ datasource: 'pyroscope', profileTypeId: CPU, labelSelector: '{service_name="shop-go"}' });
  expect(problems).toEqual([]);
});

test('the link is not offered for a query of another data source', async ({ page }) => {
  const other = { pane1: { ...PANES.pane1, datasource: 'loki', queries: [{ refId: 'A', datasource: { type: 'loki', uid: 'loki' }, expr: '{app="x"}' }] } };
  await page.goto(`/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(other))}`);
  await page.getByTestId('host-explore-add').click();
  await expect(page.getByRole('menuitem', { name: 'Add to dashboard' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Open in Linescope' })).toHaveCount(0);
});
