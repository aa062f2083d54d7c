/** The `linescope_bitbucket_session` cookie: a provider cookie whose sealed token says `"provider": "bitbucket"`. */
import { providerCookie } from '../../session/provider-cookie';

export const BITBUCKET_SESSION_COOKIE = 'linescope_bitbucket_session';
export const bitbucketCookie = providerCookie(BITBUCKET_SESSION_COOKIE, 'bitbucket', 'Bitbucket');
