// Dependencies from their package registries, end to end: a Go module's frame (shop-go v1.2.0's golang.org/x/text,
// through the module proxy) and an npm package's frame (shop-node v1.1.0's @noble/hashes, at the version its
// package-lock.json names) open with the package's own file beside the numbers and a line saying where it came
// from; a private package the registry does not have says which registry and version were tried. The registry
// double serves the files recorded from the real registries (e2e/registry-doubles/fixtures/).
import { expect, test, type Page } from '@playwright/test';
import { connect, openFlameGraph, openFunctionDetails, screenshot, WALL, type OpenedFlameGraph } from './support/app';
import { pointOf } from './support/flame-geometry';
import { expectFromRegistry, expectPackageFileBesideTheNumbers } from './support/registry-source';

/**
 * Opens the details of a function that sits on more than one stack (@noble/hashes' hashC also runs, briefly, from
 * another caller) by its widest bar; the panel shows the function over all its stacks either way.
 */
async function openWidestFunctionDetails(page: Page, graph: OpenedFlameGraph, functionName: string) {
  const widest = graph.nodes.filter((n) => n.label === functionName).sort((a, b) => b.value - a.value)[0];
  expect(widest, `${functionName} in the flame graph`).toBeDefined();
  const canvas = page.getByTestId('flameGraph');
  const box = await canvas.boundingBox();
  await canvas.click({ position: pointOf(widest, graph.root, box!.width) });
  await page.getByRole('menuitem', { name: 'Function details' }).click();
  const panel = page.getByTestId('linescope-function-details');
  await expect(panel.getByTestId('linescope-row-function-name')).toContainText(functionName);
  return panel;
}

test.describe('dependencies from package registries', () => {
  test('Go: golang.org/x/text from the Go module proxy, at the version in the module cache path', async ({ page }) => {
    const graph = await openFlameGraph(page, 'shop-go-deps');
    const panel = await openFunctionDetails(page, graph, 'golang.org/x/text/search.(*Pattern).IndexString');
    await connect(page, panel);
    await expectPackageFileBesideTheNumbers(panel, 'goproxy/golang.org/x/text@v0.21.0/search/search.go', 'go');
    await expectFromRegistry(
      panel,
      'From the Go module proxy: golang.org/x/text v0.21.0',
      /^https:\/\/127\.0\.0\.1:\d+\/goproxy\/golang\.org\/x\/text\/@v\/v0\.21\.0\.info$/
    );
    await screenshot(page, 'registry-source-go');
  });

  test('Node.js: @noble/hashes from the npm registry, at the version package-lock.json names', async ({ page }) => {
    const graph = await openFlameGraph(page, 'shop-node-deps', WALL);
    const panel = await openWidestFunctionDetails(page, graph, 'hashC');
    await connect(page, panel);
    await expectPackageFileBesideTheNumbers(panel, 'npm/@noble/hashes@1.8.0/utils.js', 'javascript');
    await expectFromRegistry(
      panel,
      'From the npm registry: @noble/hashes 1.8.0',
      /^https:\/\/127\.0\.0\.1:\d+\/npm\/@noble%2fhashes\/1\.8\.0$/
    );
  });

  test('a private package the registry does not have: Why no source? names the registry and the version', async ({
    page,
  }) => {
    const graph = await openFlameGraph(page, 'shop-node-deps', WALL);
    const panel = await openFunctionDetails(page, graph, 'canonicalJson');
    await connect(page, panel);
    const why = panel.getByTestId('why-no-source');
    await expect(why).toBeVisible();
    const attempts = why.getByTestId('why-no-source-attempts');
    await expect(attempts).toContainText('the npm registry: @linescope-demo/canonical-json');
    await expect(attempts).toContainText('1.0.0');
    await expect(attempts).toContainText('registry:npm');
    await expect(attempts).toContainText('is not on the npm registry');
    await expect(panel.getByTestId('code-view')).toHaveCount(0);
  });
});
