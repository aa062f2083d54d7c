// Dependency frames of the Python, Java and Ruby samples (v2 of each service) opened in the browser: the source
// comes from the package registry (the stack's registry double, serving files recorded from PyPI and Maven
// Central, and the installed webrick gem), shown beside the numbers with the line that says where it came from.
import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RECORDED_DIR } from '../registry-doubles/recorded';
import { connect, openFlameGraph, openFunctionDetails, sampledRows } from './support/app';

/** Every sampled row of the code view shows the package file's own text at its line number. */
async function expectPackageFileBesideTheNumbers(panel: Locator, recordedFile: string, language: string) {
  const view = panel.getByTestId('code-view');
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('data-language', language);
  const lines = readFileSync(path.join(RECORDED_DIR, recordedFile), 'utf8').split('\n');
  const rows = await sampledRows(view);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.code, `line ${row.line}`).toBe(lines[row.line - 1]);
  }
}

test.describe('Source of Python, Java and Ruby dependencies from their registries', () => {
  for (const dependency of [
    {
      service: 'shop-python',
      fn: 'SortedKeyList.add',
      file: 'pypi/sortedcontainers@2.4.0/sortedcontainers/sortedlist.py',
      language: 'python',
      from: 'From PyPI: sortedcontainers 2.4.0',
    },
    {
      service: 'shop-java',
      fn: 'org/apache/commons/lang3/StringUtils.indexOfIgnoreCase',
      file: 'maven/org.apache.commons/commons-lang3@3.14.0/org/apache/commons/lang3/StringUtils.java',
      language: 'java',
      from: 'From the Maven repository: org.apache.commons:commons-lang3 3.14.0',
    },
    {
      service: 'shop-ruby',
      fn: 'WEBrick::HTTPUtils.parse_query',
      file: 'rubygems/webrick@1.8.1/lib/webrick/httputils.rb',
      language: 'ruby',
      from: 'From RubyGems: webrick 1.8.1',
    },
  ]) {
    test(`${dependency.service}: ${dependency.fn} opens with its package's source and says where it came from`, async ({
      page,
    }) => {
      const graph = await openFlameGraph(page, dependency.service);
      const panel = await openFunctionDetails(page, graph, dependency.fn);
      await connect(page, panel);
      await expectPackageFileBesideTheNumbers(panel, dependency.file, dependency.language);
      await expect(panel.getByTestId('linescope-package-source')).toHaveText(dependency.from);
      // No "Package page" link here: the double's page URL is plain http on 127.0.0.1, which the panel links only
      // for configured http hosts (a real registry's https page is linked).
    });
  }
});
