import { lintProbes } from '../src/test-support/lintProbes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractMessages, toLocaleJson } from './i18n';
import { LOCALE_FILE, localeJsonFromSources } from './i18n-extract';

const root = join(__dirname, '..');

describe("the plugin's English strings", () => {
  it('src/locales/en-US/linescope-app.json is what the sources say (npm run i18n-extract)', () => {
    expect(readFileSync(join(root, LOCALE_FILE), 'utf8')).toBe(localeJsonFromSources(root));
  });

  it('plugin.json declares the languages it ships', () => {
    const plugin = JSON.parse(readFileSync(join(root, 'src/plugin.json'), 'utf8'));
    expect(plugin.languages).toEqual(['en-US']);
  });

  it('reads t() calls and text-only <Trans>, as React renders the text', () => {
    const source = `
      const a = t('page.title', 'Flame graph');
      const b = t('page.matched', 'Nothing matched {{selector}}', { selector });
      const c = <Trans i18nKey="page.hint">
        Pick a wider
        time range.
      </Trans>;`;
    expect(toLocaleJson(extractMessages('src/a.tsx', source))).toEqual({
      page: { hint: 'Pick a wider time range.', matched: 'Nothing matched {{selector}}', title: 'Flame graph' },
    });
  });

  it('refuses one key with two English texts, and a <Trans> holding more than text', () => {
    expect(() => extractMessages('src/a.tsx', "t('k', 'One'); t('k', 'Two');")).toThrow(/"k" is "One" elsewhere/);
    expect(() => extractMessages('src/a.tsx', '<Trans i18nKey="k">Hi <b>there</b></Trans>')).toThrow(
      /holds more than text/
    );
  });
});

describe('the lint rule for views', () => {
  jest.setTimeout(60_000);

  it('refuses untranslated text and text props in a new view, and lets t() and Trans through', () => {
    const view = (body: string) =>
      `import React from 'react';\nimport { t, Trans } from '@grafana/i18n';\nexport const V = () => ${body};\n`;
    const probes = [
      view('<div>Hello</div>'),
      view('<div title="Hello" />'),
      view(`<div title={t('a.b', 'Hello')}><Trans i18nKey="a.c">Hi</Trans></div>`),
    ].map((code): [string, string] => ['src/pages/NewView.tsx', code]);
    const found = lintProbes(probes, '@grafana/i18n/no-untranslated-strings');
    expect(found.map((messages) => messages.length)).toEqual([1, 1, 0]);
  });
});
