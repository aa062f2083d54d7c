// GitLab end to end: shop-go-gitlab (shop-go's profiles labelled https://gitlab.com/linescope-demo/shop-go) shows
// "Connect to GitLab"; the popup goes to the GitLab double's authorize page (PKCE) and back to the same callback page;
// the source appears with the numbers beside the right lines, with GitLab's file, blame and commit links.
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { openFlameGraph, openFunctionDetails, screenshot, SCREENSHOTS } from './support/app';
import { expectSourceBesideNumbers, GO_SEARCH } from './support/go-source';

async function connectToGitlab(page: Page, panel: Locator) {
  const connectButton = panel.getByTestId('gitlab-connect');
  await expect(connectButton).toHaveText(/Connect to linescope-demo\/shop-go/);
  const popupPromise = page.waitForEvent('popup');
  await connectButton.click();
  const popup = await popupPromise;
  const authorize = popup.getByRole('button', { name: 'Authorize' });
  // The popup first loads Grafana on the plugin's callback page, which asks the panel for the authorize URL.
  await expect(authorize).toBeVisible({ timeout: 45_000 });
  const authorizeUrl = new URL(popup.url());
  expect(authorizeUrl.pathname).toBe('/oauth/authorize');
  expect(authorizeUrl.searchParams.get('redirect_uri')).toMatch(/\/a\/linescope-app\/github\/callback$/);
  expect(authorizeUrl.searchParams.get('state')).toMatch(/^gitlab\./);
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizeUrl.searchParams.get('scope')).toBe('read_api');
  await popup.screenshot({ path: path.join(SCREENSHOTS, 'gitlab-authorize-popup.png') });
  const closed = popup.waitForEvent('close');
  await authorize.click();
  await closed;
  await expect(panel.getByTestId('gitlab-connected')).toBeVisible();
}

test('connect to GitLab and see the source of shop-go-gitlab with its numbers', async ({ page }) => {
  const graph = await openFlameGraph(page, 'shop-go-gitlab');
  const panel = await openFunctionDetails(page, graph, GO_SEARCH);
  // GitHub's connection is not offered for a GitLab repository.
  await expect(panel.getByTestId('github-connect')).toHaveCount(0);
  await connectToGitlab(page, panel);

  await expect(panel.getByTestId('code-view')).toBeVisible();
  const fileLink = (await panel.getByTestId('source-link-file').getAttribute('href'))!;
  // GitLab's page of the file: <project>/-/blob/<sha>/<path>#L<n>
  const match = /\/linescope-demo\/shop-go\/-\/blob\/([0-9a-f]{40})\/(catalog\/search\.go)#L\d+$/.exec(fileLink);
  expect(match, fileLink).not.toBeNull();
  await expectSourceBesideNumbers(panel, match![1], match![2]);
  await expect(panel.getByTestId('source-link-blame')).toHaveAttribute(
    'href',
    /\/linescope-demo\/shop-go\/-\/blame\/[0-9a-f]{40}\/catalog\/search\.go#L\d+$/
  );
  await expect(panel.getByTestId('source-link-commit')).toHaveAttribute(
    'href',
    /\/linescope-demo\/shop-go\/-\/commit\/[0-9a-f]{40}$/
  );
  await screenshot(page, 'source-go-gitlab');

  // Disconnect ends the GitLab session only.
  await panel.getByTestId('gitlab-disconnect').click();
  await expect(panel.getByTestId('gitlab-connect')).toBeVisible();
});

test("a self-managed GitLab's repository (the double's own host) reads as GitLab's once the source server names it", async ({
  page,
}) => {
  // The source server's GITLAB_URL is the double's address: a host no public list knows, like gitlab.example.com.
  const selfManaged = `${process.env.LINESCOPE_E2E_GITLAB_URL}/linescope-demo/shop-go`;
  const graph = await openFlameGraph(page, 'shop-go-gitlab');
  const panel = await openFunctionDetails(page, graph, GO_SEARCH);
  await panel.getByRole('button', { name: 'Override repository, ref and root path' }).click();
  const form = page.getByTestId('override-form');
  await form.getByTestId('override-repository').fill(selfManaged);
  await form.getByTestId('override-save').click();
  await expect(form).toBeHidden();
  await expect(panel.getByText('overridden')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'linescope-demo/shop-go' })).toHaveAttribute('href', selfManaged);
  await expect(panel.getByTestId('github-connect')).toHaveCount(0);
  await connectToGitlab(page, panel);
  await expect(panel.getByTestId('code-view')).toBeVisible();
  await expect(panel.getByTestId('source-link-blame')).toHaveAttribute(
    'href',
    new RegExp(`^${selfManaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/-/blame/[0-9a-f]{40}/catalog/search\\.go#L\\d+$`)
  );
});
