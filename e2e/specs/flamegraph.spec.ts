// The flame graph of every sample service renders from the recorded profiles, through /api/ds/query, the source
// server in gateway mode and the querier double.
import { expect, test } from '@playwright/test';
import { openFlameGraph, screenshot } from './support/app';

const services: Array<{ service: string; hot: string }> = [
  { service: 'shop-go', hot: 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search' },
  { service: 'shop-python', hot: 'Catalog.search' },
  { service: 'shop-java', hot: 'com/linescope/shop/Catalog.search' },
];

for (const { service, hot } of services) {
  test(`flame graph renders for ${service}`, async ({ page }) => {
    const graph = await openFlameGraph(page, service);
    expect(graph.root.label).toBe('total');
    expect(graph.root.value).toBeGreaterThan(0);
    expect(graph.nodes.map((n) => n.label)).toContain(hot);
    // The top table beside the canvas lists the functions: the one with the most self time comes first.
    const selfByName = new Map<string, number>();
    graph.nodes.forEach((n) => selfByName.set(n.label, (selfByName.get(n.label) ?? 0) + n.self));
    const [top] = [...selfByName.entries()].sort((a, b) => b[1] - a[1])[0];
    await expect(page.getByRole('row').nth(1)).toContainText(top.slice(0, 20));
    await screenshot(page, `flamegraph-${service}`);
  });
}
