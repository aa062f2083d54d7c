// A service whose profiles carry no version labels (and so no build-id version JSON): the panel still shows the
// numbers, and says which labels are missing.
import { expect, test } from '@playwright/test';
import { openFlameGraph, openFunctionDetails, screenshot } from './support/app';

test('a service without labels says what is missing', async ({ page }) => {
  const graph = await openFlameGraph(page, 'shop-python-unlabelled');
  const panel = await openFunctionDetails(page, graph, 'Catalog.search');
  const repository = panel.getByTestId('linescope-row-repository');
  await expect(repository).toContainText('unknown');
  await expect(panel.getByTestId('linescope-breakdown-line').first()).toBeVisible();
  await expect(panel).toContainText('no repository is known for this version');
  await repository.getByText('unknown').hover();
  await expect(page.getByRole('tooltip')).toContainText('service_repository');
  await expect(page.getByRole('tooltip')).toContainText('service_git_ref');
  await screenshot(page, 'function-details-missing-labels');
});
