// Grafana's own session while the panel stays open: the e2e stack's host needs its session token rotated every
// few seconds (Grafana's default is 10 minutes). A 401 that reaches the browser is Grafana's: the source must
// still load and GitHub stay connected; only a session that really ended signs the user out, Grafana's way.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openFlameGraph, openFunctionDetails, screenshot } from './support/app';
import { E2E_TOKEN_ROTATION_INTERVAL_MS } from './support/global-setup';

const GO_SEARCH = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';
/** The host shell's switch for a tab that misses the scheduled rotation (a laptop asleep, a throttled tab). */
const SUSPEND_ROTATION_KEY = 'linescope-host.suspendTokenRotation';

async function connect(page: Page, panel: Locator) {
  const popupPromise = page.waitForEvent('popup');
  await panel.getByTestId('github-connect').click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;
  await expect(panel.getByTestId('github-connected')).toBeVisible();
  await expect(panel.getByTestId('code-view')).toBeVisible();
}

/** Picks the other of shop-go's two versions: a GetFile the panel has not made yet. */
async function switchCommit(page: Page, panel: Locator) {
  const options = panel.getByTestId('linescope-commit-choice').getByRole('radio');
  const checked = (await options.nth(0).isChecked()) ? 0 : 1;
  const before = await panel.getByTestId('source-link-file').getAttribute('href');
  await options.nth(checked).focus();
  await page.keyboard.press(checked === 0 ? 'ArrowRight' : 'ArrowLeft');
  return before;
}

/** Status codes of the browser's vcs.v1 GetFile calls and of its token rotations, in order. */
function watch(page: Page) {
  const getFile: number[] = [];
  const rotations: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/vcs.v1.VCSService/GetFile')) {
      getFile.push(r.status());
    }
    if (r.url().endsWith('/api/user/auth-tokens/rotate') && r.request().method() === 'POST') {
      rotations.push(r.status());
    }
  });
  return { getFile, rotations };
}

async function gitSessionCookie(page: Page) {
  return (await page.context().cookies()).find((c) => c.name === 'pyroscope_git_session');
}

test.describe("Grafana's session", () => {
  test('open past the rotation interval: the scheduled rotation keeps the session, the source loads, GitHub stays connected', async ({ page }) => {
    const seen = watch(page);
    const panel = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
    await connect(page, panel);
    await page.waitForTimeout(E2E_TOKEN_ROTATION_INTERVAL_MS + 2000);
    expect(seen.rotations.length, 'the frontend rotated on schedule').toBeGreaterThan(0);
    const before = await switchCommit(page, panel);
    await expect(panel.getByTestId('source-link-file')).not.toHaveAttribute('href', before!);
    await expect(panel.getByTestId('code-view')).toBeVisible();
    await expect(panel.getByTestId('github-connected')).toBeVisible();
    expect(seen.getFile.every((s) => s === 200)).toBe(true);
  });

  test('a tab that missed the rotation: the vcs.v1 call gets Grafana’s 401, rotates, retries; GitHub stays connected', async ({ page }) => {
    await page.context().addInitScript((key) => window.sessionStorage.setItem(key, '1'), SUSPEND_ROTATION_KEY);
    const seen = watch(page);
    const panel = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
    await connect(page, panel);
    const cookie = await gitSessionCookie(page);
    await page.waitForTimeout(E2E_TOKEN_ROTATION_INTERVAL_MS + 1000);
    const rotationsBefore = seen.rotations.length;
    const callsBefore = seen.getFile.length;
    const before = await switchCommit(page, panel);
    await expect(panel.getByTestId('source-link-file')).not.toHaveAttribute('href', before!);
    await expect(panel.getByTestId('code-view')).toBeVisible();
    expect(seen.getFile.slice(callsBefore)).toEqual([401, 200]);
    expect(seen.rotations.slice(rotationsBefore)).toEqual([200]);
    await expect(panel.getByTestId('github-connected')).toBeVisible();
    expect((await gitSessionCookie(page))?.value).toBe(cookie?.value);
  });

  test("a session that ended: Grafana signs the user out; signed in again, GitHub is still connected", async ({ page }) => {
    const panel = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
    await connect(page, panel);
    const cookie = await gitSessionCookie(page);
    const revoked = await page.request.post('/__host/sessions/revoke');
    expect(revoked.ok()).toBe(true);
    await switchCommit(page, panel);
    // BackendSrv's rotation is refused: Grafana signs out, the reload lands on its login page.
    await expect(page.getByTestId('host-login')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'grafana-signed-out');
    expect((await gitSessionCookie(page))?.value).toBe(cookie?.value);

    await page.getByRole('link', { name: /Sign in as Admin/ }).click();
    await expect(page).toHaveURL(/\/a\/linescope-app\/flamegraph\?/);
    const again = await openFunctionDetails(page, await openFlameGraph(page, 'shop-go'), GO_SEARCH);
    await expect(again.getByTestId('github-connected')).toBeVisible();
    await expect(again.getByTestId('code-view')).toBeVisible();
  });
});
