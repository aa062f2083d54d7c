// Azure DevOps end to end: shop-go-azure (shop-go's profiles labelled
// https://dev.azure.com/linescope-demo/shop/_git/shop-go) shows "Connect to Azure DevOps"; the popup goes to the
// Microsoft Entra ID double's consent page (the Azure DevOps resource's vso.code scope, a PKCE challenge) and back to
// the plugin's callback page; the source appears with the numbers beside the right lines, with Azure DevOps' file,
// blame and commit links, which the double serves.
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { openFlameGraph, openFunctionDetails, screenshot, SCREENSHOTS } from './support/app';
import { expectSourceBesideNumbers, GO_SEARCH } from './support/go-source';

const REPOSITORY_PAGE = 'https://dev.azure.com/linescope-demo/shop/_git/shop-go';

async function connectToAzureDevops(page: Page, panel: Locator) {
  const connectButton = panel.getByTestId('azure-devops-connect');
  await expect(connectButton).toHaveText(/Connect to linescope-demo\/shop\/shop-go/);
  const popupPromise = page.waitForEvent('popup');
  await connectButton.click();
  const popup = await popupPromise;
  const accept = popup.getByRole('button', { name: 'Accept' });
  // The popup first loads Grafana on the plugin's callback page, which asks the panel for the authorize URL.
  await expect(accept).toBeVisible({ timeout: 45_000 });
  const authorizeUrl = new URL(popup.url());
  expect(authorizeUrl.pathname).toMatch(/^\/[^/]+\/oauth2\/v2\.0\/authorize$/);
  expect(authorizeUrl.searchParams.get('response_type')).toBe('code');
  expect(authorizeUrl.searchParams.get('state')).toMatch(/^azure-devops\./);
  // Entra: the Azure DevOps resource's code scope (and a refresh token), PKCE with S256.
  expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual(
    expect.arrayContaining(['499b84ac-1321-427f-aa17-267ca6975798/vso.code', 'offline_access'])
  );
  expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  await popup.screenshot({ path: path.join(SCREENSHOTS, 'azure-devops-authorize-popup.png') });
  const closed = popup.waitForEvent('close');
  await accept.click();
  await closed;
  await expect(panel.getByTestId('azure-devops-connected')).toBeVisible();
}

/** The page a link names, asked of the Azure DevOps double that stands in for dev.azure.com. */
async function openOnDouble(href: string): Promise<number> {
  const url = new URL(href);
  return (await fetch(`${process.env.LINESCOPE_E2E_AZURE_DEVOPS_URL}${url.pathname}${url.search}`)).status;
}

test('connect to Azure DevOps and see the source of shop-go-azure with its numbers and working links', async ({
  page,
}) => {
  const graph = await openFlameGraph(page, 'shop-go-azure');
  const panel = await openFunctionDetails(page, graph, GO_SEARCH);
  for (const other of ['github', 'gitlab', 'bitbucket']) {
    await expect(panel.getByTestId(`${other}-connect`)).toHaveCount(0);
  }
  await connectToAzureDevops(page, panel);

  await expect(panel.getByTestId('code-view')).toBeVisible();
  // Azure DevOps' page of the file: _git/<repo>?path=/<path>&version=GC<sha>&line=<n>…&_a=contents
  const fileLink = new URL((await panel.getByTestId('source-link-file').getAttribute('href'))!);
  expect(`${fileLink.origin}${fileLink.pathname}`).toBe(REPOSITORY_PAGE);
  expect(fileLink.searchParams.get('path')).toBe('/catalog/search.go');
  expect(fileLink.searchParams.get('line')).toMatch(/^\d+$/);
  expect(fileLink.searchParams.get('_a')).toBe('contents');
  const sha = /^GC([0-9a-f]{40})$/.exec(fileLink.searchParams.get('version') ?? '')?.[1];
  expect(sha, fileLink.href).toBeDefined();
  await expectSourceBesideNumbers(panel, sha!, 'catalog/search.go');
  const blameLink = new URL((await panel.getByTestId('source-link-blame').getAttribute('href'))!);
  expect(`${blameLink.origin}${blameLink.pathname}`).toBe(REPOSITORY_PAGE);
  expect(blameLink.searchParams.get('version')).toBe(`GC${sha}`);
  expect(blameLink.searchParams.get('_a')).toBe('blame');
  const commitLink = (await panel.getByTestId('source-link-commit').getAttribute('href'))!;
  expect(commitLink).toMatch(new RegExp(`^${REPOSITORY_PAGE}/commit/[0-9a-f]{40}$`));
  for (const link of [fileLink.href, blameLink.href, commitLink]) {
    expect({ link, status: await openOnDouble(link) }).toEqual({ link, status: 200 });
  }
  await screenshot(page, 'source-go-azure-devops');

  // Disconnect ends the Azure DevOps session only.
  await panel.getByTestId('azure-devops-disconnect').click();
  await expect(panel.getByTestId('azure-devops-connect')).toBeVisible();
  await expect(panel.getByTestId('code-view')).toHaveCount(0);
});
