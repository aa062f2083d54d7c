// The plugin's querier.v1 and vcs.v1 calls reach the source server through Grafana's data source proxy carrying
// only the keepCookies cookie: never the Grafana login cookie, never other cookies.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { openFlameGraph, openFunctionDetails } from './support/app';

interface ProxyLogEntry {
  session?: string;
  method: string;
  path: string;
  cookie?: string;
  status: number;
}

test('vcs.v1 calls reach the source server through the proxy with only the allowed cookie', async ({ page, context, baseURL }) => {
  // Any Grafana page signs the browser in (the grafana_session login cookie).
  await page.goto('/');
  const login = (await context.cookies()).find((c) => c.name === 'grafana_session');
  expect(login).toBeDefined();
  // This browser's entries in the host's proxy log (other specs may run beside this one).
  const mine = createHash('sha256').update(login!.value).digest('hex').slice(0, 12);
  const proxyLog = async () => ((await (await page.request.get('/__host/proxy-log')).json()) as ProxyLogEntry[]).filter((e) => e.session === mine);
  // A session cookie as the plugin writes it (base64 of {"token": …}), plus an unrelated one.
  const session = Buffer.from(JSON.stringify({ token: 'not-a-real-token' })).toString('base64');
  await context.addCookies([
    { name: 'pyroscope_git_session', value: session, url: baseURL! },
    { name: 'unrelated_cookie', value: 'x', url: baseURL! },
  ]);
  const logStart = (await proxyLog()).length;

  const graph = await openFlameGraph(page, 'shop-go');
  await openFunctionDetails(page, graph, 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search');
  await expect
    .poll(async () => {
      const log = (await proxyLog()).slice(logStart);
      return log.filter((e) => e.path.startsWith('/vcs.v1.VCSService/')).length;
    })
    .toBeGreaterThan(0);

  const log = (await proxyLog()).slice(logStart);
  const vcs = log.filter((e) => e.path.startsWith('/vcs.v1.VCSService/'));
  const querier = log.filter((e) => e.path.startsWith('/querier.v1.QuerierService/'));
  expect(querier.map((e) => e.path)).toContain('/querier.v1.QuerierService/SelectMergeProfile');
  // The server refuses this made-up session (401 → Grafana's 400), after which the plugin drops the cookie: so each
  // call carries exactly the allowed cookie or none, and the vcs.v1 calls before that carried it.
  for (const entry of [...vcs, ...querier]) {
    expect([`pyroscope_git_session=${session}`, undefined], `${entry.method} ${entry.path}`).toContain(entry.cookie);
  }
  expect(vcs.some((e) => e.cookie === `pyroscope_git_session=${session}`)).toBe(true);
  expect(querier.some((e) => e.cookie === `pyroscope_git_session=${session}`)).toBe(true);
  // The calls were answered by the source server (not refused by the proxy).
  expect(vcs.every((e) => e.status !== 502 && e.status !== 404)).toBe(true);
});
