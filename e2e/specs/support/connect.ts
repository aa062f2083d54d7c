// Connecting the panel to a Git host through the doubles' authorize pages (the popup closes itself).
import { expect, type Locator, type Page } from '@playwright/test';

export async function connectThroughPopup(page: Page, panel: Locator, host: 'github' | 'gitlab'): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await panel.getByTestId(`${host}-connect`).click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;
  await expect(panel.getByTestId(`${host}-connected`)).toBeVisible();
}
