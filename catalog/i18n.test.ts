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
    const source = `import { t, Trans } from '@grafana/i18n';
      const a = t('page.title', 'Flame graph');
      const b = t('page.matched', 'Nothing matched {{selector}}', { selector, interpolation: PLAIN_TEXT });
      const c = <Trans i18nKey="page.hint">
        Pick a wider
        time range.
      </Trans>;`;
    expect(toLocaleJson(extractMessages('src/a.tsx', source))).toEqual({
      page: { hint: 'Pick a wider time range.', matched: 'Nothing matched {{selector}}', title: 'Flame graph' },
    });
  });

  it('reads plurals as i18next keys them, and <Trans> with defaults and components', () => {
    const source = `import { t, Trans } from '@grafana/i18n';
      t('gap.lines', '{{number}} lines not shown', {
        count, number, defaultValue_one: '{{number}} line not shown', interpolation: PLAIN_TEXT,
      });
      <Trans i18nKey="notice.limit" defaults="Raise <code>{{flag}}</code>." values={{ flag }} components={{ code: <code /> }} />;`;
    expect(toLocaleJson(extractMessages('src/a.tsx', source))).toEqual({
      gap: { lines_one: '{{number}} line not shown', lines_other: '{{number}} lines not shown' },
      notice: { limit: 'Raise <code>{{flag}}</code>.' },
    });
  });

  it('skips files that do not take t from @grafana/i18n (another t is not a translation)', () => {
    expect(extractMessages('src/a.ts', 'const t = (x: string) => x; t(name);').size).toBe(0);
  });

  const refusal = (body: string) => () =>
    extractMessages('src/a.tsx', `import { t, Trans } from '@grafana/i18n';\n${body}`);

  it('refuses one key with two English texts, and a <Trans> holding more than text', () => {
    expect(refusal("t('k', 'One'); t('k', 'Two');")).toThrow(/"k" is "One" elsewhere/);
    expect(refusal('<Trans i18nKey="k">Hi <b>there</b></Trans>')).toThrow(/holds more than text/);
  });

  // Each of these would leave a key out of the locale file, or show "src&#x2F;main.go" for a path.
  it.each([
    ["t(key, 'Text')", /literal key/],
    ["t('k', text)", /literal English text/],
    ["t('k', 'Text {{n}}', values)", /object literal/],
    ["t('k', '{{count}} lines', { count, interpolation: PLAIN_TEXT })", /defaultValue_one/],
    ["t('k', 'In {{file}}', { file })", /interpolation: PLAIN_TEXT/],
    ["t('k', 'Lines', { count, defaultValue_one: 'Line {{n}}' })", /interpolation: PLAIN_TEXT/],
    ['<Trans i18nKey={key}>Text</Trans>', /literal i18nKey/],
    ['<Trans i18nKey="k" defaults={text} />', /literal defaults/],
    ['<Trans i18nKey="k" count={n}>Lines</Trans>', /counts/],
  ])('refuses %s', (body, problem) => {
    expect(refusal(body)).toThrow(problem);
  });
});

describe('the lint rule for views', () => {
  jest.setTimeout(60_000);

  const view = (body: string) =>
    `import React from 'react';\nimport { t, Trans } from '@grafana/i18n';\nexport const V = ({ n, on }: { n: number; on: boolean }) => ${body};\n`;
  const lint = (bodies: string[], ruleId: string) =>
    lintProbes(
      bodies.map((body): [string, string] => ['src/pages/NewView.tsx', view(body)]),
      ruleId
    ).map((messages) => messages.length);

  it('refuses untranslated text and every text prop users read in a new view, and lets t() and Trans through', () => {
    const props = ['aria-label', 'title', 'placeholder', 'label', 'description', 'tooltip'];
    expect(
      lint(
        [
          '<div>Hello</div>',
          ...props.map((prop) => `<div ${prop}="Hello there" />`),
          ...props.map((prop) => `<div ${prop}={\`Hello \${n}\`} />`),
          `<div title={t('a.b', 'Hello')}><Trans i18nKey="a.c">Hi</Trans></div>`,
        ],
        '@grafana/i18n/no-untranslated-strings'
      )
    ).toEqual([1, ...props.map(() => 1), ...props.map(() => 1), 0]);
  });

  it('refuses English built in expressions and the props Grafana’s rule does not read', () => {
    expect(
      lint(
        [
          '<div>{`Show all ${n}`}</div>',
          "<div>{on && ' · hottest line'}</div>",
          "<div>{on ? `Line ${n}` : 'none'}</div>",
          "<div aria-label={on ? `Line ${n}` : t('a.b', 'None')} />",
          '<div message="No profiles" />',
          "<div message={on ? 'Empty' : `Line ${n}`} />",
          '<img alt="A flame graph" />',
          '<div aria-valuetext={`${n}% wide`} />',
          // Not text: numbers, punctuation, translations, values, and what <Trans> is given.
          "<div title={`${n}`}>{`${n} · ${n}`}{on && ' · '}{t('a.b', 'Hi {{n}}', { n })}{n}<img alt=\"\" /></div>",
          '<Trans i18nKey="a.c" defaults="Raise <code>{{flag}}</code>" values={{ flag: on ? `x ${n}` : "y" }} />',
        ],
        'linescope/no-untranslated-expressions'
      )
    ).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 0, 0]);
  });

  // A view leaves UNTRANSLATED_VIEWS once translated, for good: a listed view that the rule finds nothing in is a
  // mistake (and the list may end empty: nothing else changes then).
  it('lists in UNTRANSLATED_VIEWS only views that still hold untranslated text', () => {
    const config = readFileSync(join(root, 'eslint.i18n.mjs'), 'utf8');
    const list = /UNTRANSLATED_VIEWS = \[([^\]]*)\]/.exec(config)![1];
    const listed = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    // Linted as if it were a new view (a listed path is ignored by the config).
    const found = lintProbes(
      listed.map((file): [string, string] => [
        'src/pages/UntranslatedProbe.tsx',
        readFileSync(join(root, file), 'utf8'),
      ]),
      '@grafana/i18n/no-untranslated-strings'
    );
    const translated = listed.filter((_, i) => found[i].length === 0);
    expect(translated).toEqual([]);
  });
});
