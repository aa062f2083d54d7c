// Issue 6 end to end: connect to GitHub through the popup and the double's Authorize page, the source beside the
// numbers for Go, Python and Java, switching commits, overriding repository and ref, disconnecting, an expiring
// session, and a frame whose source cannot be found.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { connect, openFlameGraph, openFunctionDetails, screenshot } from './support/app';
import { readHotRows } from './support/code-rows';

const SAMPLES = path.resolve(__dirname, '../../samples');

const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
const PY_SEARCH = 'Catalog.search';
const JAVA_SEARCH = 'com/linescope/shop/Catalog.search';

/** The sample version (v1, v2…) a commit sha of a sample repository was built from, from the profiles' labels. */
function sampleVersionOf(repo: string, sha: string): string {
  const names = readdirSync(path.join(SAMPLES, 'profiles'))
    .map((file) => /^(shop-[a-z]+-v\d+)\.cpu\.labels\.json$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined);
  const labels = names.map((name) => ({
    name,
    labels: JSON.parse(readFileSync(path.join(SAMPLES, 'profiles', `${name}.cpu.labels.json`), 'utf8')),
  }));
  const found = labels.find(
    (l) => l.labels.service_repository.endsWith(`/${repo}`) && l.labels.service_git_ref.startsWith(sha)
  );
  if (!found) {
    throw new Error(`no sample of ${repo} at ${sha}`);
  }
  return found.name.split('-').pop()!;
}

/** The file the code view shows, read from samples/sources through its "View file" link (…/blob/<ref>/<path>). */
function sourceLinesFor(fileLink: string): string[] {
  const url = new URL(fileLink);
  const [, , repo, , ref, ...rest] = url.pathname.split('/');
  const version = sampleVersionOf(repo, ref);
  return readFileSync(path.join(SAMPLES, 'sources', repo, version, ...rest), 'utf8').split('\n');
}

async function openDetails(page: Page, service: string, fn: string): Promise<Locator> {
  const graph = await openFlameGraph(page, service);
  return openFunctionDetails(page, graph, fn);
}

/** Every hot row of the code view shows the file's own text at its line number. */
async function expectNumbersBesideTheRightLines(panel: Locator): Promise<{ hottest: string; lines: string[] }> {
  const view = panel.getByTestId('code-view');
  await expect(view).toBeVisible();
  const fileLink = await panel.getByTestId('source-link-file').getAttribute('href');
  expect(fileLink).toBeTruthy();
  const lines = sourceLinesFor(fileLink!);
  const rows = await readHotRows(view);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.code, `line ${row.line}`).toBe(lines[row.line - 1]);
    expect(row.total, `line ${row.line}`).not.toBe('–');
  }
  const hottest = rows.find((r) => r.hottest);
  expect(hottest, 'the hottest line is in view').toBeDefined();
  return { hottest: hottest!.code, lines };
}

/** Moves the commit choice to the other of two versions with the keyboard; returns the new index. */
async function switchCommit(page: Page, panel: Locator): Promise<number> {
  const options = panel.getByTestId('linescope-commit-choice').getByRole('radio');
  const checked = (await options.nth(0).isChecked()) ? 0 : 1;
  await options.nth(checked).focus();
  await page.keyboard.press(checked === 0 ? 'ArrowRight' : 'ArrowLeft');
  return 1 - checked;
}

