// Retry for the source after a passing failure (rate limit, timeout, host unavailable): a real button, so the keyboard
// reaches it with Tab and presses it with Enter or Space.
import React from 'react';
import { Trans } from '@grafana/i18n';
import { Button } from '@grafana/ui';
import { testIds } from '../testIds';

export function SourceRetry({ onRetry }: { onRetry: () => void }) {
  return (
    <Button
      size="sm"
      variant="secondary"
      icon="sync"
      onClick={onRetry}
      data-testid={testIds.functionDetails.sourceRetry}
    >
      <Trans i18nKey="function-details.source-retry.retry">Retry loading the source</Trans>
    </Button>
  );
}
