// Azure DevOps Services (dev.azure.com/<org> and <org>.visualstudio.com): signs in through the source server's
// HostSessionService with a Microsoft Entra ID app (the Azure DevOps resource's vso.code scope, PKCE); its session
// is the linescope_azure_devops_session cookie, which the data source must forward.
import { t } from '@grafana/i18n';
import { createSessionServiceHost } from '../../connection/sessionServiceHost';

export const AZURE_DEVOPS_SESSION_COOKIE = 'linescope_azure_devops_session';

export const azureDevops = createSessionServiceHost({
  kind: 'azure-devops',
  name: 'Azure DevOps',
  icon: 'microsoft',
  cookieName: AZURE_DEVOPS_SESSION_COOKIE,
  id: 'azure-devops',
  // The Git REST API has no blame: the repository page's Blame view is the only one.
  blame: false,
  notConfigured: () =>
    t(
      'source.azure-devops.not-configured',
      'The source server has no Microsoft Entra ID app configured for Azure DevOps (AZURE_DEVOPS_TENANT_ID, AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET and the session secret).'
    ),
});
