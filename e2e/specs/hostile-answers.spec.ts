// Issue 23: script URLs from a hostile vcs.v1 answer never become links, image sources or the login popup's
// location, and no dialog fires (the URL policy, src/domain/safeUrl.ts); a gzip bomb for a profile is "too large" in
// the panel, and the tab lives on.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openFlameGraph, openFunctionDetails } from './support/app';
import {
  gzipBombProfile,
  hostileGithubApp,
  hostileSourceAnswers,
  SCRIPT_URL,
  watchDialogs,
} from './support/hostile-source-server';

const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';

async function openDetails(page: Page): Promise<Locator> {
  return openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
}

/** Every href and src in the document, as the browser resolves them. */
async function linkTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[href], [src]'), (el) => {
      const value = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      return new URL(value, document.baseURI).href;
    })
  );
}

test.describe('a hostile source server', () => {
  for (const authorizeURL of [
    'javascript:alert(document.domain)//https://github.com/login/oauth/authorize',
    'JaVaScRiPt:alert(document.domain)',
    ' javascript:alert(document.domain)',
    'data:text/html,<script>alert(document.domain)</script>',
  ]) {
    test(`GithubApp's authorize URL ${JSON.stringify(authorizeURL)} never becomes the popup's location`, async ({
      page,
      context,
    }) => {
      const dialogs = watchDialogs(context);
      const app = await hostileGithubApp(context, authorizeURL);
      const panel = await openDetails(page);
      const popupOpened = page.waitForEvent('popup');
      await panel.getByTestId('github-connect').click();
      const popup = await popupOpened;
      // The popup (opened with noopener) starts on the plugin's callback page and goes to the authorize page only
      // when the panel hands it a URL that passed the policy: record every place it goes.
      const visited = [popup.url()];
      popup.on('framenavigated', (frame) => {
        if (frame === popup.mainFrame()) {
          visited.push(frame.url());
        }
      });
      await expect(panel.getByTestId('github-login-error')).toContainText(
        "Could not start the GitHub login: the source server named a GitHub authorize page that is not GitHub's"
      );
      if (!popup.isClosed()) {
        // Told there is nothing to open, the callback page closes itself once it has loaded and said hello.
        await popup.waitForEvent('close', { timeout: 45_000 }).catch(() => undefined);
      }
      expect(visited.filter((url) => !/^(about:blank$|https?:)/.test(url))).toEqual([]);
      expect(
        visited.filter((url) => !url.startsWith('about:') && !/\/a\/linescope-app\/github\/callback/.test(url))
      ).toEqual([]);
      expect(app.calls).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
    });
  }

  test('GetFile’s javascript: URL, GetCommits’ commit page and avatar become no link and no image', async ({
    page,
    context,
  }) => {
    const dialogs = watchDialogs(context);
    const changed = await hostileSourceAnswers(context);
    const panel = await openDetails(page);

    // The real login (PKCE through the GitHub double), then the changed answers.
    const popupOpened = page.waitForEvent('popup');
    await panel.getByTestId('github-connect').click();
    const popup = await popupOpened;
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await closed;
    await expect(panel.getByTestId('code-view')).toBeVisible();
    await expect(panel.getByTestId('commit-details')).toBeVisible();
    expect(changed.files).toBeGreaterThan(0);
    expect(changed.commits).toBeGreaterThan(0);

    // The links are built from the repository instead of the hostile URL; the avatar is left out.
    await expect(panel.getByTestId('source-link-file')).toHaveAttribute(
      'href',
      /^https:\/\/github\.com\/linescope-demo\/shop-go\/blob\/[0-9a-f]{40}\/catalog\/search\.go#L\d+$/
    );
    await expect(panel.getByTestId('commit-details').locator('img')).toHaveCount(0);
    const targets = await linkTargets(page);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(new URL(target).protocol, target).toMatch(/^(https?|blob):$/);
    }
    expect(await page.content()).not.toContain(SCRIPT_URL);

    // Following the file link goes to GitHub's page (stopped here: no network), never runs script.
    await context.route('https://github.com/**', (route) => route.abort());
    const opened = context.waitForEvent('page');
    await panel.getByTestId('source-link-file').click();
    const tab = await opened;
    await tab.waitForLoadState().catch(() => {});
    expect(dialogs).toEqual([]);
  });

  test('a gzip bomb for the call site’s profile says "too large" in the panel, and the page lives on', async ({
    page,
    context,
  }) => {
    const graph = await openFlameGraph(page, 'shop-go');
    // Only the panel's profile (SelectMergeProfile) is the bomb; the flame graph is already drawn.
    const bomb = await gzipBombProfile(context);
    const panel = await openFunctionDetails(page, graph, GO_SEARCH);
    const error = panel.getByTestId('linescope-function-details-error');
    await expect(error).toContainText('The profile is too large: it inflates to more, more than the 128 MiB');
    await expect(error).toContainText('Narrow the time range or the label selector');
    expect(bomb.calls).toBeGreaterThan(0);
    // The tab still works: the flame graph answers a click.
    await expect(page.getByTestId('flameGraph')).toBeVisible();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });
});
