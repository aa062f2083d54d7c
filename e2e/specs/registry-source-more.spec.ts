// Dependency frames of the Python, Java and Ruby samples (v2 of each service) opened in the browser: the source
// comes from the package registry (the stack's registry double, serving files recorded from PyPI and Maven
// Central, and the installed webrick gem), shown beside the numbers with the line that says where it came from.
import { test } from '@playwright/test';
import { connect, openFlameGraph, openFunctionDetails } from './support/app';
import { expectFromRegistry, expectPackageFileBesideTheNumbers } from './support/registry-source';

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
      await expectFromRegistry(panel, dependency.from, /^https:\/\/127\.0\.0\.1:\d+\//);
    });
  }
});
