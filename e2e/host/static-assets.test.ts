// The icons and fonts @grafana/ui asks the host for at run time, and the 503 "starting" answers before the stack
// behind the host is up.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from './server';

let host: RunningHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linescope-host-assets-'));
  // A plugin.json is all the pages need of the plugin's build.
  const pluginDist = path.join(dataDir, 'dist');
  await fs.mkdir(pluginDist);
  await fs.writeFile(
    path.join(pluginDist, 'plugin.json'),
    JSON.stringify({ id: 'linescope-app', type: 'app', name: 'Linescope', info: { version: '1.2.3' } })
  );
  host = await startHost({ port: 0, dataDir, pluginDist, datasources: [], startingUntilReady: true });
});
afterAll(async () => {
  await host.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('before the stack is up', () => {
  it('answers pages with a 503 page that says Linescope is starting and reloads itself', async () => {
    const page = await fetch(`${host.url}/a/linescope-app`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('1');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<meta http-equiv="refresh" content="1" />');
    expect(html).toContain('Linescope is starting');
  });

  it('answers the API with a 503 JSON message, so no page gets an empty data source list', async () => {
    const settings = await fetch(`${host.url}/api/frontend/settings`);
    expect(settings.status).toBe(503);
    expect(await settings.json()).toEqual({ message: 'Linescope is starting; try again in a moment' });
  });
});

describe('once ready', () => {
  beforeAll(() => host.ready());

  it('serves pages', async () => {
    const page = await fetch(`${host.url}/a/linescope-app`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('window.grafanaBootData');
  });

  it.each(['Inter-Regular', 'Inter-Medium', 'Inter-Italic', 'Inter-MediumItalic'])(
    'serves the Inter face @grafana/ui names, %s.woff2',
    async (face) => {
      const font = await fetch(`${host.url}/public/fonts/inter/${face}.woff2`);
      expect(font.status).toBe(200);
      expect(font.headers.get('content-type')).toBe('font/woff2');
      expect(
        Buffer.from(await font.arrayBuffer())
          .subarray(0, 4)
          .toString('latin1')
      ).toBe('wOF2');
    }
  );

  it('serves the Roboto Mono face @grafana/ui names by its Google Fonts file name', async () => {
    const font = await fetch(
      `${host.url}/public/fonts/roboto/L0xTDF4xlVMF-BfR8bXMIhJHg45mwgGEFl0_3vrtSM1J-gEPT5Ese6hmHSh0mQ.woff2`
    );
    expect(font.status).toBe(200);
    expect(
      Buffer.from(await font.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1')
    ).toBe('wOF2');
  });

  it('answers 404 for fonts no package ships and refuses paths out of the font folder', async () => {
    expect((await fetch(`${host.url}/public/fonts/inter/Missing.woff2`)).status).toBe(404);
    expect((await fetch(`${host.url}/public/fonts/inter/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  // The icons the plugin's own views use, under the path @grafana/ui's Icon fetches them from ("github" is one
  // that @grafana/ui's package lacks).
  it.each([
    'github',
    'fire',
    'cog',
    'copy',
    'sync',
    'plus',
    'pen',
    'times',
    'signout',
    'info-circle',
    'history',
    'code-branch',
    'home',
    'thumbs-up',
    'angle-double-left',
  ])('serves the icon %s', async (name) => {
    const icon = await fetch(`${host.url}/public/build/img/icons/unicons/${name}.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg [^>]*viewBox="0 0 24 24"/);
  });

  it('still answers 404 for an icon nobody ships', async () => {
    expect((await fetch(`${host.url}/public/build/img/icons/unicons/no-such-icon.svg`)).status).toBe(404);
  });
});
