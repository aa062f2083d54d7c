/** The `linescope_azure_devops_session` cookie: a provider cookie whose sealed token says `"provider": "azure-devops"`. */
import { providerCookie } from '../../session/provider-cookie';

export const AZURE_DEVOPS_SESSION_COOKIE = 'linescope_azure_devops_session';
export const azureDevopsCookie = providerCookie(AZURE_DEVOPS_SESSION_COOKIE, 'azure-devops', 'Azure DevOps');
