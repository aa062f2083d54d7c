// "From the Go module proxy: example.org/lib v1.2.3": where a dependency's source came from, with the package's page.
import { t } from '@grafana/i18n';
import React from 'react';
import { Stack, Text, TextLink } from '@grafana/ui';
import type { PackageSource } from '../../source/core/types';
import { PLAIN_TEXT } from '../../constants';
import { testIds } from '../../testIds';

function registryTitle(registry: string): string {
  switch (registry) {
    case 'goproxy':
      return t('function-details.package-source.goproxy', 'the Go module proxy');
    case 'npm':
      return t('function-details.package-source.npm', 'the npm registry');
    case 'rubygems':
      return t('function-details.package-source.rubygems', 'RubyGems');
    case 'pypi':
      return t('function-details.package-source.pypi', 'PyPI');
    case 'maven':
      return t('function-details.package-source.maven', 'the Maven repository');
    default:
      return registry;
  }
}

export function PackageSourceNote({ source, pageUrl }: { source: PackageSource; pageUrl?: string }) {
  const version = source.platform ? `${source.version} (${source.platform})` : source.version;
  return (
    <Stack direction="row" gap={1} alignItems="center">
      <span data-testid={testIds.functionDetails.packageSource}>
        <Text color="secondary" variant="bodySmall">
          {t('function-details.package-source.from', 'From {{registry}}: {{name}} {{version}}', {
            registry: registryTitle(source.registry),
            name: source.name,
            version,
            interpolation: PLAIN_TEXT,
          })}
        </Text>
      </span>
      {pageUrl && (
        <span data-testid={testIds.functionDetails.packageSourceLink}>
          <TextLink href={pageUrl} external variant="bodySmall">
            {t('function-details.package-source.page', 'Package page')}
          </TextLink>
        </span>
      )}
    </Stack>
  );
}
