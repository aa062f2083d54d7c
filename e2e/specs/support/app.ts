// Page helpers for the Linescope specs: open the flame graph of a service, click a function's bar, read the panel.
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import path from 'node:path';
import { flameNodes, onlyNode, pointOf, type FlameNode } from './flame-geometry';

export const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
/** Pyroscope's Node SDK sends wall-time profiles. */
export const WALL = 'wall:wall:nanoseconds:wall:nanoseconds';
// The default Grafana combination's screenshots are the ones docs/ shows (npm run docs:screenshots); global-setup
// sends another combination's to a folder of their own.
export const SCREENSHOTS =
  process.env.LINESCOPE_E2E_SCREENSHOTS ?? path.resolve(__dirname, '../../artifacts/screenshots');

export function flameGraphUrl(service: string, profileType = CPU): string {
  const params = new URLSearchParams({
    datasource: 'pyroscope',
    profileType,
    query: `{service_name="${service}"}`,
    from: 'now-1h',
    to: 'now',
  });
  return `/a/linescope-app/flamegraph?${params}`;
}

export interface OpenedFlameGraph {
  root: FlameNode;
  nodes: FlameNode[];
}

/** Opens the flame graph page of a service and returns the layout of the frame the page received. */
export async function openFlameGraph(page: Page, service: string, profileType = CPU): Promise<OpenedFlameGraph> {
  const isQuery = (r: Response) =>
    r.url().includes('/api/ds/query') && (r.request().postData() ?? '').includes(`service_name=\\"${service}\\"`);
  const response = page.waitForResponse(isQuery);
  await page.goto(flameGraphUrl(service, profileType));
  const body = await (await response).json();
  const result = body.results?.A ?? Object.values(body.results ?? {})[0];
  expect(result?.error, 'the flame graph query failed').toBeUndefined();
  const { root, nodes } = flameNodes(result.frames[0]);
  await expect(page.getByTestId('flameGraph')).toBeVisible();
  return { root, nodes };
}

/** Clicks the bar of a function (the only node with that name) to open the flame graph's context menu. */
export async function clickFunction(page: Page, graph: OpenedFlameGraph, functionName: string): Promise<void> {
  const canvas = page.getByTestId('flameGraph');
  const box = await canvas.boundingBox();
  if (!box) {
    throw new Error('the flame graph canvas is not visible');
  }
  const node = onlyNode(graph.nodes, functionName);
  await canvas.click({ position: pointOf(node, graph.root, box.width) });
}

export async function openFunctionDetails(page: Page, graph: OpenedFlameGraph, functionName: string) {
  await clickFunction(page, graph, functionName);
  await page.getByRole('menuitem', { name: 'Function details' }).click();
  const panel = page.getByTestId('linescope-function-details');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('linescope-row-function-name')).toContainText(functionName);
  return panel;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Connect through the popup: the double's Authorize page, then our callback page, which closes itself. */
export async function connect(page: Page, panel: Locator, screenshotName?: string) {
  const connectButton = panel.getByTestId('github-connect');
  await expect(connectButton).toBeVisible();
  await expect(connectButton).toHaveText(/Connect to linescope-demo\/shop-/);
  const popupPromise = page.waitForEvent('popup');
  await connectButton.click();
  const popup = await popupPromise;
  const authorize = popup.getByRole('button', { name: 'Authorize' });
  // The popup first loads Grafana on the plugin's callback page, which asks the panel for the authorize URL.
  await expect(authorize).toBeVisible({ timeout: 45_000 });
  expect(new URL(popup.url()).searchParams.get('redirect_uri')).toMatch(/\/a\/linescope-app\/github\/callback$/);
  if (screenshotName) {
    await popup.screenshot({ path: path.join(SCREENSHOTS, `${screenshotName}.png`) });
  }
  const closed = popup.waitForEvent('close');
  await authorize.click();
  await closed;
  await expect(panel.getByTestId('github-connected')).toBeVisible();
}

