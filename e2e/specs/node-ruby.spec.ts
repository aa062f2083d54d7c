// Node.js (TypeScript through source maps) and Ruby end to end: the function's source beside its numbers, each
// sampled line showing the repository's text, and a frame without a file explained without a lookup.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openFlameGraph, openFunctionDetails, screenshot, WALL } from './support/app';
import { readHotRows } from './support/code-rows';

const SOURCES = path.resolve(__dirname, '../../samples/sources');

/** Connect through the popup: the double's Authorize page, then the plugin's callback page, which closes itself. */
async function connect(page: Page, panel: Locator) {
  const popupPromise = page.waitForEvent('popup');
  await panel.getByTestId('github-connect').click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;
  await expect(panel.getByTestId('github-connected')).toBeVisible();
}

/** Every sampled row of the code view shows the committed file's own text at its line number. */
async function expectSourceBesideTheNumbers(panel: Locator, file: string, language: string) {
  const view = panel.getByTestId('code-view');
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('data-language', language);
  const lines = readFileSync(path.join(SOURCES, file), 'utf8').split('\n');
  const rows = await readHotRows(view);
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) {
    if (row.line <= lines.length) {
      expect(row.code, `line ${row.line}`).toBe(lines[row.line - 1]);
    }
    expect(row.total, `line ${row.line}`).not.toBe('–');
  }
  // Highlighted: keywords are marked in the code.
  await expect(view.locator('[data-token="keyword"]').first()).toBeVisible();
  return rows;
}

test.describe('Node.js and Ruby source', () => {
  test('TypeScript: shop-node’s search, its lines from src/catalog.ts beside the numbers', async ({ page }) => {
    const graph = await openFlameGraph(page, 'shop-node', WALL);
    const panel = await openFunctionDetails(page, graph, 'search');
    await connect(page, panel);
    const rows = await expectSourceBesideTheNumbers(panel, 'shop-node/v1/src/catalog.ts', 'typescript');
    // The function's own lines (39-62) and matchScore's, which V8 inlined into it, all with numbers.
    expect(rows.some((r) => r.line >= 39 && r.line <= 62)).toBe(true);
    await expect(panel.getByTestId('source-link-file')).toHaveAttribute(
      'href',
      /\/linescope-demo\/shop-node\/blob\/[0-9a-f]{40}\/src\/catalog\.ts/
    );
    await screenshot(page, 'source-typescript');
  });

  test('Ruby: shop-ruby’s Shop::Catalog#search, its lines from lib/shop/catalog.rb beside the numbers', async ({
    page,
  }) => {
    const graph = await openFlameGraph(page, 'shop-ruby');
    const panel = await openFunctionDetails(page, graph, 'Shop::Catalog#search');
    await connect(page, panel);
    const rows = await expectSourceBesideTheNumbers(panel, 'shop-ruby/v1/lib/shop/catalog.rb', 'ruby');
    expect(rows.every((r) => r.line >= 37 && r.line <= 56)).toBe(true);
    await expect(panel.getByTestId('code-view')).toContainText('Lines 37–56');
    await screenshot(page, 'source-ruby');
  });

  /** A frame of the runtime's own library, its file from the runtime's repository, every GetFile with the version. */
  const RUNTIME_LIBRARY = [
    {
      what: 'Node’s node:crypto',
      service: 'shop-node',
      profileType: WALL,
      fn: 'createHash',
      language: 'javascript',
      link: /\/nodejs\/node\/blob\/v20\.20\.2\/lib\/crypto\.js/,
      text: 'function createHash(',
      runtimeVersion: 'v20.20.2',
    },
    {
      what: 'Ruby’s set.rb',
      service: 'shop-ruby',
      profileType: undefined,
      fn: 'Set#include?',
      language: 'ruby',
      link: /\/ruby\/ruby\/blob\/ruby_3_1\/lib\/set\.rb/,
      text: 'def include?(o)',
      runtimeVersion: '3.1.2',
    },
  ];
  for (const c of RUNTIME_LIBRARY) {
    test(`the runtime’s own library: ${c.what} (${c.fn}) from its repository, the labelled version sent`, async ({
      page,
    }) => {
      const bodies: unknown[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/vcs.v1.VCSService/GetFile')) {
          bodies.push(r.postDataJSON());
        }
      });
      const panel = await openFunctionDetails(page, await openFlameGraph(page, c.service, c.profileType), c.fn);
      await connect(page, panel);
      const view = panel.getByTestId('code-view');
      await expect(view).toHaveAttribute('data-language', c.language);
      await expect(panel.getByTestId('source-link-file')).toHaveAttribute('href', c.link);
      await expect(view).toContainText(c.text);
      expect(bodies.length).toBeGreaterThan(0);
      expect(bodies).toEqual(bodies.map(() => expect.objectContaining({ runtimeVersion: c.runtimeVersion })));
    });
  }

  /** Opens a function and checks the panel's explanation, with no GetFile asked. */
  async function expectNoLookup(page: Page, open: () => Promise<Locator>, reason: string, detail: string) {
    const lookups: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/vcs.v1.VCSService/GetFile')) {
        lookups.push(r.url());
      }
    });
    const panel = await open();
    const notLoaded = panel.getByTestId('linescope-source-not-loaded');
    await expect(notLoaded).toContainText(`Source not loaded: ${reason} ${detail}`);
    expect(lookups).toEqual([]);
  }

  test('a regular expression (V8) says why there is no source, and nothing is looked up', async ({ page }) => {
    const regexp = 'RegExp: ^SKU-(\\d{4})[0-8]$';
    await expectNoLookup(
      page,
      async () => openFunctionDetails(page, await openFlameGraph(page, 'shop-node', WALL), regexp),
      'a regular expression, which has no source file.',
      'V8 runs the regular expression /^SKU-(\\d{4})[0-8]$/ in its own compiled matcher'
    );
    await screenshot(page, 'no-source-regexp');
  });

  test('a C method (Ruby) says why there is no source, and nothing is looked up', async ({ page }) => {
    await expectNoLookup(
      page,
      async () => openFunctionDetails(page, await openFlameGraph(page, 'shop-ruby'), 'String#index'),
      'a method written in C, which has no source file.',
      'String#index is part of Ruby or of a C extension, so it has no Ruby file.'
    );
  });
});
