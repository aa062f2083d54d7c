import { Trans, t } from '@grafana/i18n';
import React from 'react';
import { Badge, Stack, TextLink, Tooltip } from '@grafana/ui';
import type { KnownHost, RepositoryInfo } from '../domain/repository';
import { safeLinkUrl } from '../domain/safeUrl';
import type { FunctionDetailsTarget } from '../domain/target';
import type { VersionChoice } from '../domain/versions';
import type { LabelVersion } from '../pyroscope/versionLabels';
import type { SourceRequest } from '../source/core/types';
import { OverrideButton } from '../source/overrides/OverrideEditor';
import { LINKS_ONLY_HOSTS, SOURCE_PROVIDERS, providerKindFor } from '../source/providers/table';
import { PLAIN_TEXT } from '../constants';
import { testIds } from '../testIds';

interface Props {
  target: FunctionDetailsTarget;
  selected: VersionChoice | undefined;
  repository: RepositoryInfo | undefined;
  /** The source server's own Git hosts, for the override form and the URL policy (http only for those). */
  hosts: readonly KnownHost[];
  labels: LabelVersion | undefined;
  sourceRequest: SourceRequest | undefined;
}

/** The repository row's value: the link, where it came from, Connect/Disconnect and the override pen. */
export function RepositoryValue({ target, selected, repository, hosts, labels, sourceRequest }: Props) {
  const raw = selected?.version?.repository;
  const linksOnly = repository?.kind !== undefined && LINKS_ONLY_HOSTS.includes(repository.kind);
  const providerKind = providerKindFor(repository?.kind);
  const Connection = providerKind ? SOURCE_PROVIDERS[providerKind]?.Connection : undefined;
  // A page the URL policy refuses (an override typed with http for a host not configured so) is named, not linked.
  const webUrl = safeLinkUrl(repository?.webUrl, { hosts });
  return (
    <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
      {repository && webUrl ? (
        <TextLink href={webUrl} external>
          {repository.display}
        </TextLink>
      ) : repository ? (
        <span>{repository.display}</span>
      ) : raw ? (
        <span>{raw}</span>
      ) : (
        <Tooltip
          content={t(
            'function-details.repository-value.unknown-tooltip',
            'Send the service_repository and service_git_ref labels with the profiles (or the OpenTelemetry vcs.* attributes) so Linescope knows where the source is.'
          )}
        >
          <span>
            <Trans i18nKey="function-details.repository-value.unknown">– (unknown)</Trans>
          </span>
        </Tooltip>
      )}
      {selected?.origin === 'labels' && (
        <span data-testid={testIds.functionDetails.repositoryFallback}>
          <Badge
            color="orange"
            text={t('function-details.repository-value.text-from-labels', 'from labels')}
            tooltip={t(
              'function-details.repository-value.from-labels-tooltip',
              "This profile's build id has no version, so the repository comes from the service's {{label}} label. It may not match the exact build.",
              { label: labels?.from.repository ?? '', interpolation: PLAIN_TEXT }
            )}
          />
        </span>
      )}
      {selected?.origin === 'override' && (
        <Badge color="purple" text={t('function-details.repository-value.text-overridden', 'overridden')} />
      )}
      {linksOnly && (
        <Badge
          color="blue"
          text={t('function-details.repository-value.text-links-only', 'links only')}
          tooltip={t(
            'function-details.repository-value.links-only-tooltip',
            'Linescope links to Bitbucket Cloud and Azure DevOps (file, blame, commit) but cannot fetch their source.'
          )}
        />
      )}
      {sourceRequest && !linksOnly && Connection && (
        <Connection vcsDataSourceUid={sourceRequest.vcsDataSourceUid} repositoryName={repository?.display} />
      )}
      <OverrideButton
        dataSourceUid={target.datasourceUid}
        serviceName={target.serviceName}
        current={sourceRequest?.version}
        hosts={hosts}
        showMarker={false}
      />
    </Stack>
  );
}