test.describe('GitHub connection and source', () => {
  test('connect through the popup; Go source with the numbers beside the right lines; links', async ({ page }) => {
    const panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await screenshot(page, 'github-connect-button');
    await connect(page, panel, 'github-authorize-popup');
    await expectNumbersBesideTheRightLines(panel);
    await expect(panel.getByTestId('source-link-blame')).toHaveAttribute(
      'href',
      /\/linescope-demo\/shop-go\/blame\/[0-9a-f]{40}\/catalog\/search\.go#L\d+$/
    );
    await expect(panel.getByTestId('source-link-commit')).toHaveAttribute(
      'href',
      /\/linescope-demo\/shop-go\/commit\/[0-9a-f]{40}$/
    );
    // GetCommits: author, date and message of the selected version.
    await expect(panel.getByTestId('commit-details')).toHaveText(/^\S+ on \w{3} \d{1,2}, \d{4} · \S.*/);
    await screenshot(page, 'source-go');
  });

  test('Python source with the numbers beside the right lines', async ({ page }) => {
    const panel = await openDetails(page, 'shop-python', PY_SEARCH);
    await connect(page, panel);
    await expectNumbersBesideTheRightLines(panel);
    await screenshot(page, 'source-python');
  });

  test('Java source with the numbers beside the right lines', async ({ page }) => {
    const panel = await openDetails(page, 'shop-java', JAVA_SEARCH);
    await connect(page, panel);
    await expectNumbersBesideTheRightLines(panel);
    await screenshot(page, 'source-java');
  });

  // Profiles as Pyroscope's SDKs make them (samples/profiles/sdk-*), read back from a real Pyroscope: the Java
  // agent's frames carry no file at all, the Go SDK's run on Go 1.26.
  for (const [service, fn] of [
    ['shop-go-sdk', GO_SEARCH],
    ['shop-python-sdk', PY_SEARCH],
    ['shop-java-sdk', JAVA_SEARCH],
  ] as const) {
    test(`source beside the numbers of a profile recorded by Pyroscope's SDK (${service})`, async ({ page }) => {
      const panel = await openDetails(page, service, fn);
      await connect(page, panel);
      await expectNumbersBesideTheRightLines(panel);
      await screenshot(page, `source-${service}`);
    });
  }

  test('switching the commit switches the numbers and the source together', async ({ page }) => {
    const panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await connect(page, panel);
    const first = await expectNumbersBesideTheRightLines(panel);
    const firstLink = await panel.getByTestId('source-link-file').getAttribute('href');
    const choice = panel.getByTestId('linescope-commit-choice');
    const options = choice.getByRole('radio');
    await expect(options).toHaveCount(2);
    // By keyboard: arrows move the choice within the radio group.
    const otherIndex = await switchCommit(page, panel);
    await expect(options.nth(otherIndex)).toBeChecked();
    await expect(panel.getByTestId('source-link-file')).not.toHaveAttribute('href', firstLink!);
    const second = await expectNumbersBesideTheRightLines(panel);
    expect(second.lines.join('\n')).not.toBe(first.lines.join('\n'));
    await screenshot(page, 'source-commit-switched');
  });

  test('override repository and ref, then reset', async ({ page }) => {
    const panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await connect(page, panel);
    await expect(panel.getByTestId('code-view')).toBeVisible();
    await panel.getByRole('button', { name: 'Override repository, ref and root path' }).click();
    const form = page.getByTestId('override-form');
    await form.getByTestId('override-repository').fill('github.com/linescope-demo');
    await form.getByTestId('override-save').click();
    await expect(form).toContainText('This is not a URL');
    await form.getByTestId('override-repository').fill('https://github.com/linescope-demo/shop-go');
    await form.getByTestId('override-ref').fill('v1.1.0');
    await screenshot(page, 'override-form');
    await form.getByTestId('override-save').click();
    await expect(form).toBeHidden();
    await expect(panel.getByText('overridden')).toBeVisible();
    await expect(panel.getByTestId('source-link-file')).toHaveAttribute('href', /\/blob\/[^/]+\/catalog\/search\.go/);
    await expect(panel.getByTestId('source-link-commit')).toHaveAttribute('href', /\/commit\/dd4f157/);
    await screenshot(page, 'override-active');
    // The override survives a reload (browser storage), then goes with "Reset for this service".
    const again = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
    await expect(again.getByText('overridden')).toBeVisible();
    await again.getByRole('button', { name: 'Override repository, ref and root path' }).click();
    await expect(page.getByTestId('override-ref')).toHaveValue('v1.1.0');
    await page.getByTestId('override-reset').click();
    await expect(again.getByText('overridden')).toBeHidden();
  });

  test('disconnect ends the session', async ({ page, context }) => {
    const panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await connect(page, panel);
    await expect(panel.getByTestId('code-view')).toBeVisible();
    await panel.getByRole('button', { name: 'Disconnect from GitHub' }).click();
    await expect(panel.getByTestId('github-connect')).toBeVisible();
    await expect(panel.getByTestId('code-view')).toBeHidden();
    expect((await context.cookies()).find((c) => c.name === 'pyroscope_git_session')).toBeUndefined();
    await screenshot(page, 'github-disconnected');
  });

  test('a session about to expire refreshes by itself; a rejected one offers to connect again', async ({
    page,
    context,
  }) => {
    let panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await connect(page, panel);
    await expect(panel.getByTestId('code-view')).toBeVisible();
    const before = (await context.cookies()).find((c) => c.name === 'pyroscope_git_session')?.value;
    // The token expires in a minute (inside the refresh margin): the page refreshes it at once after a reload.
    await page.evaluate(() => {
      const key = 'linescope.github.session';
      const stored = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...stored, tokenExpiresAt: Date.now() + 60_000 }));
    });
    const graph = await openFlameGraph(page, 'shop-go');
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/vcs.v1.VCSService/GithubRefresh'));
    panel = await openFunctionDetails(page, graph, GO_SEARCH);
    expect((await refreshed).status()).toBe(200);
    await expect
      .poll(async () => (await context.cookies()).find((c) => c.name === 'pyroscope_git_session')?.value)
      .not.toBe(before);
    await expect(panel.getByTestId('github-connected')).toBeVisible();
    await expect(panel.getByTestId('code-view')).toBeVisible();

    // Now the server no longer accepts the cookie (as after a key change): Grafana's 400 ends the session.
    const url = new URL(page.url());
    await context.addCookies([
      {
        name: 'pyroscope_git_session',
        value: btoa(JSON.stringify({ token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })),
        domain: url.hostname,
        path: '/',
      },
    ]);
    await switchCommit(page, panel);
    await expect(panel.getByTestId('github-connect')).toBeVisible();
    await expect(panel.getByTestId('github-session-problem')).toContainText('Connect again');
    await screenshot(page, 'github-session-ended');
    await connect(page, panel);
    await expect(panel.getByTestId('code-view')).toBeVisible();
  });

  test('a frame whose source cannot be found shows what was tried', async ({ page }) => {
    const panel = await openDetails(page, 'shop-go', GO_SEARCH);
    await connect(page, panel);
    // Point the service at a repository that has no such file.
    await panel.getByRole('button', { name: 'Override repository, ref and root path' }).click();
    await page.getByTestId('override-repository').fill('https://github.com/linescope-demo/shop-python');
    await page.getByTestId('override-ref').fill('main');
    await page.getByTestId('override-save').click();
    const why = panel.getByTestId('why-no-source');
    await expect(why).toBeVisible();
    await expect(why.getByTestId('why-no-source-attempts')).toContainText('search.go');
    await expect(why.getByTestId('why-no-source-inputs')).toContainText(
      'https://github.com/linescope-demo/shop-python'
    );
    await screenshot(page, 'why-no-source');
    await panel.getByRole('button', { name: 'Override repository, ref and root path' }).click();
    await page.getByTestId('override-reset').click();
    await expect(panel.getByTestId('code-view')).toBeVisible();
  });
});
