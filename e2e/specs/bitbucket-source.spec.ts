// Bitbucket Cloud end to end: shop-go-bitbucket (shop-go's profiles labelled https://bitbucket.org/linescope-demo/shop-go)
// shows "Connect to Bitbucket"; the popup goes to the Bitbucket double's consumer page and back to the plugin's
// callback page; the source appears with the numbers beside the right lines, with Bitbucket's src, annotate and
// commits links, which the double serves.
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { openFlameGraph, openFunctionDetails, screenshot, SCREENSHOTS } from './support/app';
import { expectSourceBesideNumbers, GO_SEARCH } from './support/go-source';

async function connectToBitbucket(page: Page, panel: Locator) {
  const connectButton = panel.getByTestId('bitbucket-connect');
  await expect(connectButton).toHaveText(/Connect to linescope-demo\/shop-go/);
  const popupPromise = page.waitForEvent('popup');
  await connectButton.click();
  const popup = await popupPromise;
  const grant = popup.getByRole('button', { name: 'Grant access' });
  // The popup first loads Grafana on the plugin's callback page, which asks the panel for the authorize URL.
  await expect(grant).toBeVisible({ timeout: 45_000 });
  const authorizeUrl = new URL(popup.url());
  expect(authorizeUrl.pathname).toBe('/site/oauth2/authorize');
  expect(authorizeUrl.searchParams.get('response_type')).toBe('code');
  expect(authorizeUrl.searchParams.get('state')).toMatch(/^bitbucket\./);
  // Bitbucket fixes the scopes on the consumer and documents no PKCE for Cloud: neither is sent.
  expect(authorizeUrl.searchParams.get('scope')).toBeNull();
  expect(authorizeUrl.searchParams.get('code_challenge')).toBeNull();
  await popup.screenshot({ path: path.join(SCREENSHOTS, 'bitbucket-authorize-popup.png') });
  const closed = popup.waitForEvent('close');
  await grant.click();
  await closed;
  await expect(panel.getByTestId('bitbucket-connected')).toBeVisible();
}

/** The page a link names, asked of the Bitbucket double that stands in for bitbucket.org. */
async function openOnDouble(href: string): Promise<number> {
  const url = new URL(href);
  return (await fetch(`${process.env.LINESCOPE_E2E_BITBUCKET_URL}${url.pathname}`)).status;
}

test('connect to Bitbucket and see the source of shop-go-bitbucket with its numbers and working links', async ({
  page,
}) => {
  const graph = await openFlameGraph(page, 'shop-go-bitbucket');
  const panel = await openFunctionDetails(page, graph, GO_SEARCH);
  await expect(panel.getByTestId('github-connect')).toHaveCount(0);
  await expect(panel.getByTestId('gitlab-connect')).toHaveCount(0);
  await connectToBitbucket(page, panel);

  await expect(panel.getByTestId('code-view')).toBeVisible();
  const fileLink = (await panel.getByTestId('source-link-file').getAttribute('href'))!;
  // Bitbucket's page of the file: <workspace>/<repo>/src/<sha>/<path>#lines-<n>
  const match = /\/linescope-demo\/shop-go\/src\/([0-9a-f]{40})\/(catalog\/search\.go)#lines-\d+$/.exec(fileLink);
  expect(match, fileLink).not.toBeNull();
  await expectSourceBesideNumbers(panel, match![1], match![2]);
  const blameLink = (await panel.getByTestId('source-link-blame').getAttribute('href'))!;
  expect(blameLink).toMatch(/\/linescope-demo\/shop-go\/annotate\/[0-9a-f]{40}\/catalog\/search\.go#lines-\d+$/);
  const commitLink = (await panel.getByTestId('source-link-commit').getAttribute('href'))!;
  expect(commitLink).toMatch(/\/linescope-demo\/shop-go\/commits\/[0-9a-f]{40}$/);
  for (const link of [fileLink, blameLink, commitLink]) {
    expect({ link, status: await openOnDouble(link) }).toEqual({ link, status: 200 });
  }
  await screenshot(page, 'source-go-bitbucket');

  // Disconnect ends the Bitbucket session only.
  await panel.getByTestId('bitbucket-disconnect').click();
  await expect(panel.getByTestId('bitbucket-connect')).toBeVisible();
});
