// Where the host's API has no blame: why the panel shows none, and the host's own blame page instead.
import React from 'react';
import { t } from '@grafana/i18n';
import { Text, TextLink } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';

interface Props {
  /** The host's name when the providers' table knows it has no blame; unnamed after an `unimplemented` answer. */
  host?: string;
  /** The host's blame page of the file at the line, when it can be built. */
  blamePage?: string;
}

export function NoBlame({ host, blamePage }: Props) {
  const why = host
    ? t('function-details.blame.no-blame-host', 'The {{host}} API has no blame', { host, interpolation: PLAIN_TEXT })
    : t('function-details.blame.no-blame', "This host's API has no blame");
  if (!blamePage) {
    return (
      <Text color="secondary" variant="bodySmall">
        {why}
      </Text>
    );
  }
  return (
    <Text color="secondary" variant="bodySmall">
      {why}:{' '}
      <TextLink href={blamePage} external inline variant="bodySmall">
        {host
          ? t('function-details.blame.open-on-host', 'open the blame on {{host}}', { host, interpolation: PLAIN_TEXT })
          : t('function-details.blame.open-on-the-host', 'open the blame on the host')}
      </TextLink>
    </Text>
  );
}
