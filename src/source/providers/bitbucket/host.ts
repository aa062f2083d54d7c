// Bitbucket Cloud: signs in through the source server's HostSessionService with an OAuth consumer; its session is
// the linescope_bitbucket_session cookie, which the data source must forward.
import { t } from '@grafana/i18n';
import { createSessionServiceHost } from '../../connection/sessionServiceHost';

export const BITBUCKET_SESSION_COOKIE = 'linescope_bitbucket_session';

export const bitbucket = createSessionServiceHost({
  kind: 'bitbucket',
  name: 'Bitbucket',
  icon: 'code-branch',
  cookieName: BITBUCKET_SESSION_COOKIE,
  id: 'bitbucket',
  // REST API 2.0 has no annotate endpoint: the annotate page on bitbucket.org is the only blame.
  blame: false,
  notConfigured: () =>
    t(
      'source.bitbucket.not-configured',
      'The source server has no Bitbucket OAuth consumer configured (BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET and the session secret).'
    ),
});
