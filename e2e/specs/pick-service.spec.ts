// A newcomer's first minutes: open Linescope, pick each sample service in turn; each opens a flame graph, on a
// profile type the service sends (shop-node has only wall-clock profiles: it must not stay on CPU and show nothing).
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_PROFILES_DIR, readSampleLabels } from '../../samples/profiles';

const services = [
  ...new Set(
    readdirSync(SAMPLE_PROFILES_DIR)
      .filter((f) => f.endsWith('.labels.json'))
      .map((f) => readSampleLabels(f.replace(/\.labels\.json$/, '')).service_name)
  ),
].sort();

test('picking each sample service opens its flame graph', async ({ page }) => {
  test.setTimeout(30_000 * services.length);
  expect(services).toContain('shop-node');
  await page.goto('/a/linescope-app/flamegraph');
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  for (const service of services) {
    const picker = page.locator('#linescope-service');
    await picker.click();
    await picker.fill(service);
    await page.getByRole('option', { name: service, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`service_name%3D%22${service}%22`));
    await expect(page.getByTestId('flameGraph'), service).toBeVisible();
    await expect(page.getByTestId('linescope-flamegraph-empty'), service).toHaveCount(0);
    await expect(page.getByTestId('linescope-flamegraph-error'), service).toHaveCount(0);
    // Each recorded profile has its sample types (wall:sample:count, wall:wall:nanoseconds, …) under one name.
    const profileName = (new URL(page.url()).searchParams.get('profileType') ?? '').split(':')[0];
    expect(sampleNames(service), `${service} opens on a type it sends`).toContain(profileName);
  }
});

/** The profile names (`__name__`: process_cpu, wall, memory, …) the samples of one service carry. */
function sampleNames(service: string): string[] {
  return readdirSync(SAMPLE_PROFILES_DIR)
    .filter((f) => f.endsWith('.labels.json'))
    .map((f) => readSampleLabels(f.replace(/\.labels\.json$/, '')) as unknown as Record<string, string>)
    .filter((l) => l.service_name === service)
    .map((l) => l.__name__);
}
