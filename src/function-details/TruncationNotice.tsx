import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { Alert } from '@grafana/ui';
import { PLAIN_TEXT } from '../constants';
import { testIds } from '../testIds';
import { formatShare, formatValue } from '../domain/format';
import type { FunctionDetails } from '../domain/model';

/**
 * Says when Pyroscope cut the call site's profile to its node limit, which numbers that makes unreliable and why.
 * Nothing when the profile is whole.
 */
export function TruncationNotice({ details }: { details: FunctionDetails }) {
  const cut = details.truncated;
  if (!cut) {
    return null;
  }
  const value = formatValue(cut.cutValue, details.unit);
  const share = formatShare(cut.cutValue, cut.profileTotal);
  return (
    <Alert
      severity="warning"
      title={t(
        'function-details.truncation-notice.title-pyroscope-cut-this-profile-short',
        'Pyroscope cut this profile short'
      )}
      data-testid={testIds.functionDetails.truncated}
    >
      <p>
        {t(
          'function-details.truncation-notice.merged',
          'To stay under its node limit, Pyroscope merged the smallest branches of this call site into “other”: {{value}} ({{share}} of the call site) no longer says which functions and lines it ran in.',
          { value, share, interpolation: PLAIN_TEXT }
        )}
      </p>
      <p>
        {t(
          'function-details.truncation-notice.low',
          'So self and total of each line, and of the function, may be low, by up to {{value}} in all; lines that ran only in the cut branches are missing. The numbers shown are never too high.',
          { value, interpolation: PLAIN_TEXT }
        )}
      </p>
      <p>
        <Trans
          i18nKey="function-details.truncation-notice.limit"
          defaults="Linescope already asks for as many nodes as Pyroscope allows. The limit is the tenant’s: an admin can raise <code>{{raise}}</code> or turn off <code>{{off}}</code>. A narrower time range or label filter also helps."
          values={{
            raise: '-querier.max-flamegraph-nodes-max',
            off: '-querier.max-flamegraph-nodes-on-select-merge-profile',
          }}
          components={{ code: <code /> }}
        />
      </p>
    </Alert>
  );
}
